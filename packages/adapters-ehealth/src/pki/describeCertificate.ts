import type { Bytes, CertificateSummary } from '@ehealth-cert/core';
import { Certificate } from 'pkijs';
import { formatDn } from './DistinguishedName.js';
import { fromBerOrThrow } from './fromBerOrThrow.js';
import { publicKeyIdentifierOfKeyInfo } from './publicKeyIdentifier.js';

/** Subject of the placeholder certificate (DOMAIN.md 2.4 item 9). */
export const PLACEHOLDER_SUBJECT = 'C=Dummy';

/** Decimal serial of a pkijs certificate (unsigned big-endian INTEGER contents). */
export function serialOf(cert: Certificate): string {
  const hex = Buffer.from(cert.serialNumber.valueBlock.valueHexView).toString('hex');
  return hex === '' ? '0' : BigInt(`0x${hex}`).toString(10);
}

/** Subject/issuer (RFC 2253, eHealth's form), serial, validity and PublicKeyIdentifier of a DER certificate. */
export function describeCertificate(certificate: Bytes): CertificateSummary {
  const cert = fromBerOrThrow((b) => Certificate.fromBER(b), certificate, 'certificate', 'X.509 Certificate');
  const subject = formatDn(cert.subject.toSchema().toBER(false));
  const serialNumber = serialOf(cert);
  return {
    subject,
    issuer: formatDn(cert.issuer.toSchema().toBER(false)),
    serialNumber,
    notBefore: cert.notBefore.value,
    notAfter: cert.notAfter.value,
    publicKeyIdentifier: publicKeyIdentifierOfKeyInfo(cert.subjectPublicKeyInfo),
    placeholder: subject === PLACEHOLDER_SUBJECT && serialNumber === '0',
  };
}
