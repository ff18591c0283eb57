import { describe, expect, it } from 'vitest';
import { checkIdentifier } from './checkIdentifier.js';
import { ORGANISATION_IDENTIFIER_TYPES } from './ORGANISATION_IDENTIFIER_TYPES.js';
import { parseIdentifier } from './parseIdentifier.js';

describe('ORGANISATION_IDENTIFIER_TYPES', () => {
  it('lists every type of DOMAIN.md 4.2 once, with its length', () => {
    const types = ORGANISATION_IDENTIFIER_TYPES.map((t) => t.type);
    expect(new Set(types).size).toBe(types.length);
    const lengths = Object.fromEntries(ORGANISATION_IDENTIFIER_TYPES.map((t) => [t.type, t.length]));
    expect(lengths).toMatchObject({
      SSIN: 11,
      CBE: 10,
      'CBE-TREAT_CENTER': 10,
      EHP: 10,
      NIHII: 8,
      NIHII11: 11,
      'NIHII-HOSPITAL': 8,
      'NIHII-PHARMACY': 8,
      'NIHII-LABO': 8,
      'NIHII-AMBU_SERVICE': 8,
      'NIHII-SORTING_CENTER': 8,
      SITE: 4,
      SITESMUR: 10,
      SITEPIT: 10,
    });
    expect(types).toHaveLength(35);
  });
});

describe('parseIdentifier', () => {
  it.each([
    ['SSIN', '85.07.30-033.28', '85073003328'],
    ['CBE', '0809.394.427', '0809394427'],
    ['CBE-CONSORTIUM', '207367192', '0207367192'],
    ['EHP', '1990001234', '1990001234'],
    ['EHP-CTRL_ORGANISM', '0000000001', '0000000001'],
    ['NIHII', '71072393', '71072393'],
    ['NIHII11', '19006951001', '19006951001'],
    ['NIHII-HOSPITAL', '7-10004-36', '71000436'],
    ['NIHII-PHARMACY', '60045671', '60045671'],
    ['NIHII-LABO', '80012330', '80012330'],
    ['NIHII-AMBU_SERVICE', '27456344', '27456344'],
    ['nihii-ambu_service', '27456344', '27456344'],
    ['SITE', '0123', '0123'],
    ['SITESMUR', '1234567890', '1234567890'],
    ['SITEPIT', '12 3456 7890', '1234567890'],
  ])('accepts %s %s', (type, value, normalised) => {
    expect(parseIdentifier(type, value)).toEqual({ type: type.toUpperCase(), value: normalised });
  });

  it.each([
    ['NIHII-AMBU', '27456344', 'unknown-type', 'unknown identifier type'],
    ['', '27456344', 'unknown-type', 'unknown identifier type'],
    ['NIHII-AMBU_SERVICE', '19006951001', 'length', 'length: expected 8 digits, got 11'],
    ['NIHII11', '71072393', 'length', 'length: expected 11 digits, got 8'],
    ['NIHII-HOSPITAL', '71000437', 'check-digits', 'expected 36 (mod 97) or 38 (mod 89), got 37'],
    ['CBE', '0809394428', 'check-digits', 'expected 27, got 28'],
    ['EHP', '123456789', 'length', 'length: expected 10 digits, got 9'],
    ['SITE', '12345', 'length', 'length: expected 4 digits, got 5'],
    ['SITEPIT', '12345678901', 'length', 'length: expected 10 digits, got 11'],
    ['SSIN', '85073003329', 'check-digits', 'got 29'],
    ['SITE', '12a4', 'digits-only', 'digits only'],
  ])('rejects %s %s (rule %s)', (type, value, rule, text) => {
    expect(() => parseIdentifier(type, value, 'identifier')).toThrow(
      expect.objectContaining({ code: 'INVALID_IDENTIFIER', details: expect.objectContaining({ rule }), message: expect.stringContaining(text) }),
    );
  });
});

// EHP and SITE values have no public check-digit rule (DOMAIN.md 4.2): digits and length only,
// separators stripped. Ten valid and ten invalid values per family, as for SSIN, CBE and NIHII.
describe('the EHP family (EHP, EHP-CTRL_ORGANISM: 10 digits)', () => {
  it.each([
    ['EHP', '1990001234', '1990001234'],
    ['EHP', '1990.001.234', '1990001234'],
    ['EHP', '1990-001-234', '1990001234'],
    ['EHP', ' 1990 001 235 ', '1990001235'],
    ['EHP', '0000012345', '0000012345'],
    ['ehp', '1234567890', '1234567890'],
    ['EHP-CTRL_ORGANISM', '1990000331', '1990000331'],
    ['EHP-CTRL_ORGANISM', '1990/000/331', '1990000331'],
    ['EHP-CTRL_ORGANISM', '0000000001', '0000000001'],
    [' ehp-ctrl_organism ', '9876543210', '9876543210'],
  ])('accepts %s %s as %s', (type, value, normalised) => {
    expect(parseIdentifier(type, value)).toEqual({ type: type.trim().toUpperCase(), value: normalised });
  });

  it.each([
    ['EHP', '199000123', 'length', 'length: expected 10 digits, got 9'],
    ['EHP', '19900012345', 'length', 'length: expected 10 digits, got 11'],
    ['EHP', '1990 001 23', 'length', 'got 9'],
    ['EHP', '', 'digits-only', 'digits only'],
    ['EHP', '   ', 'digits-only', 'digits only'],
    ['EHP', '199000123A', 'digits-only', 'digits only'],
    ['EHP', 'EHP1990001234', 'digits-only', 'digits only'],
    ['EHP-CTRL_ORGANISM', '1990_000_331', 'digits-only', 'digits only'],
    ['EHP-CTRL_ORGANISM', '+1990000331', 'digits-only', 'digits only'],
    ['EHP-CTRL', '1990000331', 'unknown-type', 'unknown identifier type'],
  ])('rejects %s %j (rule %s)', (type, value, rule, text) => {
    expectInvalid(type, value, rule, text);
  });
});

describe('the SITE family (SITE: 4 digits, SITESMUR and SITEPIT: 10 digits)', () => {
  it.each([
    ['SITE', '0123', '0123'],
    ['SITE', '9999', '9999'],
    ['SITE', '01.23', '0123'],
    ['site', '4 567', '4567'],
    ['SITESMUR', '1234567890', '1234567890'],
    ['SITESMUR', '0710723931', '0710723931'],
    ['SITESMUR', '071-072-393-1', '0710723931'],
    ['SITEPIT', '12 3456 7890', '1234567890'],
    ['SITEPIT', '0000000042', '0000000042'],
    ['sitepit', '9/876/543/210', '9876543210'],
  ])('accepts %s %s as %s', (type, value, normalised) => {
    expect(parseIdentifier(type, value)).toEqual({ type: type.toUpperCase(), value: normalised });
  });

  it.each([
    ['SITE', '123', 'length', 'length: expected 4 digits, got 3'],
    ['SITE', '12345', 'length', 'length: expected 4 digits, got 5'],
    ['SITE', '12a4', 'digits-only', 'digits only'],
    ['SITE', '', 'digits-only', 'digits only'],
    ['SITESMUR', '123456789', 'length', 'length: expected 10 digits, got 9'],
    ['SITESMUR', '0123', 'length', 'length: expected 10 digits, got 4'],
    ['SITESMUR', '12345678901', 'length', 'got 11'],
    ['SITEPIT', '12345678901', 'length', 'length: expected 10 digits, got 11'],
    ['SITEPIT', '123456789O', 'digits-only', 'digits only'],
    ['SITE-PIT', '1234567890', 'unknown-type', 'unknown identifier type'],
  ])('rejects %s %j (rule %s)', (type, value, rule, text) => {
    expectInvalid(type, value, rule, text);
  });
});

/** The INVALID_IDENTIFIER error names the field, the value as typed and the rule (issue 2, "Core"). */
function expectInvalid(type: string, value: string, rule: string, text: string) {
  const [field, shown] = rule === 'unknown-type' ? ['organisation type', type] : ['organisation', value];
  expect(() => parseIdentifier(type, value, 'organisation')).toThrow(
    expect.objectContaining({
      code: 'INVALID_IDENTIFIER',
      details: expect.objectContaining({ field, value: shown, rule }),
      message: expect.stringContaining(`${field}: "${shown}" is not valid: `),
    }),
  );
  expect(() => parseIdentifier(type, value, 'organisation')).toThrow(text);
}

describe('checkIdentifier', () => {
  it.each([
    ['NIHII-AMBU_SERVICE=27456344', { type: 'NIHII-AMBU_SERVICE', value: '27456344' }, []],
    ['NIHII-HOSPITAL=71000438', { type: 'NIHII-HOSPITAL', value: '71000438' }, ['mod-89']],
    ['SSIN=01420511183', { type: 'SSIN', value: '01420511183' }, ['in or after 2000', 'month + 40']],
    ['CBE=809394427', { type: 'CBE', value: '0809394427' }, ['padded']],
  ])('reports %s as valid with its notes', (text, identifier, notes) => {
    const result = checkIdentifier(text);
    expect(result).toMatchObject({ valid: true, identifier });
    if (!result.valid) return;
    expect(result.notes).toHaveLength(notes.length);
    notes.forEach((note, i) => expect(result.notes[i]).toContain(note));
  });

  it.each([
    ['27456344', 'format'],
    ['FOO=27456344', 'unknown-type'],
    ['NIHII-AMBU_SERVICE=27456345', 'check-digits'],
  ])('reports %s as invalid (rule %s) without throwing', (text, rule) => {
    const result = checkIdentifier(text);
    expect(result.valid).toBe(false);
    if (result.valid) return;
    expect(result.error.code).toBe('INVALID_IDENTIFIER');
    expect(result.error.details.rule).toBe(rule);
  });
});
