import { createHash } from 'node:crypto';
import type { Bytes } from '@ehealth-cert/core';
import { EhealthCertError } from '@ehealth-cert/core';
import { CertificationRequest, PublicKeyInfo } from 'pkijs';
import { fromBerOrThrow } from './fromBerOrThrow.js';

/** SHA-1 of the subjectPublicKey BIT STRING contents, 40 lower-case hex (RFC 5280 4.2.1.2 (1), DOMAIN.md 2.1). */
export function publicKeyIdentifierOfKeyInfo(keyInfo: PublicKeyInfo): string {
  const bits = new Uint8Array(keyInfo.subjectPublicKey.valueBlock.valueHexView);
  return createHash('sha1').update(bits).digest('hex');
}

/** PublicKeyIdentifier of a SubjectPublicKeyInfo DER. */
export function publicKeyIdentifierOfSpki(spki: Bytes): string {
  return publicKeyIdentifierOfKeyInfo(fromBerOrThrow((b) => PublicKeyInfo.fromBER(b), spki, 'publicKey', 'SubjectPublicKeyInfo'));
}

/** PublicKeyIdentifier of the key inside a PKCS#10 request (what GenerateCertificate answers with). */
export function publicKeyIdentifierOfCsr(csr: Bytes): string {
  const request = fromBerOrThrow((b) => CertificationRequest.fromBER(b), csr, 'csr', 'PKCS#10 CertificationRequest');
  if (!request.subjectPublicKeyInfo) throw new EhealthCertError('INVALID_INPUT', 'csr has no subjectPublicKeyInfo', { field: 'csr' });
  return publicKeyIdentifierOfKeyInfo(request.subjectPublicKeyInfo);
}
