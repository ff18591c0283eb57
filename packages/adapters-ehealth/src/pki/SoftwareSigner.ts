import { createPrivateKey, sign, type KeyObject } from 'node:crypto';
import type { Bytes, SignatureAlgorithm, Signer, SignerRole } from '@ehealth-cert/core';
import { EhealthCertError } from '@ehealth-cert/core';

/**
 * A Signer over an in-memory PKCS#8 key: RSA keys sign RSA-SHA256 (PKCS#1 v1.5), P-384 keys
 * ECDSA-SHA384 in raw r||s (the XML-DSig form, see core SignatureAlgorithm).
 */
export class SoftwareSigner implements Signer {
  readonly algorithm: Signer['algorithm'];
  private readonly key: KeyObject;

  constructor(
    privateKey: Bytes,
    readonly certificateChain: readonly Bytes[],
    readonly role: SignerRole = 'ehealth-authentication',
  ) {
    try {
      this.key = createPrivateKey({ key: Buffer.from(privateKey), format: 'der', type: 'pkcs8' });
    } catch (cause) {
      throw new EhealthCertError('INVALID_INPUT', 'privateKey is not a PKCS#8 PrivateKeyInfo DER', { field: 'privateKey' }, { cause });
    }
    const type = this.key.asymmetricKeyType;
    if (type === 'rsa') this.algorithm = 'RSA-SHA256';
    else if (type === 'ec' && this.key.asymmetricKeyDetails?.namedCurve === 'secp384r1') this.algorithm = 'ECDSA-SHA384';
    else throw new EhealthCertError('INVALID_INPUT', `privateKey is ${type ?? 'unknown'}; only RSA and EC P-384 keys can sign`, { field: 'privateKey', keyType: type });
  }

  /** Hashes and signs `data`; an EC key signs ECDSA-SHA256 or ECDSA-SHA384 as asked. */
  async sign(data: Bytes, algorithm: SignatureAlgorithm = this.algorithm): Promise<Bytes> {
    if ((this.algorithm === 'RSA-SHA256') !== (algorithm === 'RSA-SHA256')) {
      throw new EhealthCertError('INTERNAL', `a ${this.algorithm} key cannot sign ${algorithm}`, { algorithm });
    }
    const signature =
      algorithm === 'RSA-SHA256'
        ? sign('sha256', data, this.key)
        : sign(algorithm === 'ECDSA-SHA256' ? 'sha256' : 'sha384', data, { key: this.key, dsaEncoding: 'ieee-p1363' });
    return new Uint8Array(signature);
  }
}
