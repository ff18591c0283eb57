import { describe, expect, it } from 'vitest';
import { parseCbe } from './parseCbe.js';

// Valid CBE numbers: check = 97 - (first 8 digits mod 97) (DOMAIN.md 5).
const valid: [string, string, string][] = [
  ['0403062219', '0403062219', '97 - (04030622 mod 97 = 78) = 19'],
  ['0203.030.403', '0203030403', '97 - (02030304 mod 97 = 94) = 03'],
  ['0809394427', '0809394427', 'the KGSS organisation of DOMAIN.md 4.1: 97 - 70 = 27'],
  ['0417 150 181', '0417150181', '97 - (04171501 mod 97 = 16) = 81'],
  ['207367192', '0207367192', '9-digit legacy form: 97 - (02073671 mod 97 = 5) = 92'],
  ['0863-245-164', '0863245164', '97 - (08632451 mod 97 = 33) = 64'],
  ['1000123448', '1000123448', 'leading 1: 97 - (10001234 mod 97 = 49) = 48'],
  ['765432146', '0765432146', '9-digit legacy form: 97 - (07654321 mod 97 = 51) = 46'],
  ['BE0308450991', '0308450991', 'VAT prefix tolerated: 97 - (03084509 mod 97 = 6) = 91'],
  ['0212/012/108', '0212012108', '97 - (02120121 mod 97 = 89) = 08'],
  ['0000000394', '0000000394', '97 - (00000003 mod 97 = 3) = 94'],
];

const invalid: [string, string, string][] = [
  ['0403062218', 'check-digits', 'check digits: expected 19, got 18'],
  ['0809394472', 'check-digits', 'check digits: expected 27, got 72'],
  ['207367193', 'check-digits', 'expected 92, got 93'],
  ['1000123400', 'check-digits', 'expected 48, got 00'],
  ['04030622', 'length', 'length: expected 9 or 10 digits, got 8'],
  ['04030622190', 'length', 'got 11'],
  ['', 'digits-only', 'digits only'],
  ['0403O62219', 'digits-only', 'digits only'],
  ['NL0403062219', 'digits-only', 'digits only'],
  ['BE 0403 0622', 'length', 'length: expected 9 or 10 digits, got 8'],
  ['BE0403062218', 'check-digits', 'expected 19, got 18'],
  ['0000000097', 'not-zero', 'all zeros'],
  ['000000097', 'not-zero', 'all zeros'],
];

describe('parseCbe', () => {
  it.each(valid)('accepts %s as %s (%s)', (input, normalised) => {
    expect(parseCbe(input)).toBe(normalised);
  });

  it.each(invalid)('rejects %s (rule %s)', (input, rule, text) => {
    expect(() => parseCbe(input, 'organisation')).toThrow(
      expect.objectContaining({
        code: 'INVALID_IDENTIFIER',
        details: expect.objectContaining({ field: 'organisation', value: input, rule }),
        message: expect.stringContaining(text),
      }),
    );
    expect(() => parseCbe(input, 'organisation')).toThrow(`organisation: "${input}" is not valid`);
  });
});
