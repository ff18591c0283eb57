import { X509Certificate, createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { formatRfc2253 } from './formatRfc2253.js';

/** KeyUsage bits (RFC 5280 section 4.2.1.3) the simulator looks at. */
export interface KeyUsage {
  readonly digitalSignature: boolean;
  readonly nonRepudiation: boolean;
  readonly keyEncipherment: boolean;
  readonly dataEncipherment: boolean;
  readonly keyCertSign: boolean;
  readonly critical: boolean;
}

/** What the simulator needs to know about a certificate. */
export interface CertificateFacts {
  readonly der: Buffer;
  readonly x509: X509Certificate;
  readonly pkijs: pkijs.Certificate;
  readonly subjectDn: string;
  readonly issuerDn: string;
  /** Subject attributes by OID (first value), e.g. `2.5.4.5` serialNumber = SSIN on an eID. */
  readonly subject: ReadonlyMap<string, string>;
  readonly keyUsage?: KeyUsage;
  /** SHA-1 of the subjectPublicKey BIT STRING contents, hex lower case (DOMAIN.md 2.1). */
  readonly publicKeyIdentifier: string;
  readonly serialHex: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
}

/** SHA-1 over the subjectPublicKey BIT STRING contents of an SPKI (RFC 5280 4.2.1.2 method 1). */
export function publicKeyIdentifierOf(spki: pkijs.PublicKeyInfo): string {
  return createHash('sha1').update(new Uint8Array(spki.subjectPublicKey.valueBlock.valueHexView)).digest('hex');
}

// Parsing with pkijs costs milliseconds and the same certificates (CAs, the eHealth certificate of
// each EtkRA call) come back in every request: remember the last ones read.
const cache = new Map<string, CertificateFacts>();
const CACHE_SIZE = 2000;

/** Parses a DER certificate (memoised; treat the result as read-only); throws when it is not one. */
export function readCertificate(der: Uint8Array): CertificateFacts {
  const key = Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('base64');
  const hit = cache.get(key);
  if (hit) return hit;
  const facts = parseCertificate(der);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, facts);
  return facts;
}

function parseCertificate(der: Uint8Array): CertificateFacts {
  const buf = Buffer.from(der);
  const x509 = new X509Certificate(buf);
  const cert = pkijs.Certificate.fromBER(Uint8Array.from(buf));
  const subject = new Map<string, string>();
  for (const tv of cert.subject.typesAndValues) if (!subject.has(tv.type)) subject.set(tv.type, String(tv.value.valueBlock.value));
  let keyUsage: KeyUsage | undefined;
  const ku = cert.extensions?.find((e) => e.extnID === '2.5.29.15');
  if (ku) {
    const bits = asn1js.fromBER(ku.extnValue.valueBlock.valueHexView).result as asn1js.BitString;
    const b = bits.valueBlock.valueHexView;
    const b0 = b[0] ?? 0;
    keyUsage = {
      digitalSignature: (b0 & 0x80) !== 0,
      nonRepudiation: (b0 & 0x40) !== 0,
      keyEncipherment: (b0 & 0x20) !== 0,
      dataEncipherment: (b0 & 0x10) !== 0,
      keyCertSign: (b0 & 0x04) !== 0,
      critical: ku.critical,
    };
  }
  return {
    der: buf,
    x509,
    pkijs: cert,
    subjectDn: formatRfc2253(cert.subject),
    issuerDn: formatRfc2253(cert.issuer),
    subject,
    keyUsage,
    publicKeyIdentifier: publicKeyIdentifierOf(cert.subjectPublicKeyInfo),
    serialHex: Buffer.from(cert.serialNumber.valueBlock.valueHexView).toString('hex'),
    notBefore: cert.notBefore.value,
    notAfter: cert.notAfter.value,
  };
}
