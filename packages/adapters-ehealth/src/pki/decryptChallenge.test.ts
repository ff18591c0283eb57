import { describe, expect, it } from 'vitest';
import { EhealthCertError } from '@ehealth-cert/core';
import { decryptChallenge } from './decryptChallenge.js';
import { ETK_KAT, ETK_KAT_SERIAL } from './testing/etkKnownAnswer.js';

describe('decryptChallenge (known answer made by openssl, DOMAIN.md 2.5)', () => {
  it('gives the serial of the fixed 288-byte challenge, its top bit set, unsigned', () => {
    expect(ETK_KAT.challenge).toHaveLength(288);
    expect(decryptChallenge(ETK_KAT.encryptionKey, ETK_KAT.challenge)).toBe(ETK_KAT_SERIAL);
  });

  it('refuses the fixed challenge with a flipped SHA-256 byte or RSA byte, or under the other key', () => {
    const flipped = (index: number): Uint8Array => {
      const copy = Uint8Array.from(ETK_KAT.challenge);
      copy[index] = copy[index]! ^ 0x01;
      return copy;
    };
    for (const challenge of [flipped(287), flipped(10)]) {
      expect(() => decryptChallenge(ETK_KAT.encryptionKey, challenge)).toThrowError(EhealthCertError);
    }
    expect(() => decryptChallenge(ETK_KAT.authenticationKey, ETK_KAT.challenge)).toThrowError(EhealthCertError);
  });

  it('names the field when the key is not PKCS#8, without its bytes', () => {
    const error = (() => {
      try {
        decryptChallenge({ ...ETK_KAT.encryptionKey, privateKey: ETK_KAT.encryptionKey.publicKey }, ETK_KAT.challenge);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(EhealthCertError.is(error, 'INVALID_INPUT')).toBe(true);
    expect((error as EhealthCertError).details).toEqual({ field: 'encryptionKey.privateKey' });
  });
});
