import { webcrypto } from 'node:crypto';
import type { Bytes } from '@ehealth-cert/core';
import * as asn1js from 'asn1js';
import { CryptoEngine } from 'pkijs';
import { toArrayBuffer } from './fromBerOrThrow.js';

/**
 * pkijs over node:crypto's WebCrypto (TOOLCHAIN.md 5). pkijs leaves the parameters of
 * sha256WithRSAEncryption out; RFC 4055 5 says they MUST be NULL, and Java (the connector's
 * CSR and encryption certificate, DOMAIN.md 2.4-2.5) and OpenSSL write NULL, so we do too.
 */
class NullParametersEngine extends CryptoEngine {
  override async getSignatureParameters(...args: Parameters<CryptoEngine['getSignatureParameters']>): ReturnType<CryptoEngine['getSignatureParameters']> {
    const result = await super.getSignatureParameters(...args);
    if (args[0].algorithm.name.toUpperCase() === 'RSASSA-PKCS1-V1_5') result.signatureAlgorithm.algorithmParams = new asn1js.Null();
    return result;
  }
}

/** The pkijs engine, passed explicitly everywhere (TOOLCHAIN.md 5). */
export const engine = new NullParametersEngine({ name: 'node', crypto: webcrypto as never });

/** The SHA-2 digests an RSA PKCS#1 v1.5 signature of ours may use. */
export type RsaHash = 'SHA-256' | 'SHA-384' | 'SHA-512';

/** A PKCS#8 RSA key as a WebCrypto signing key for SHA256withRSA (or `hash`). */
export async function rsaSigningKey(pkcs8: Bytes, hash: RsaHash = 'SHA-256'): Promise<webcrypto.CryptoKey> {
  return webcrypto.subtle.importKey('pkcs8', toArrayBuffer(pkcs8), { name: 'RSASSA-PKCS1-v1_5', hash }, false, ['sign']);
}
