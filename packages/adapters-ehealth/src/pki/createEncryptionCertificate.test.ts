import { describe, expect, it } from 'vitest';
import { createEncryptionCertificate } from './createEncryptionCertificate.js';
import { ETK_KAT, ETK_KAT_SERIAL } from './testing/etkKnownAnswer.js';

describe('createEncryptionCertificate (known answer made by openssl ca, DOMAIN.md 2.5)', () => {
  it('is byte for byte the certificate openssl issues with the same inputs (RSA PKCS#1 v1.5 signatures are deterministic)', async () => {
    const der = await createEncryptionCertificate({
      authenticationCertificate: ETK_KAT.authenticationCertificate,
      authenticationKey: ETK_KAT.authenticationKey,
      encryptionKey: ETK_KAT.encryptionKey,
      serialNumber: ETK_KAT_SERIAL,
    });
    expect(Buffer.from(der).toString('hex')).toBe(Buffer.from(ETK_KAT.encryptionCertificate).toString('hex'));
  });
});
