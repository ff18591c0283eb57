import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { EhealthCertError, parseDnRdns as parseDn } from '@ehealth-cert/core';
import * as asn1js from 'asn1js';
import { encodeDn, escapeDnValueEquals, formatDn, formatName } from './DistinguishedName.js';

const PERSON = 'CN=SSIN\\=71715100070,OU=eHealth-platform Belgium,OU=ALICE TEST,OU=SSIN\\=71715100070,O=Federal Government,C=BE';

describe('DistinguishedName', () => {
  it('parses the eHealth person DN with escaped "="', () => {
    expect(parseDn(PERSON).map((rdn) => rdn.map((a) => `${a.type}:${a.value}`))).toEqual([
      ['CN:SSIN=71715100070'],
      ['OU:eHealth-platform Belgium'],
      ['OU:ALICE TEST'],
      ['OU:SSIN=71715100070'],
      ['O:Federal Government'],
      ['C:BE'],
    ]);
  });

  it('parses the quoted RFC 1779 form with spaces after commas', () => {
    expect(parseDn('CN="CBE=0809394427, KGSS", OU=KGSS, C=BE').map((rdn) => rdn[0]?.value)).toEqual(['CBE=0809394427, KGSS', 'KGSS', 'BE']);
  });

  it('encodes one attribute per RDN in DER order C first, which openssl prints back', () => {
    const der = Buffer.from(encodeDn(PERSON));
    // openssl reads the Name inside a minimal structure: print it via asn1parse.
    const dump = execFileSync('openssl', ['asn1parse', '-inform', 'DER'], { input: der }).toString();
    expect(dump.match(/ SET /g)).toHaveLength(6);
    expect(dump.indexOf('countryName')).toBeLessThan(dump.indexOf('commonName'));
  });

  it('formats back to the same RFC 2253 string', () => {
    expect(formatDn(encodeDn(PERSON))).toBe(PERSON);
    expect(formatDn(encodeDn('CN="CBE=0809394427, KGSS", OU=KGSS, C=BE'))).toBe('CN=CBE\\=0809394427\\, KGSS,OU=KGSS,C=BE');
  });

  it('rejects a DN without "=" naming the rule', () => {
    expect(() => encodeDn('garbage')).toThrowError(EhealthCertError);
    expect(() => encodeDn('CN=a,')).toThrowError(/expected TYPE=value/);
  });

  it('writes unknown types and non-string values as OID=#hex and escapes leading and trailing spaces', () => {
    const atv = (oid: string, value: asn1js.BaseBlock) => new asn1js.Set({ value: [new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: oid }), value] })] });
    const name = new asn1js.Sequence({
      value: [
        atv('2.5.4.6', new asn1js.PrintableString({ value: 'BE' })),
        atv('2.5.4.5', new asn1js.PrintableString({ value: '001' })),
        atv('2.5.4.11', new asn1js.Integer({ value: 5 })),
        atv('2.5.4.3', new asn1js.BmpString({ value: ' a#b ' })),
      ],
    });
    expect(formatName(name)).toBe('CN=\\ a\\#b\\ ,OU=#020105,2.5.4.5=#1303303031,C=BE');
  });

  it('refuses a malformed Name with the error the caller chooses', () => {
    const notAName = new asn1js.Sequence({ value: [new asn1js.Set({ value: [] })] });
    expect(() => formatName(notAName)).toThrowError(/non-empty SET/);
    expect(() => formatName(notAName, (rule) => new RangeError(rule))).toThrowError(RangeError);
    expect(() => formatDn(new asn1js.Integer({ value: 1 }).toBER(false))).toThrowError(EhealthCertError);
  });
});

describe('escapeDnValueEquals (the connector form of a contract DN, issue 12 point 2)', () => {
  const ESCAPED = 'CN=NIHII-AMBU_SERVICE\\=91000252,OU=eHealth-platform Belgium,OU=AMBULANCES DU SUD,OU=NIHII-AMBU_SERVICE\\=91000252,O=Federal Government,C=BE';
  it('escapes the TYPE= of CN and OU values, leaves an escaped DN unchanged', () => {
    expect(escapeDnValueEquals(ESCAPED.replaceAll('\\=', '='))).toBe(ESCAPED);
    expect(escapeDnValueEquals(ESCAPED)).toBe(ESCAPED);
  });

  it('keeps quoted values, escaped commas and the application id as written', () => {
    expect(escapeDnValueEquals('CN=CBE=0809394427\\, KGSS,OU=CBE=0809394427,OU=KGSS,C=BE')).toBe('CN=CBE\\=0809394427\\, KGSS,OU=CBE\\=0809394427,OU=KGSS,C=BE');
    expect(escapeDnValueEquals('CN="CBE=0809394427, KGSS",OU=KGSS')).toBe('CN="CBE=0809394427, KGSS",OU=KGSS');
  });

  it('names the same DN, and a CSR built from it prints it back byte for byte', () => {
    const unescaped = ESCAPED.replaceAll('\\=', '=');
    expect(parseDn(escapeDnValueEquals(unescaped))).toEqual(parseDn(unescaped));
    expect(formatDn(encodeDn(escapeDnValueEquals(unescaped)))).toBe(ESCAPED);
  });
});
