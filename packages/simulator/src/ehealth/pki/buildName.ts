import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { parseRfc2253 } from './formatRfc2253.js';

const OID: Record<string, string> = {
  CN: '2.5.4.3',
  C: '2.5.4.6',
  O: '2.5.4.10',
  OU: '2.5.4.11',
  SN: '2.5.4.4',
  GIVENNAME: '2.5.4.42',
  GN: '2.5.4.42',
  SERIALNUMBER: '2.5.4.5',
  L: '2.5.4.7',
};

/**
 * Builds a Name with one attribute per RDN SET from an RFC 2253 string (CN first). pkijs would
 * put all attributes in one SET (TOOLCHAIN.md 5), so the DER is built here and re-parsed.
 */
export function buildName(dn: string): pkijs.RelativeDistinguishedNames {
  const rdns = parseRfc2253(dn)
    .reverse()
    .map(([type, value]) => {
      const oid = OID[type.toUpperCase()] ?? type;
      const printable = oid === '2.5.4.6' || oid === '2.5.4.5';
      return new asn1js.Set({
        value: [
          new asn1js.Sequence({
            value: [
              new asn1js.ObjectIdentifier({ value: oid }),
              printable ? new asn1js.PrintableString({ value }) : new asn1js.Utf8String({ value }),
            ],
          }),
        ],
      });
    });
  const der = new asn1js.Sequence({ value: rdns }).toBER(false);
  return pkijs.RelativeDistinguishedNames.fromBER(der);
}
