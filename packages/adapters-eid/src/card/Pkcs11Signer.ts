import { createHash } from 'node:crypto';
import { EhealthCertError, type Bytes, type EidKey, type SignatureAlgorithm, type Signer } from '@ehealth-cert/core';
import pkcs11js from 'pkcs11js';
import type { Pkcs11Module } from '../pkcs11/Pkcs11Module.js';
import { findObjects } from '../pkcs11/findObjects.js';
import { translatePkcs11Error } from '../pkcs11/translatePkcs11Error.js';
import type { Pkcs11Login } from './Pkcs11Login.js';

/** CKA_ID of the eID private keys (DOMAIN.md 6 "Objects"). */
export const EID_KEY_IDS: Readonly<Record<EidKey, number>> = { authentication: 2, signature: 3 };

/** A Signer backed by an eID private key, valid for one card operation (one session). */
export class Pkcs11Signer implements Signer {
  private queue: Promise<unknown> = Promise.resolve();
  private key?: pkcs11js.Handle;
  private alwaysAuthenticate = false;

  constructor(
    readonly role: EidKey,
    readonly algorithm: SignatureAlgorithm,
    readonly certificateChain: readonly Bytes[],
    private readonly module: Pkcs11Module,
    private readonly session: pkcs11js.Handle,
    private readonly login: Pkcs11Login,
  ) {}

  /**
   * RSA: CKM_SHA256_RSA_PKCS; EC: SHA-256 or SHA-384 here (as `algorithm` asks; the XML signature
   * uses ecdsa-sha256 by default, like the connector), then CKM_ECDSA on the digest, raw r||s
   * (DOMAIN.md 6, TOOLCHAIN.md 4).
   */
  sign(data: Bytes, algorithm: SignatureAlgorithm = this.algorithm): Promise<Bytes> {
    const ec = this.algorithm !== 'RSA-SHA256';
    if (ec !== (algorithm !== 'RSA-SHA256')) {
      return Promise.reject(
        new EhealthCertError('INTERNAL', `the ${this.role} key is ${ec ? 'an EC' : 'an RSA'} key; it cannot sign ${algorithm}`, { key: this.role, algorithm }),
      );
    }
    // One C_SignInit/C_Sign pair at a time on the session.
    const result = this.queue.then(() => this.signNow(data, algorithm));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async signNow(data: Bytes, algorithm: SignatureAlgorithm): Promise<Bytes> {
    try {
      await this.login.ensure();
      const key = this.privateKey();
      const ec = algorithm !== 'RSA-SHA256';
      const input = ec ? createHash(algorithm === 'ECDSA-SHA256' ? 'sha256' : 'sha384').update(data).digest() : Buffer.from(data);
      this.module.C_SignInit(this.session, { mechanism: ec ? pkcs11js.CKM_ECDSA : pkcs11js.CKM_SHA256_RSA_PKCS }, key);
      if (this.alwaysAuthenticate) await this.login.contextSpecific();
      const signature = await this.module.C_SignAsync(this.session, input, Buffer.alloc(512));
      if (ec && signature.length !== 96) {
        throw new EhealthCertError('CARD_ERROR', `The eID returned a ${signature.length}-byte ECDSA signature; P-384 r||s is 96 bytes.`, { length: signature.length });
      }
      return new Uint8Array(signature);
    } catch (error) {
      throw translatePkcs11Error(error, `signing with the ${this.role} key`);
    }
  }

  /** Private keys are only visible after login on most tokens, so they are looked up here. */
  private privateKey(): pkcs11js.Handle {
    if (this.key) return this.key;
    const [key] = findObjects(this.module, this.session, [
      { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PRIVATE_KEY },
      { type: pkcs11js.CKA_ID, value: Buffer.of(EID_KEY_IDS[this.role]) },
    ]);
    if (key === undefined) {
      throw new EhealthCertError('CARD_ERROR', `The eID card has no ${this.role} private key (CKA_ID ${EID_KEY_IDS[this.role]}).`, { key: this.role });
    }
    this.alwaysAuthenticate = this.readAlwaysAuthenticate(key);
    this.key = key;
    return key;
  }

  /**
   * Whether each signature needs C_Login(CKU_CONTEXT_SPECIFIC) (PKCS#11 2.40 4.9). The beid module's
   * key templates have no such attribute (eid-mw beid_p11.h): it verifies the non-repudiation PIN
   * itself for each signature (DOMAIN.md 6 "PIN"); modules that mark the Signature key need it.
   */
  private readAlwaysAuthenticate(key: pkcs11js.Handle): boolean {
    try {
      const [always] = this.module.C_GetAttributeValue(this.session, key, [{ type: pkcs11js.CKA_ALWAYS_AUTHENTICATE }]);
      return always?.value[0] === 1;
    } catch {
      // CKR_ATTRIBUTE_TYPE_INVALID on pre-2.20 modules: the attribute does not exist there.
      return false;
    }
  }
}
