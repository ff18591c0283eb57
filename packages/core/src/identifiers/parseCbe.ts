import { invalidIdentifier } from './invalidIdentifier.js';
import { requireDigits, twoDigits } from './requireDigits.js';

/**
 * Validates a CBE / KBO / BCE enterprise number and returns its 10 digits: the 9-digit legacy
 * form gets a leading 0, a `BE` VAT prefix is tolerated, and `97 - (first8 mod 97)` must equal the
 * last two digits (DOMAIN.md 5).
 */
export function parseCbe(value: string, field = 'cbe'): string {
  const withoutVatPrefix = value.trim().replace(/^BE/i, '');
  const digits = requireDigits(withoutVatPrefix, field, [9, 10], value).padStart(10, '0');
  const first8 = Number(digits.slice(0, 8));
  if (first8 === 0) throw invalidIdentifier(field, value, 'not-zero', 'an enterprise number cannot be all zeros');
  const expected = twoDigits(97 - (first8 % 97));
  const actual = digits.slice(8);
  if (actual !== expected) {
    throw invalidIdentifier(field, value, 'check-digits', `check digits: expected ${expected}, got ${actual}`, expected, actual);
  }
  return digits;
}
