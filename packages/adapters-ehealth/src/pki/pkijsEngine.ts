import { webcrypto } from 'node:crypto';
import type { Bytes } from '@ehealth-cert/core';
import { CryptoEngine } from 'pkijs';
import { toArrayBuffer } from './fromBerOrThrow.js';

/** pkijs over node:crypto's WebCrypto, passed explicitly everywhere (TOOLCHAIN.md 5). */
export const engine = new CryptoEngine({ name: 'node', crypto: webcrypto as never });

/** A PKCS#8 RSA key as a WebCrypto signing key for SHA256withRSA. */
export async function rsaSigningKey(pkcs8: Bytes): Promise<webcrypto.CryptoKey> {
  return webcrypto.subtle.importKey('pkcs8', toArrayBuffer(pkcs8), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
}
