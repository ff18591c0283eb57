import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { EhealthCertError } from '@ehealth-cert/core';
import { encodeDn, formatDn, parseDn } from './DistinguishedName.js';

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
    expect(() => encodeDn('CN=a,')).toThrowError(/trailing separator/);
  });
});
