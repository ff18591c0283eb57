import { describe, expect, it } from 'vitest';
import { buildEhealthDn } from './buildEhealthDn.js';
import { certificateName } from './certificateName.js';
import { escapeDnValue } from './escapeDnValue.js';
import { holderDisplayName } from './holderDisplayName.js';
import { parseDn } from './parseDn.js';
import { sameDn } from './sameDn.js';
import { validateApplicationId } from './validateApplicationId.js';

// The three DNs of DOMAIN.md 4.1: a person (real ACC certificate), the KGSS ETK (real, with
// application id, quoted RFC 1779 style) and an ambulance service (pattern).
const person = 'CN=SSIN\\=85073003328,OU=eHealth-platform Belgium,OU=JEAN-FRANCOIS DUPONT,OU=SSIN\\=85073003328,O=Federal Government,C=BE';
const kgss = 'CN="CBE=0809394427, KGSS", OU=eHealth-platform Belgium, OU=EHEALTH-PLATFORM, OU=CBE=0809394427, OU=KGSS, O=Federal Government, C=BE';
const ambulance =
  'CN=NIHII-AMBU_SERVICE\\=27456344,OU=eHealth-platform Belgium,OU=SERVICE D\'AMBULANCE SAINT-LEGER,OU=NIHII-AMBU_SERVICE\\=27456344,O=Federal Government,C=BE';

describe('buildEhealthDn', () => {
  it('builds the person DN with the name upper-cased and without diacritics', () => {
    const dn = buildEhealthDn({ identifier: { type: 'SSIN', value: '85073003328' }, name: holderDisplayName('Jean-François', 'Dupont') });
    expect(dn).toBe(person);
  });

  it('builds the organisation DN with an application id, equal to the KGSS DN eHealth issued', () => {
    const dn = buildEhealthDn({ identifier: { type: 'CBE', value: '0809394427' }, name: 'eHealth-platform', applicationId: 'kgss' });
    expect(dn).toBe(
      'CN=CBE\\=0809394427\\, KGSS,OU=eHealth-platform Belgium,OU=EHEALTH-PLATFORM,OU=CBE\\=0809394427,OU=KGSS,O=Federal Government,C=BE',
    );
    expect(sameDn(dn, kgss)).toBe(true);
  });

  it('builds the ambulance service DN', () => {
    const dn = buildEhealthDn({ identifier: { type: 'NIHII-AMBU_SERVICE', value: '27456344' }, name: "  Service d'ambulance  Saint-Léger " });
    expect(dn).toBe(ambulance);
  });

  it.each([person, kgss, ambulance])('round-trips %s through parseDn', (dn) => {
    const attributes = parseDn(dn);
    const rebuilt = attributes.map((a) => `${a.type}=${escapeDnValue(a.value)}`).join(',');
    expect(sameDn(rebuilt, dn)).toBe(true);
    expect(parseDn(rebuilt)).toEqual(attributes);
  });

  it('rejects an empty name and a bad application id', () => {
    const identifier = { type: 'CBE', value: '0809394427' };
    expect(() => buildEhealthDn({ identifier, name: '  ' })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', details: expect.objectContaining({ field: 'name' }) }));
    expect(() => buildEhealthDn({ identifier, name: 'X', applicationId: 'MY APP' })).toThrow('applicationId: "MY APP" is not valid');
  });
});

describe('parseDn', () => {
  it('reads the KGSS DN in order with the quoted CN unescaped', () => {
    expect(parseDn(kgss)).toEqual([
      { type: 'CN', value: 'CBE=0809394427, KGSS' },
      { type: 'OU', value: 'eHealth-platform Belgium' },
      { type: 'OU', value: 'EHEALTH-PLATFORM' },
      { type: 'OU', value: 'CBE=0809394427' },
      { type: 'OU', value: 'KGSS' },
      { type: 'O', value: 'Federal Government' },
      { type: 'C', value: 'BE' },
    ]);
  });

  it.each([
    ['cn=a\\,b', [{ type: 'CN', value: 'a,b' }]],
    ['CN=\\ lead\\ ,O=x', [{ type: 'CN', value: ' lead ' }, { type: 'O', value: 'x' }]],
    ['CN = trimmed  ; O=x', [{ type: 'CN', value: 'trimmed' }, { type: 'O', value: 'x' }]],
    ['CN=Z\\C3\\A9 Jos\\c3\\a9', [{ type: 'CN', value: 'Zé José' }]],
    ['OID.2.5.4.3=a+2.5.4.11=b', [{ type: 'CN', value: 'a' }, { type: 'OU', value: 'b' }]],
    ['E=x@y.be,CN="a \\"q\\" b"', [{ type: 'EMAILADDRESS', value: 'x@y.be' }, { type: 'CN', value: 'a "q" b' }]],
    ['CN=', [{ type: 'CN', value: '' }]],
  ])('parses %s', (dn, expected) => {
    expect(parseDn(dn)).toEqual(expected);
  });

  it.each(['', 'CN', 'CN=a,', 'CN="open', 'CN=a\\', '1CN=a', 'CN="a" b', 'CN=\\C3'])('rejects %j', (dn) => {
    expect(() => parseDn(dn)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', details: expect.objectContaining({ field: 'dn', rule: 'rfc2253' }) }));
  });
});

describe('sameDn', () => {
  it('compares attribute types case-insensitively and values exactly', () => {
    expect(sameDn('CN=SSIN\\=1,O=x', 'cn="SSIN=1", o=x')).toBe(true);
    expect(sameDn('CN=SSIN\\=1,O=x', 'CN=ssin\\=1,O=x')).toBe(false);
    expect(sameDn('CN=a,O=x', 'O=x,CN=a')).toBe(false);
    expect(sameDn('CN=a,O=x', 'CN=a')).toBe(false);
    expect(sameDn('CN=a', 'not a dn')).toBe(false);
  });
});

describe('names', () => {
  it('writes the holder name as FIRSTNAMES SURNAME without diacritics', () => {
    expect(holderDisplayName('Zoë  Ángela', 'Van den Brûle')).toBe('ZOE ANGELA VAN DEN BRULE');
  });

  it('names a certificate TYPE=ID[,APPID]', () => {
    expect(certificateName({ type: 'SSIN', value: '85073003328' })).toBe('SSIN=85073003328');
    expect(certificateName({ type: 'NIHII-HOSPITAL', value: '71000436' }, 'MYAPP')).toBe('NIHII-HOSPITAL=71000436,MYAPP');
  });

  it.each([
    [' my-app_2 ', 'MY-APP_2'],
    ['A'.repeat(30), 'A'.repeat(30)],
  ])('accepts application id %j as %s', (input, id) => {
    expect(validateApplicationId(input)).toBe(id);
  });

  it.each(['', 'A'.repeat(31), 'MY APP', 'APP.1', 'CAFÉ'])('rejects application id %j', (input) => {
    expect(() => validateApplicationId(input)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', details: expect.objectContaining({ rule: 'application-id' }) }));
  });
});
