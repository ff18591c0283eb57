import { iteratedDigest } from './iteratedDigest.js';

/** The purpose byte of the PKCS#12 key derivation (RFC 7292 appendix B.3). */
export type Pkcs12KdfPurpose = 1 | 2 | 3;

/** Digest output (u) and block (v) sizes in bytes, RFC 7292 appendix B.2. */
const SIZES: Readonly<Record<string, { readonly u: number; readonly v: number }>> = {
  sha1: { u: 20, v: 64 },
  sha256: { u: 32, v: 64 },
  sha384: { u: 48, v: 128 },
  sha512: { u: 64, v: 128 },
};

/** The password as PKCS#12 wants it: BMPString (UTF-16BE) with a two-byte NUL terminator (RFC 7292 B.1). */
export function bmpPassword(password: string): Buffer {
  const bytes = Buffer.alloc(password.length * 2 + 2);
  for (let i = 0; i < password.length; i++) bytes.writeUInt16BE(password.charCodeAt(i), i * 2);
  return bytes;
}

function repeatTo(source: Buffer, v: number): Buffer {
  if (source.length === 0) return Buffer.alloc(0);
  const length = v * Math.ceil(source.length / v);
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) out[i] = source[i % source.length]!;
  return out;
}

/**
 * The PKCS#12 key derivation function (RFC 7292 appendix B.2): used for the MAC key (purpose 3)
 * and for the legacy `pbeWithSHAAnd...` keys (1) and IVs (2). The iterated digest is the hot loop
 * (100 000 rounds per MAC): see `iteratedDigest`.
 */
export function pkcs12Kdf(
  digest: string,
  password: Buffer,
  salt: Uint8Array,
  purpose: Pkcs12KdfPurpose,
  iterations: number,
  length: number,
): Buffer {
  const sizes = SIZES[digest];
  if (sizes === undefined) throw new Error(`PKCS#12 KDF: unsupported digest ${digest}`);
  const { u, v } = sizes;
  const d = Buffer.alloc(v, purpose);
  const i = Buffer.concat([repeatTo(Buffer.from(salt), v), repeatTo(password, v)]);
  const blocks = Math.ceil(length / u);
  const out = Buffer.alloc(blocks * u);
  for (let n = 0; n < blocks; n++) {
    const a = iteratedDigest(digest, Buffer.concat([d, i]), iterations);
    a.copy(out, n * u);
    if (n === blocks - 1) break;
    // I_j = (I_j + B + 1) mod 2^(8v), B = A repeated to v bytes.
    const b = repeatTo(a, v);
    for (let j = 0; j < i.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = i[j + k]! + b[k]! + carry;
        i[j + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return out.subarray(0, length);
}
