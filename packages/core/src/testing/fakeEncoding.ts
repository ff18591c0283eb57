import type { Bytes } from '../ports/binary.js';
import { EhealthCertError } from '../errors/EhealthCertError.js';

// The fakes exchange "DER" that is really tagged JSON: readable in a failing assertion, and
// parseable by every fake without any crypto library (core imports nothing, ARCHITECTURE.md).

/** Encodes `value` as fake binary data tagged with `tag` (e.g. `CERT`, `CSR`, `ETK`). */
export function encodeFake(tag: string, value: unknown): Bytes {
  return new TextEncoder().encode(`FAKE-${tag}:${JSON.stringify(value)}`);
}

/** Decodes data made by `encodeFake` with the same tag; INVALID_INPUT otherwise. */
export function decodeFake<T>(tag: string, data: Bytes): T {
  const text = new TextDecoder().decode(data);
  const prefix = `FAKE-${tag}:`;
  if (!text.startsWith(prefix)) {
    throw new EhealthCertError('INVALID_INPUT', `Fake data is not a ${tag}: it starts with "${text.slice(0, 16)}".`, { tag });
  }
  return JSON.parse(text.slice(prefix.length)) as T;
}

/** Hex of `data`, for putting bytes inside fake structures. */
export function toHex(data: Bytes): string {
  return [...data].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A deterministic 40-hex-digit digest (five FNV-1a rounds): stands in for SHA-1 in the fakes. */
export function fakeDigest(data: Bytes): string {
  let out = '';
  for (let seed = 0; seed < 5; seed += 1) {
    let hash = (0x811c9dc5 ^ (seed * 0x9e3779b1)) >>> 0;
    for (const byte of data) {
      hash ^= byte;
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    out += hash.toString(16).padStart(8, '0');
  }
  return out;
}

export { sameBytes } from '../certificate-completion/sameBytes.js';
