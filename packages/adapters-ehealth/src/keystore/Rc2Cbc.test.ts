import { describe, expect, it } from 'vitest';
import { DecryptionFailedError } from './DecryptionFailedError.js';
import { rc2Cbc } from './Rc2Cbc.js';

describe('rc2Cbc', () => {
  it('matches the RFC 2268 section 5 vector (first block of CBC with a zero IV is ECB)', () => {
    const key = Buffer.from('88bca90e90875a7f0f79c384627bafb2', 'hex');
    const out = rc2Cbc(key, 128, Buffer.alloc(8), Buffer.alloc(8), true);
    expect(out.subarray(0, 8).toString('hex')).toBe('2269552ab0f85ca6');
  });

  it('decrypts what it encrypts with a 40-bit key and checks the padding', () => {
    const key = Buffer.from('0102030405', 'hex');
    const iv = Buffer.from('0001020304050607', 'hex');
    const plain = Buffer.from('a certificate SafeContents, not a multiple of 8');
    const encrypted = rc2Cbc(key, 40, iv, plain, true);
    expect(encrypted.length % 8).toBe(0);
    expect(rc2Cbc(key, 40, iv, encrypted, false)).toEqual(plain);
    expect(() => rc2Cbc(Buffer.from('0102030406', 'hex'), 40, iv, encrypted, false)).toThrow(DecryptionFailedError);
  });
});
