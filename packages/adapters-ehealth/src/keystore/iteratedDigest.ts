import { hash } from 'node:crypto';

// SHA-256 round constants (FIPS 180-4 4.2.2) and initial hash value (5.3.3).
const K256 = Int32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
  0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
  0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const IV256 = Int32Array.from([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

/** `times` more rounds of SHA-256 over a 32-byte digest: each input is one padded block, no allocation per round. */
function iterateSha256(digest: Buffer, times: number): Buffer {
  const w = new Int32Array(64);
  const h = new Int32Array(8);
  for (let i = 0; i < 8; i++) h[i] = digest.readInt32BE(i * 4);
  for (let round = 0; round < times; round++) {
    for (let i = 0; i < 8; i++) w[i] = h[i]!;
    w[8] = 0x80000000 | 0;
    for (let i = 9; i < 15; i++) w[i] = 0;
    w[15] = 256;
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15]!;
      const y = w[i - 2]!;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
    }
    let a = IV256[0]!, b = IV256[1]!, c = IV256[2]!, d = IV256[3]!, e = IV256[4]!, f = IV256[5]!, g = IV256[6]!, hh = IV256[7]!;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (hh + S1 + ((e & f) ^ (~e & g)) + K256[i]! + w[i]!) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      hh = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
    }
    h[0] = (IV256[0]! + a) | 0; h[1] = (IV256[1]! + b) | 0; h[2] = (IV256[2]! + c) | 0; h[3] = (IV256[3]! + d) | 0;
    h[4] = (IV256[4]! + e) | 0; h[5] = (IV256[5]! + f) | 0; h[6] = (IV256[6]! + g) | 0; h[7] = (IV256[7]! + hh) | 0;
  }
  const out = Buffer.alloc(32);
  for (let i = 0; i < 8; i++) out.writeInt32BE(h[i]!, i * 4);
  return out;
}

// SHA-1 initial hash value (FIPS 180-4 5.3.1).
const IV1 = Int32Array.from([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0]);

/** `times` more rounds of SHA-1 over a 20-byte digest (the legacy MAC and PBE keys, DOMAIN.md 3). */
function iterateSha1(digest: Buffer, times: number): Buffer {
  const w = new Int32Array(80);
  const h = new Int32Array(5);
  for (let i = 0; i < 5; i++) h[i] = digest.readInt32BE(i * 4);
  for (let round = 0; round < times; round++) {
    for (let i = 0; i < 5; i++) w[i] = h[i]!;
    w[5] = 0x80000000 | 0;
    for (let i = 6; i < 15; i++) w[i] = 0;
    w[15] = 160;
    for (let i = 16; i < 80; i++) {
      const x = w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!;
      w[i] = (x << 1) | (x >>> 31);
    }
    let a = IV1[0]!, b = IV1[1]!, c = IV1[2]!, d = IV1[3]!, e = IV1[4]!;
    for (let i = 0; i < 80; i++) {
      let f: number, k: number;
      if (i < 20) { f = (b & c) | (~b & d); k = 0x5a827999; }
      else if (i < 40) { f = b ^ c ^ d; k = 0x6ed9eba1; }
      else if (i < 60) { f = (b & c) | (b & d) | (c & d); k = 0x8f1bbcdc | 0; }
      else { f = b ^ c ^ d; k = 0xca62c1d6 | 0; }
      const t = (((a << 5) | (a >>> 27)) + f + e + k + w[i]!) | 0;
      e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    }
    h[0] = (IV1[0]! + a) | 0; h[1] = (IV1[1]! + b) | 0; h[2] = (IV1[2]! + c) | 0; h[3] = (IV1[3]! + d) | 0; h[4] = (IV1[4]! + e) | 0;
  }
  const out = Buffer.alloc(20);
  for (let i = 0; i < 5; i++) out.writeInt32BE(h[i]!, i * 4);
  return out;
}

/**
 * `digest` applied `iterations` times to `input` (H^r of RFC 7292 B.2 step 6a). After the first
 * round the input is one fixed-size digest, so SHA-1 and SHA-256 loop in JS over one block without
 * allocating (about 3x faster than one native `crypto.hash` call per round); other digests use
 * `crypto.hash`.
 */
export function iteratedDigest(digest: string, input: Buffer, iterations: number): Buffer {
  const first = hash(digest, input, 'buffer');
  if (iterations <= 1) return first;
  if (digest === 'sha256') return iterateSha256(first, iterations - 1);
  if (digest === 'sha1') return iterateSha1(first, iterations - 1);
  let a = first;
  for (let r = 1; r < iterations; r++) a = hash(digest, a, 'buffer');
  return a;
}
