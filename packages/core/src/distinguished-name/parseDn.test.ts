import { describe, expect, it } from 'vitest';
import { EhealthCertError } from '../errors/EhealthCertError.js';
import { parseDn, parseDnRdns } from './parseDn.js';

describe('parseDnRdns', () => {
  it('keeps the attributes of a multi-valued RDN together, in string order', () => {
    expect(parseDnRdns('CN=A+SERIALNUMBER=1,OU=x\\,y,C=BE')).toEqual([
      [
        { type: 'CN', value: 'A' },
        { type: 'SERIALNUMBER', value: '1' },
      ],
      [{ type: 'OU', value: 'x,y' }],
      [{ type: 'C', value: 'BE' }],
    ]);
  });

  it('reads the quoted form and names known OIDs as Java prints them', () => {
    expect(parseDnRdns('CN="CBE=0809394427, KGSS", 2.5.4.11=KGSS; c=BE')).toEqual([[{ type: 'CN', value: 'CBE=0809394427, KGSS' }], [{ type: 'OU', value: 'KGSS' }], [{ type: 'C', value: 'BE' }]]);
  });

  it('is what parseDn flattens', () => {
    const dn = 'CN=A+SERIALNUMBER=1,O=Federal Government,C=BE';
    expect(parseDn(dn)).toEqual(parseDnRdns(dn).flat());
  });

  it('refuses what is not a DN, naming the field', () => {
    expect(() => parseDnRdns('CN')).toThrow(EhealthCertError);
    expect(() => parseDnRdns('')).toThrow(/dn/);
  });
});
