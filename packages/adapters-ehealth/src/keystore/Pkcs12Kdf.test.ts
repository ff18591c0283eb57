import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { bmpPassword, pkcs12Kdf } from './Pkcs12Kdf.js';

// node-forge's independent implementation of RFC 7292 appendix B (SHA-1 only) as the reference.
const require = createRequire(import.meta.url);
const forgePbe = require('node-forge/lib/pbe.js') as {
  generatePkcs12Key(password: string, salt: unknown, id: number, iter: number, n: number): { getBytes(): string };
};
const forgeUtil = require('node-forge/lib/util.js') as { createBuffer(bytes: string, encoding: 'raw'): unknown };

describe('pkcs12Kdf', () => {
  it('encodes the password as BMPString with a NUL terminator', () => {
    expect(bmpPassword('ab').toString('hex')).toBe('006100620000');
  });

  it.each([
    [1, 24, 1],
    [2, 8, 3],
    [3, 20, 2048],
    [1, 5, 7],
    [1, 45, 2], // more than two digest blocks: exercises the I_j + B + 1 update
  ] as const)('matches node-forge for purpose %i, %i bytes, %i iterations', (purpose, length, iterations) => {
    const salt = Buffer.from('0a58cf64530d823f', 'hex');
    const ours = pkcs12Kdf('sha1', bmpPassword('smeg'), salt, purpose, iterations, length);
    const forge = Buffer.from(forgePbe.generatePkcs12Key('smeg', forgeUtil.createBuffer(salt.toString('latin1'), 'raw'), purpose, iterations, length).getBytes(), 'latin1');
    expect(ours.toString('hex')).toBe(forge.toString('hex'));
  });

  it('rejects a digest the KDF does not know', () => {
    expect(() => pkcs12Kdf('md5', bmpPassword('x'), Buffer.alloc(8), 3, 1, 16)).toThrow(/unsupported digest md5/);
  });
});
