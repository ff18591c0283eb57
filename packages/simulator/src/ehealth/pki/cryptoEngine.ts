import { webcrypto } from 'node:crypto';

/** A WebCrypto key (node:crypto typing; the package has no DOM lib). */
export type CryptoKey = webcrypto.CryptoKey;
import * as pkijs from 'pkijs';

/** The pkijs engine on node:crypto WebCrypto, passed explicitly everywhere (TOOLCHAIN.md 5). */
export const engine = new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as pkijs.CryptoEngineParameters['crypto'] });

/** Copies bytes into a fresh ArrayBuffer (a Buffer's `.buffer` is the shared pool, TOOLCHAIN.md 5). */
export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return Uint8Array.from(bytes).buffer;
}
