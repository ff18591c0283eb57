import type { Bytes } from '@ehealth-cert/core';
import { EhealthCertError } from '@ehealth-cert/core';

/** Copies into a fresh ArrayBuffer: a Node Buffer's `.buffer` is the whole pool (TOOLCHAIN.md 5). */
export function toArrayBuffer(bytes: Bytes): ArrayBuffer {
  return Uint8Array.from(bytes).buffer;
}

/** Runs a pkijs `X.fromBER(buffer)` over a copy of `bytes`, or throws INVALID_INPUT naming `field`. */
export function fromBerOrThrow<T>(parse: (buffer: ArrayBuffer) => T, bytes: Bytes, field: string, what: string): T {
  try {
    return parse(toArrayBuffer(bytes));
  } catch (cause) {
    throw new EhealthCertError('INVALID_INPUT', `${field} is not a DER ${what}`, { field, length: bytes.length }, { cause });
  }
}
