import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { engine } from './cryptoEngine.js';
import type { CryptoKey } from './cryptoEngine.js';

/** What goes into an X.509 v3 certificate. */
export interface CertificateTemplate {
  readonly subject: pkijs.RelativeDistinguishedNames;
  readonly issuer: pkijs.RelativeDistinguishedNames;
  readonly subjectPublicKeyInfo: pkijs.PublicKeyInfo;
  /** Positive serial, big-endian (leading bit cleared by the caller). */
  readonly serial: Uint8Array;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly extensions: pkijs.Extension[];
  readonly signingKey: CryptoKey;
  readonly hash?: 'SHA-256' | 'SHA-384';
}

/** Signs an X.509 v3 certificate and returns its DER. */
export async function buildCertificate(t: CertificateTemplate): Promise<Uint8Array> {
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ valueHex: Uint8Array.from(t.serial).buffer });
  cert.subject = t.subject;
  cert.issuer = t.issuer;
  // UTCTime through 2049, GeneralizedTime after (RFC 5280 4.1.2.5).
  const time = (d: Date) => new pkijs.Time({ type: d.getUTCFullYear() < 2050 ? 0 : 1, value: d });
  cert.notBefore = time(t.notBefore);
  cert.notAfter = time(t.notAfter);
  cert.subjectPublicKeyInfo = t.subjectPublicKeyInfo;
  cert.extensions = t.extensions;
  await cert.sign(t.signingKey, t.hash ?? 'SHA-256', engine);
  return new Uint8Array(cert.toSchema(true).toBER(false));
}

/** KeyUsage extension (RFC 5280 4.2.1.3) from bit positions (0 = digitalSignature, 1 = nonRepudiation, ...). */
export function keyUsageExtension(bits: number[], critical = true): pkijs.Extension {
  let byte0 = 0;
  let byte1 = 0;
  for (const b of bits) {
    if (b < 8) byte0 |= 0x80 >> b;
    else byte1 |= 0x80 >> (b - 8);
  }
  const bytes = byte1 ? [byte0, byte1] : [byte0];
  const last = bytes[bytes.length - 1] as number;
  let unused = 0;
  while (unused < 7 && (last & (1 << unused)) === 0) unused++;
  const value = new Uint8Array([unused, ...bytes]);
  const bitString = new asn1js.BitString({ valueHex: value.slice(1).buffer, unusedBits: unused });
  return new pkijs.Extension({ extnID: '2.5.29.15', critical, extnValue: bitString.toBER(false) });
}

/** BasicConstraints extension (RFC 5280 4.2.1.9), always critical. */
export function basicConstraintsExtension(ca: boolean): pkijs.Extension {
  const bc = new pkijs.BasicConstraints({ cA: ca });
  return new pkijs.Extension({ extnID: '2.5.29.19', critical: true, extnValue: bc.toSchema().toBER(false), parsedValue: bc });
}

/** SubjectKeyIdentifier extension (RFC 5280 4.2.1.2). */
export function subjectKeyIdentifierExtension(keyId: Uint8Array): pkijs.Extension {
  return new pkijs.Extension({ extnID: '2.5.29.14', extnValue: new asn1js.OctetString({ valueHex: Uint8Array.from(keyId).buffer }).toBER(false) });
}

/** AuthorityKeyIdentifier extension with a keyIdentifier (RFC 5280 4.2.1.1). */
export function authorityKeyIdentifierExtension(keyId: Uint8Array): pkijs.Extension {
  const aki = new pkijs.AuthorityKeyIdentifier({ keyIdentifier: new asn1js.OctetString({ valueHex: Uint8Array.from(keyId).buffer }) });
  return new pkijs.Extension({ extnID: '2.5.29.35', extnValue: aki.toSchema().toBER(false) });
}

/** ExtendedKeyUsage extension (RFC 5280 4.2.1.12). */
export function extendedKeyUsageExtension(oids: string[]): pkijs.Extension {
  const eku = new pkijs.ExtKeyUsage({ keyPurposes: oids });
  return new pkijs.Extension({ extnID: '2.5.29.37', extnValue: eku.toSchema().toBER(false) });
}

/** CertificatePolicies extension with one policy and a CPS URI qualifier (RFC 5280 4.2.1.4). */
export function certificatePoliciesExtension(policyOid: string, cpsUri: string): pkijs.Extension {
  const policies = new pkijs.CertificatePolicies({
    certificatePolicies: [
      new pkijs.PolicyInformation({
        policyIdentifier: policyOid,
        policyQualifiers: [new pkijs.PolicyQualifierInfo({ policyQualifierId: '1.3.6.1.5.5.7.2.1', qualifier: new asn1js.IA5String({ value: cpsUri }) })],
      }),
    ],
  });
  return new pkijs.Extension({ extnID: '2.5.29.32', extnValue: policies.toSchema().toBER(false) });
}

/** AuthorityInfoAccess extension with one OCSP responder URI (RFC 5280 4.2.2.1). */
export function ocspAccessExtension(ocspUri: string): pkijs.Extension {
  const aia = new pkijs.InfoAccess({
    accessDescriptions: [new pkijs.AccessDescription({ accessMethod: '1.3.6.1.5.5.7.48.1', accessLocation: new pkijs.GeneralName({ type: 6, value: ocspUri }) })],
  });
  return new pkijs.Extension({ extnID: '1.3.6.1.5.5.7.1.1', extnValue: aia.toSchema().toBER(false) });
}

/** CRLDistributionPoints extension with one full-name URI (RFC 5280 4.2.1.13). */
export function crlDistributionPointExtension(crlUri: string): pkijs.Extension {
  const dp = new pkijs.CRLDistributionPoints({
    distributionPoints: [new pkijs.DistributionPoint({ distributionPoint: [new pkijs.GeneralName({ type: 6, value: crlUri })] })],
  });
  return new pkijs.Extension({ extnID: '2.5.29.31', extnValue: dp.toSchema().toBER(false) });
}
