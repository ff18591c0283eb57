import { describe, expect, it } from 'vitest';
import { analyseSsin, parseSsin } from './parseSsin.js';

// Valid SSINs computed by DOMAIN.md 5: check = 97 - (base mod 97), base = first 9 digits,
// with "2" prefixed to the base (2 000 000 000 + base) for births in or after 2000.
const valid: [string, string, 1900 | 2000, string][] = [
  ['85073003328', '85073003328', 1900, '(850730033) mod 97 = 69 -> 28'],
  ['85.07.30-033.28', '85073003328', 1900, 'same, written with separators'],
  ['590101 001 51', '59010100151', 1900, '(590101001) mod 97 = 46 -> 51'],
  ['72022912348', '72022912348', 1900, '(720229123) mod 97 = 49 -> 48 (1972 leap year)'],
  ['00010100204', '00010100204', 2000, '(2000000000 + 000101002) mod 97 = 93 -> 04'],
  ['06123199857', '06123199857', 2000, '(2000000000 + 061231998) mod 97 = 40 -> 57'],
  ['23/11/15-456/71', '23111545671', 2000, '(2000000000 + 231115456) mod 97 = 26 -> 71'],
  ['93000010505', '93000010505', 1900, 'month and day 00: (930000105) mod 97 = 92 -> 05'],
  ['93050000741', '93050000741', 1900, 'day 00: (930500007) mod 97 = 56 -> 41'],
  ['85321234543', '85321234543', 1900, 'BIS month+20: (853212345) mod 97 = 54 -> 43'],
  ['85481234657', '85481234657', 1900, 'BIS month+40: (854812346) mod 97 = 40 -> 57'],
  ['01420511183', '01420511183', 2000, 'BIS month+40 after 2000: (2000000000 + 014205111) mod 97 = 14 -> 83'],
  ['99032000144', '99032000144', 1900, 'BIS month+20 with month 00: (990320001) mod 97 = 53 -> 44'],
  ['40022901071', '40022901071', 1900, '1940-02-29: (400229010) mod 97 = 26 -> 71'],
  ['04022901122', '04022901122', 2000, '2004-02-29: (2000000000 + 040229011) mod 97 = 75 -> 22'],
];

const invalid: [string, string, string][] = [
  ['8507300332', 'length', 'length: expected 11 digits, got 10'],
  ['850730033281', 'length', 'length: expected 11 digits, got 12'],
  ['', 'digits-only', 'digits only'],
  ['85073O03328', 'digits-only', 'digits only'],
  ['SSIN85073003328', 'digits-only', 'digits only'],
  ['00000000000', 'not-zero', 'all zeros'],
  ['85073003329', 'check-digits', 'check digits: expected 28 (born before 2000) or 57 (born in or after 2000), got 29'],
  ['85073003300', 'check-digits', 'got 00'],
  ['59010100152', 'check-digits', 'got 52'],
  ['85133000105', 'date', 'month 13'],
  ['85073200197', 'date', 'day 32'],
  ['85601200101', 'date', 'month 60'],
  ['85043100109', 'date', '1985-04-31 does not exist'],
  ['01022900137', 'date', '1901-02-29 does not exist'],
  ['00022900116', 'date', '1900-02-29 does not exist'],
];

describe('parseSsin', () => {
  it.each(valid)('accepts %s as %s (born %s, %s)', (input, normalised, century) => {
    expect(parseSsin(input)).toBe(normalised);
    expect(analyseSsin(input).century).toBe(century);
  });

  it('flags BIS numbers and partial birth dates', () => {
    expect(analyseSsin('85321234543').bis).toBe('month+20');
    expect(analyseSsin('85481234657').bis).toBe('month+40');
    expect(analyseSsin('85073003328').bis).toBe('none');
    expect(analyseSsin('93000010505').partialBirthDate).toBe(true);
    expect(analyseSsin('85073003328').partialBirthDate).toBe(false);
  });

  it.each(invalid)('rejects %s (rule %s)', (input, rule, text) => {
    expect(() => parseSsin(input, 'holder SSIN')).toThrow(
      expect.objectContaining({
        code: 'INVALID_IDENTIFIER',
        details: expect.objectContaining({ field: 'holder SSIN', value: input, rule }),
        message: expect.stringMatching(new RegExp(`^holder SSIN: "${input}" is not valid: .*${text.replace(/[()+.]/g, '\\$&')}`)),
      }),
    );
  });

  it('accepts the post-2000 check digits for any year, as there is no clock in a pure rule', () => {
    // 2085 is in the future, python-stdnum would refuse it; we document that we do not (parseSsin.ts).
    expect(analyseSsin('85073003357').century).toBe(2000);
  });

  it('puts expected and actual check digits in the details', () => {
    expect(() => parseSsin('85073003329')).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ actual: '29', expected: expect.stringContaining('28') }) }),
    );
  });
});
