import type { Bytes, KeyPair } from '@ehealth-cert/core';
import { CertificationRequest, PublicKeyInfo, RelativeDistinguishedNames } from 'pkijs';
import { encodeDn } from './DistinguishedName.js';
import { toArrayBuffer } from './fromBerOrThrow.js';
import { engine, rsaSigningKey } from './pkijsEngine.js';

/**
 * PKCS#10 with subject = the contract's DN exactly (one attribute per RDN, DOMAIN.md 2.4 item 7),
 * no attributes, SHA256withRSA (DOMAIN.md 2.4 item 8).
 */
export async function createCsr(keyPair: KeyPair, dn: string): Promise<Bytes> {
  const csr = new CertificationRequest();
  csr.version = 0;
  csr.subject = RelativeDistinguishedNames.fromBER(encodeDn(dn));
  csr.subjectPublicKeyInfo = PublicKeyInfo.fromBER(toArrayBuffer(keyPair.publicKey));
  csr.attributes = [];
  await csr.sign((await rsaSigningKey(keyPair.privateKey)) as never, 'SHA-256', engine);
  return new Uint8Array(csr.toSchema().toBER(false));
}
