import * as asn1js from 'asn1js';

/** One RDN of an X.501 Name: an attribute short name and its value. */
export interface NameAttribute {
  readonly type: 'C' | 'O' | 'CN' | 'SN' | 'GN' | 'serialNumber';
  readonly value: string;
}

// RFC 5280 4.1.2.4 / X.520 attribute types used by the eID certificates (DOMAIN.md 6).
const OIDS: Record<NameAttribute['type'], string> = {
  C: '2.5.4.6',
  O: '2.5.4.10',
  CN: '2.5.4.3',
  SN: '2.5.4.4',
  GN: '2.5.4.42',
  serialNumber: '2.5.4.5',
};

/**
 * DER of a Name with ONE attribute per RDN (SEQUENCE OF SET OF one AttributeTypeAndValue), because
 * pkijs puts all attributes into one multi-valued RDN (TOOLCHAIN.md 5).
 */
export function buildName(attributes: readonly NameAttribute[]): Uint8Array {
  const rdns = attributes.map(({ type, value }) => {
    // countryName and serialNumber are PrintableString (X.520); the rest UTF8String (RFC 5280).
    const printable = type === 'C' || type === 'serialNumber';
    const encoded = printable ? new asn1js.PrintableString({ value }) : new asn1js.Utf8String({ value });
    return new asn1js.Set({
      value: [new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: OIDS[type] }), encoded] })],
    });
  });
  return new Uint8Array(new asn1js.Sequence({ value: rdns }).toBER(false));
}
