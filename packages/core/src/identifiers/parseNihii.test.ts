import { describe, expect, it } from 'vitest';
import { parseNihii } from './parseNihii.js';

// Classic rule: digits 7-8 = 97 - (first 6 mod 97); mod-89 reading: 89 - (first 6 mod 89) (DOMAIN.md 5).
// 8 digits = organisation, 11 digits = individual (3-digit qualification code appended).
const valid: [string, string, 'mod97' | 'mod89', string][] = [
  ['71072393', '71072393', 'mod97', 'freehealth-connector test value: 97 - (710723 mod 97 = 4) = 93'],
  ['27456344', '27456344', 'mod97', 'freehealth-connector test value: 97 - (274563 mod 97 = 53) = 44'],
  ['19006951001', '19006951001', 'mod97', 'freehealth-connector test value: 97 - (190069 mod 97 = 46) = 51'],
  ['71000436', '71000436', 'mod97', 'hospital of DOMAIN.md 3: 97 - (710004 mod 97 = 61) = 36'],
  ['8-00123-30', '80012330', 'mod97', 'laboratory: 97 - (800123 mod 97 = 67) = 30'],
  ['6.00456.71.004', '60045671004', 'mod97', 'pharmacist: 97 - (600456 mod 97 = 26) = 71'],
  ['94000126', '94000126', 'mod97', 'group practice: 97 - (940001 mod 97 = 71) = 26'],
  ['1 23456 25 004', '12345625004', 'mod97', 'doctor: 97 - (123456 mod 97 = 72) = 25'],
  ['51020317004', '51020317004', 'mod97', '97 - (510203 mod 97 = 80) = 17'],
  ['30000021', '30000021', 'mod97', '97 - (300000 mod 97 = 76) = 21'],
  ['71072331', '71072331', 'mod89', '89 - (710723 mod 89 = 58) = 31'],
  ['27456302000', '27456302000', 'mod89', '89 - (274563 mod 89 = 87) = 02'],
  ['19006935000', '19006935000', 'mod89', '89 - (190069 mod 89 = 54) = 35'],
  ['60045627', '60045627', 'mod89', '89 - (600456 mod 89 = 62) = 27'],
  ['12345676000', '12345676000', 'mod89', '89 - (123456 mod 89 = 13) = 76'],
];

const invalid: [string, string, string][] = [
  ['71072394', 'check-digits', 'check digits: expected 93 (mod 97) or 31 (mod 89), got 94'],
  ['27456345', 'check-digits', 'expected 44 (mod 97) or 02 (mod 89), got 45'],
  ['19006952001', 'check-digits', 'expected 51 (mod 97) or 35 (mod 89), got 52'],
  ['12345600004', 'check-digits', 'got 00'],
  ['7107239', 'length', 'length: expected 8 or 11 digits, got 7'],
  ['710723930', 'length', 'got 9'],
  ['7107239300', 'length', 'got 10'],
  ['710723930041', 'length', 'got 12'],
  ['7107239A', 'digits-only', 'digits only'],
  ['', 'digits-only', 'digits only'],
  ['00000097', 'not-zero', 'six zeros'],
];

describe('parseNihii', () => {
  it.each(valid)('accepts %s as %s by the %s rule (%s)', (input, value, checkRule) => {
    expect(parseNihii(input)).toEqual({ value, checkRule });
  });

  it.each(invalid)('rejects %s (rule %s)', (input, rule, text) => {
    expect(() => parseNihii(input, 'ambulance service')).toThrow(
      expect.objectContaining({
        code: 'INVALID_IDENTIFIER',
        details: expect.objectContaining({ field: 'ambulance service', value: input, rule }),
        message: expect.stringContaining(text),
      }),
    );
    expect(() => parseNihii(input, 'ambulance service')).toThrow(`ambulance service: "${input}" is not valid`);
  });

  it('restricts the length when the type asks for it', () => {
    expect(() => parseNihii('19006951001', 'nihii', [8])).toThrow('length: expected 8 digits, got 11');
  });
});
