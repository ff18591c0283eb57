import { createHash, webcrypto, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/** What to put in an X.509 v3 certificate issued by the fake PKI. */
export interface CertificateTemplate {
  /** DER Name (see buildName). */
  readonly subject: Uint8Array;
  /** DER of the issuer certificate; absent for a self-signed root. */
  readonly issuerCertificate?: Uint8Array;
  /** DER SubjectPublicKeyInfo of the subject. */
  readonly subjectPublicKey: Uint8Array;
  readonly serialNumber: Uint8Array;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly ca: boolean;
  /** KeyUsage bits (RFC 5280 4.2.1.3): digitalSignature = 0, nonRepudiation = 1, keyCertSign = 5, cRLSign = 6. */
  readonly keyUsageBits: readonly number[];
  /** The issuer's private key (RSA: sha256WithRSAEncryption, EC P-384: ecdsa-with-SHA384). */
  readonly issuerKey: KeyObject;
}

// lib has no DOM types: pkijs's `Crypto` / `CryptoKey` are node:crypto's webcrypto at run time.
const engine = new pkijs.CryptoEngine({
  name: 'node',
  crypto: webcrypto as unknown as ConstructorParameters<typeof pkijs.CryptoEngine>[0]['crypto'],
});

/** Issues (signs) one certificate with pkijs and returns its DER. */
export async function issueCertificate(template: CertificateTemplate): Promise<Uint8Array> {
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ valueHex: template.serialNumber.slice().buffer });
  const subject = pkijs.RelativeDistinguishedNames.fromBER(template.subject.slice());
  cert.subject = subject;
  cert.issuer = template.issuerCertificate
    ? pkijs.Certificate.fromBER(template.issuerCertificate.slice()).subject
    : pkijs.RelativeDistinguishedNames.fromBER(template.subject.slice());
  cert.notBefore = new pkijs.Time({ type: pkijs.TimeType.UTCTime, value: template.notBefore });
  cert.notAfter = new pkijs.Time({ type: pkijs.TimeType.UTCTime, value: template.notAfter });
  cert.subjectPublicKeyInfo = pkijs.PublicKeyInfo.fromBER(template.subjectPublicKey.slice());

  const issuerSpki = template.issuerCertificate
    ? new Uint8Array(pkijs.Certificate.fromBER(template.issuerCertificate.slice()).subjectPublicKeyInfo.toSchema().toBER(false))
    : template.subjectPublicKey;
  cert.extensions = [
    ...(template.ca ? [extension('2.5.29.19', true, new pkijs.BasicConstraints({ cA: true }).toSchema())] : []),
    extension('2.5.29.15', true, keyUsage(template.keyUsageBits)),
    extension('2.5.29.14', false, new asn1js.OctetString({ valueHex: keyIdentifier(template.subjectPublicKey) })),
    extension(
      '2.5.29.35',
      false,
      new pkijs.AuthorityKeyIdentifier({
        keyIdentifier: new asn1js.OctetString({ valueHex: keyIdentifier(issuerSpki) }),
      }).toSchema(),
    ),
  ];

  const ec = template.issuerKey.asymmetricKeyType === 'ec';
  const pkcs8 = template.issuerKey.export({ type: 'pkcs8', format: 'der' });
  const algorithm = ec
    ? { name: 'ECDSA', namedCurve: 'P-384' }
    : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  const key = await webcrypto.subtle.importKey('pkcs8', Uint8Array.from(pkcs8), algorithm, false, ['sign']);
  await cert.sign(key as unknown as Parameters<pkijs.Certificate['sign']>[0], ec ? 'SHA-384' : 'SHA-256', engine);
  return new Uint8Array(cert.toSchema(true).toBER(false));
}

function extension(extnID: string, critical: boolean, value: asn1js.BaseBlock): pkijs.Extension {
  return new pkijs.Extension({ extnID, critical, extnValue: value.toBER(false) });
}

/** KeyUsage BIT STRING with the given bit numbers set (DER: trailing zero bits are unused). */
function keyUsage(bits: readonly number[]): asn1js.BitString {
  let value = 0;
  for (const bit of bits) value |= 0x8000 >> bit;
  const highest = Math.max(...bits);
  const bytes = highest < 8 ? [value >> 8] : [value >> 8, value & 0xff];
  const unused = bytes.length * 8 - 1 - highest;
  return new asn1js.BitString({ valueHex: new Uint8Array(bytes).buffer, unusedBits: unused });
}

/** RFC 5280 4.2.1.2 method 1: SHA-1 of the subjectPublicKey BIT STRING value. */
function keyIdentifier(spki: Uint8Array): ArrayBuffer {
  const info = pkijs.PublicKeyInfo.fromBER(spki.slice());
  const bits = new Uint8Array(info.subjectPublicKey.valueBlock.valueHexView);
  return Uint8Array.from(createHash('sha1').update(bits).digest()).buffer;
}
