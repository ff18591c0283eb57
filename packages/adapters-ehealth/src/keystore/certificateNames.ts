import type * as asn1js from 'asn1js';
import { type Asn1Node, childrenOf, derOf, explicitOf, oidOf, parseAsn1 } from './Asn1.js';

/** The attribute keywords Java's `X500Principal.getName()` prints (RFC 2253 section 2.3); others print as OID=#hex. */
const KEYWORDS: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'STREET',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '0.9.2342.19200300.100.1.25': 'DC',
  '0.9.2342.19200300.100.1.1': 'UID',
};

/** String types whose value asn1js decodes to text: UTF8, Numeric, Printable, Teletex, IA5, Universal, BMP. */
const STRING_TAGS = new Set([12, 18, 19, 20, 22, 28, 30]);

function escapeValue(value: string): string {
  // RFC 2253 2.4, plus `=` which Java escapes too (DOMAIN.md 3: `CN=SSIN\=...`).
  let out = value.replace(/[,=+<>#;"\\]/g, (c) => `\\${c}`);
  if (out.startsWith(' ')) out = `\\${out}`;
  if (out.endsWith(' ') && out.length > 1) out = `${out.slice(0, -1)}\\ `;
  return out;
}

function attributeText(attribute: Asn1Node): string {
  const [typeNode, value] = childrenOf(attribute, 'AttributeTypeAndValue', 2);
  const oid = oidOf(typeNode, 'attribute type');
  const keyword = KEYWORDS[oid];
  if (keyword !== undefined && value!.idBlock.tagClass === 1 && STRING_TAGS.has(value!.idBlock.tagNumber)) {
    return `${keyword}=${escapeValue((value as asn1js.Utf8String).valueBlock.value)}`;
  }
  return `${keyword ?? oid}=#${derOf(value!).toString('hex')}`;
}

/** The RFC 2253 string of an X.501 Name (most specific RDN first), as Java prints it: the alias of chain certificates (DOMAIN.md 3). */
export function rfc2253NameOf(name: Asn1Node): string {
  return childrenOf(name, 'Name')
    .reverse()
    .map((rdn) => childrenOf(rdn, 'RelativeDistinguishedName', 1).map(attributeText).join('+'))
    .join(',');
}

/** Issuer and subject Names of an X.509 certificate (RFC 5280 4.1), for chain building and aliases. */
export function certificateNames(certificate: Uint8Array): { issuer: Buffer; subject: Buffer; subjectText: string } {
  const [tbs] = childrenOf(parseAsn1(certificate, 'Certificate'), 'Certificate', 3);
  const fields = childrenOf(tbs, 'TBSCertificate', 6);
  // Skip the optional [0] version.
  const offset = fields[0]!.idBlock.tagClass === 3 ? 1 : 0;
  if (offset === 1) explicitOf(fields[0], 0, 'version');
  const issuer = fields[offset + 2]!;
  const subject = fields[offset + 4]!;
  return { issuer: derOf(issuer), subject: derOf(subject), subjectText: rfc2253NameOf(subject) };
}
