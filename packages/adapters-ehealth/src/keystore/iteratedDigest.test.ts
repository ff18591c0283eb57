import { hash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { iteratedDigest } from './iteratedDigest.js';

describe('iteratedDigest', () => {
  const input = Buffer.from('D || I of the PKCS#12 KDF, longer than one 64-byte block: '.repeat(3));
  it.each(['sha1', 'sha256', 'sha512'])('equals %s applied n times with node:crypto', (digest) => {
    for (const n of [1, 2, 3, 17, 1000]) {
      let expected = hash(digest, input, 'buffer');
      for (let i = 1; i < n; i++) expected = hash(digest, expected, 'buffer');
      expect(iteratedDigest(digest, input, n).toString('hex'), `${digest} x${n}`).toBe(expected.toString('hex'));
    }
  });
});
