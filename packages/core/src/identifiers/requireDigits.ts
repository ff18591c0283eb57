import { invalidIdentifier } from './invalidIdentifier.js';
import { normaliseDigits } from './normaliseDigits.js';

/**
 * Normalises `value` and checks it is made of digits only, with one of the allowed lengths; the
 * first failing rule is reported (digits only, then length). `typed` is the value as the person
 * typed it, named in the error when the caller already stripped something (CBE's `BE` prefix).
 */
export function requireDigits(value: string, field: string, lengths: readonly number[], typed = value): string {
  const digits = normaliseDigits(value);
  if (!/^[0-9]+$/.test(digits)) {
    throw invalidIdentifier(field, typed, 'digits-only', 'digits only (separators . - / and spaces are ignored)');
  }
  if (!lengths.includes(digits.length)) {
    const expected = lengths.join(' or ');
    throw invalidIdentifier(field, typed, 'length', `length: expected ${expected} digits, got ${digits.length}`, expected, digits.length);
  }
  return digits;
}

/** Two check digits as written in the number (`97` stays `97`, `5` becomes `05`). */
export function twoDigits(n: number): string {
  return n.toString().padStart(2, '0');
}
