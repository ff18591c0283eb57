import type { Bytes } from '../ports/binary.js';

/** True when both byte arrays hold the same bytes. */
export function sameBytes(a: Bytes, b: Bytes): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
