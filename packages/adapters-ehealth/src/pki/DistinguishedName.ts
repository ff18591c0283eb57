import { EhealthCertError } from '@ehealth-cert/core';
import * as asn1js from 'asn1js';

/** One attribute of a DN: type keyword or dotted OID, and its string value (unescaped). */
export interface DnAttribute {
  readonly type: string;
  readonly value: string;
}

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

/**
 * Parses an RFC 2253/4514 DN string (also the RFC 1779 quoted form, e.g. `CN="CBE=1, KGSS"`) into
 * RDNs in string order (most specific first). `\=`, `\,` and `\XX` escapes are undone.
 */
export function parseDn(dn: string): DnAttribute[][] {
  const rdns: DnAttribute[][] = [];
  let i = 0;
  const fail = (rule: string): never => {
    throw new EhealthCertError('INVALID_INPUT', `dn "${dn}" is not a distinguished name: ${rule} at position ${i}`, { field: 'dn', value: dn });
  };
  const skipSpaces = () => {
    while (dn[i] === ' ') i++;
  };
  let rdn: DnAttribute[] = [];
  while (i < dn.length) {
    skipSpaces();
    const eq = dn.indexOf('=', i);
    if (eq < 0) fail('missing "="');
    const type = dn.slice(i, eq).trim();
    if (!/^([A-Za-z][A-Za-z0-9-]*|\d+(\.\d+)+)$/.test(type)) fail(`bad attribute type "${type}"`);
    i = eq + 1;
    skipSpaces();
    let value = '';
    if (dn[i] === '"') {
      i++;
      while (i < dn.length && dn[i] !== '"') {
        if (dn[i] === '\\') i++;
        value += dn[i] ?? '';
        i++;
      }
      if (dn[i] !== '"') fail('unterminated quoted value');
      i++;
      skipSpaces();
    } else {
      const bytes: number[] = [];
      let trailingSpaces = 0;
      while (i < dn.length && dn[i] !== ',' && dn[i] !== '+' && dn[i] !== ';') {
        const c = dn[i] as string;
        if (c === '\\') {
          const hex = dn.slice(i + 1, i + 3);
          if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
            bytes.push(parseInt(hex, 16));
            i += 3;
          } else if (i + 1 < dn.length) {
            bytes.push(...Buffer.from(dn[i + 1] as string, 'utf8'));
            i += 2;
          } else fail('dangling "\\"');
          trailingSpaces = 0;
          continue;
        }
        trailingSpaces = c === ' ' ? trailingSpaces + 1 : 0;
        bytes.push(...Buffer.from(c, 'utf8'));
        i++;
      }
      value = Buffer.from(bytes.slice(0, bytes.length - trailingSpaces)).toString('utf8');
    }
    if (value === '') fail(`empty value for ${type}`);
    rdn.push({ type: type.toUpperCase(), value });
    const sep = dn[i];
    i++;
    if (sep !== '+') {
      rdns.push(rdn);
      rdn = [];
      if (sep !== undefined && i >= dn.length) fail('trailing separator');
    }
  }
  if (rdns.length === 0) fail('no attribute');
  return rdns;
}

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
  const rdns = parseDn(dn).reverse();
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

function escape2253(value: string): string {
  let out = value.replace(/[,=+<>#;\\"]/g, (c) => `\\${c}`);
  if (out.startsWith(' ')) out = `\\${out}`;
  if (out.endsWith(' ') && out.length > 1) out = `${out.slice(0, -1)}\\ `;
  return out;
}

/**
 * RFC 2253 string of a DER `Name` as Java's X500Principal.getName(RFC2253) writes it and eHealth
 * prints it (DOMAIN.md 4.1): most specific RDN first, `,` without spaces, `=` escaped as `\=`.
 */
export function formatDn(nameDer: ArrayBuffer): string {
  const parsed = asn1js.fromBER(nameDer);
  if (parsed.offset === -1 || !(parsed.result instanceof asn1js.Sequence)) {
    throw new EhealthCertError('INVALID_INPUT', 'name is not a DER Name', { field: 'name' });
  }
  const rdns = parsed.result.valueBlock.value.map((set) =>
    (set as asn1js.Set).valueBlock.value
      .map((atv) => {
        const [oidBlock, valueBlock] = (atv as asn1js.Sequence).valueBlock.value as [asn1js.ObjectIdentifier, asn1js.BaseBlock];
        const oid = oidBlock.valueBlock.toString();
        const keyword = RFC2253_KEYWORDS[oid];
        if (keyword === undefined) return `${oid}=#${Buffer.from(valueBlock.toBER(false)).toString('hex')}`;
        const text = (valueBlock as asn1js.BaseStringBlock).valueBlock.value;
        return `${keyword}=${escape2253(String(text))}`;
      })
      .join('+'),
  );
  return rdns.reverse().join(',');
}
