import { EhealthCertError } from '../errors/EhealthCertError.js';

/** Control characters, bidirectional overrides/isolates and zero-width characters: never in text sent to eHealth. */
const FORBIDDEN = /[\p{Cc}\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/u;

/**
 * Issue 13: one rule for every free text that goes to eHealth (an organisation's name, a base
 * service), whatever the front end: trimmed, not empty, at most `max` characters, no control,
 * bidi or zero-width character. Checked before a key is generated.
 */
export function validateFreeText(value: string, field: string, max: number): string {
  const text = value.trim();
  if (text.length === 0) throw new EhealthCertError('INVALID_INPUT', `${field} is empty`, { field, rule: 'required' });
  if (text.length > max) throw new EhealthCertError('INVALID_INPUT', `${field} is ${text.length} characters long: at most ${max}`, { field, rule: 'max-length', max });
  const bad = FORBIDDEN.exec(text);
  if (bad) {
    const code = `U+${(bad[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
    throw new EhealthCertError('INVALID_INPUT', `${field} holds a control, bidi or invisible character (${code})`, { field, rule: 'control-character', character: code });
  }
  return text;
}

/** Longest organisation name accepted (the API's officialName limit). */
export const MAX_ORGANISATION_NAME = 200;

/** BaseServiceUsage values (DOMAIN.md 2.3): short tokens such as tsa, consultrn, codage, other. */
export function validateBaseServiceUsages(values: readonly string[]): string[];
export function validateBaseServiceUsages(values: readonly string[] | undefined): string[] | undefined;
export function validateBaseServiceUsages(values: readonly string[] | undefined): string[] | undefined {
  return values?.map((value, index) => {
    const text = validateFreeText(value, `baseServiceUsages[${index}]`, 32);
    if (!/^[A-Za-z0-9_-]+$/.test(text)) {
      throw new EhealthCertError('INVALID_INPUT', `baseServiceUsages[${index}] "${text}" is not a base service (letters, digits, - and _)`, { field: `baseServiceUsages[${index}]`, value: text, rule: 'base-service' });
    }
    return text;
  });
}
