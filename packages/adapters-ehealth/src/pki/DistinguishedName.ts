import { EhealthCertError, parseDnRdns } from '@ehealth-cert/core';
import * as asn1js from 'asn1js';

/** Keywords -> OIDs (RFC 4514 table plus the ones eID and eHealth certificates carry). */
const OIDS: Record<string, string> = {
  CN: '2.5.4.3',
  SURNAME: '2.5.4.4',
  SN: '2.5.4.4',
  SERIALNUMBER: '2.5.4.5',
  C: '2.5.4.6',
  L: '2.5.4.7',
  ST: '2.5.4.8',
  STREET: '2.5.4.9',
  O: '2.5.4.10',
  OU: '2.5.4.11',
  GIVENNAME: '2.5.4.42',
  DC: '0.9.2342.19200300.100.1.25',
  UID: '0.9.2342.19200300.100.1.1',
  EMAILADDRESS: '1.2.840.113549.1.9.1',
  E: '1.2.840.113549.1.9.1',
};

/** The keywords Java's X500Principal.getName(RFC2253) writes; other types come out as `OID=#hex`. */
const RFC2253_KEYWORDS: Record<string, string> = {
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

const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;

function oidOf(type: string, dn: string): string {
  const oid = /^\d/.test(type) ? type : OIDS[type];
  if (oid === undefined) throw new EhealthCertError('INVALID_INPUT', `dn "${dn}" has the unknown attribute type ${type}`, { field: 'dn', value: dn });
  return oid;
}

/** Value encoding as Java's X500Principal does: C and printable text PrintableString, e-mail IA5String, else UTF8String. */
function encodeValue(oid: string, value: string): asn1js.BaseBlock {
  if (oid === OIDS['EMAILADDRESS'] || oid === OIDS['DC']) return new asn1js.IA5String({ value });
  if (PRINTABLE.test(value)) return new asn1js.PrintableString({ value });
  return new asn1js.Utf8String({ value });
}

/**
 * The DER `Name` of an RFC 2253 string: one SET per RDN (never pkijs's all-in-one SET,
 * TOOLCHAIN.md 5), in DER order = the string's order reversed (RFC 4514 2.1), as Java builds it.
 */
export function encodeDn(dn: string): ArrayBuffer {
  // Core's DN model (parseDnRdns): one parser for the DN strings of the whole project.
  const rdns = [...parseDnRdns(dn)].reverse();
  for (const attribute of rdns.flat()) {
    if (attribute.value === '') throw new EhealthCertError('INVALID_INPUT', `dn "${dn}" has an empty value for ${attribute.type}`, { field: 'dn', value: dn });
  }
  const name = new asn1js.Sequence({
    value: rdns.map(
      (rdn) =>
        new asn1js.Set({
          value: rdn.map((attribute) => {
            const oid = oidOf(attribute.type, dn);
            return new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: oid }), encodeValue(oid, attribute.value)] });
          }),
        }),
    ),
  });
  return name.toBER(false);
}

/** String types whose value asn1js decodes to text: UTF8, Numeric, Printable, Teletex, IA5, Universal, BMP. */
const STRING_TAGS = new Set([12, 18, 19, 20, 22, 28, 30]);

function isUniversal(node: asn1js.AsnType, tag: number): boolean {
  return node.idBlock.tagClass === 1 && node.idBlock.tagNumber === tag;
}

/** RFC 2253 2.4, plus `=` which Java escapes too (DOMAIN.md 4.1: `CN=SSIN\=...`). */
function escape2253(value: string): string {
  let out = value.replace(/[,=+<>#;\\"]/g, (c) => `\\${c}`);
  if (out.startsWith(' ')) out = `\\${out}`;
  if (out.endsWith(' ') && out.length > 1) out = `${out.slice(0, -1)}\\ `;
  return out;
}

function attributeText(atv: asn1js.AsnType, invalid: (rule: string) => Error): string {
  const [typeNode, value] = isUniversal(atv, 16) ? (atv as asn1js.Sequence).valueBlock.value : [];
  if (typeNode === undefined || value === undefined || !isUniversal(typeNode, 6)) throw invalid('an AttributeTypeAndValue is not SEQUENCE { OID, value }');
  const oid = (typeNode as asn1js.ObjectIdentifier).valueBlock.toString();
  const keyword = RFC2253_KEYWORDS[oid];
  if (keyword !== undefined && value.idBlock.tagClass === 1 && STRING_TAGS.has(value.idBlock.tagNumber)) {
    return `${keyword}=${escape2253(String((value as asn1js.BaseStringBlock).valueBlock.value))}`;
  }
  // RFC 2253 2.4: other types, or a non-string value, as `OID=#` + the value's DER in hex.
  return `${keyword ?? oid}=#${Buffer.from(value.toBER(false)).toString('hex')}`;
}

/**
 * RFC 2253 string of a parsed X.501 `Name` as Java's X500Principal.getName(RFC2253) writes it and
 * eHealth prints it (DOMAIN.md 4.1): most specific RDN first, `,` without spaces, `=` escaped as
 * `\=`; also the alias of chain certificates in the keystore (DOMAIN.md 2.4 item 11). `invalid`
 * makes the error of a malformed Name (the keystore reader reports those as a corrupt file).
 */
export function formatName(name: asn1js.AsnType, invalid: (rule: string) => Error = invalidName): string {
  if (!isUniversal(name, 16)) throw invalid('a Name is a SEQUENCE');
  const rdns = (name as asn1js.Sequence).valueBlock.value.map((set) => {
    const attributes = isUniversal(set, 17) ? (set as asn1js.Set).valueBlock.value : [];
    if (attributes.length === 0) throw invalid('a RelativeDistinguishedName is a non-empty SET');
    return attributes.map((atv) => attributeText(atv, invalid)).join('+');
  });
  return rdns.reverse().join(',');
}

function invalidName(rule: string): EhealthCertError {
  return new EhealthCertError('INVALID_INPUT', `name is not a DER Name: ${rule}`, { field: 'name' });
}

/** formatName of a DER `Name`. */
export function formatDn(nameDer: ArrayBuffer): string {
  const parsed = asn1js.fromBER(nameDer);
  if (parsed.offset === -1) throw invalidName('not DER');
  return formatName(parsed.result);
}

/**
 * The contract DN as the connector sends it back and builds the CSR from (issue 12 point 2): the
 * `=` inside an unquoted attribute value escaped as `\=` (`CN=NIHII-AMBU_SERVICE\=12345678`), the
 * rest kept as written. eHealth may write either form (RFC 4514 does not require the escape); the
 * connector's NewCertificateContract replaces `TYPE=` by `TYPE\=` whatever it received. Already
 * escaped DNs are returned unchanged.
 */
export function escapeDnValueEquals(dn: string): string {
  let out = '';
  let inValue = false;
  let quoted = false;
  for (let i = 0; i < dn.length; i++) {
    const c = dn[i] as string;
    if (c === '\\') {
      out += c + (dn[i + 1] ?? '');
      i++;
    } else if (quoted) {
      if (c === '"') quoted = false;
      out += c;
    } else if (!inValue) {
      if (c === '=') inValue = true;
      out += c;
    } else {
      if (c === '"') quoted = true;
      else if (c === ',' || c === '+' || c === ';') inValue = false;
      out += c === '=' ? '\\=' : c;
    }
  }
  return out;
}
