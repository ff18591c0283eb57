import { invalidIdentifier } from './invalidIdentifier.js';
import { requireDigits, twoDigits } from './requireDigits.js';

/** A valid NIHII / INAMI / RIZIV number and the check-digit rule it follows. */
export interface Nihii {
  readonly value: string;
  readonly checkRule: 'mod97' | 'mod89';
}

/**
 * Validates an 8-digit (organisation) or 11-digit (individual) NIHII number. Digits 7-8 are
 * checked against the first 6 with the classic `97 - (first6 mod 97)` rule, or the modulus-89
 * variant used since RIZIV note I 2012/26, which is accepted and flagged: its exact formula is
 * unverified, `89 - (first6 mod 89)` is our reading (DOMAIN.md 5).
 */
export function parseNihii(value: string, field = 'nihii', lengths: readonly (8 | 11)[] = [8, 11]): Nihii {
  const digits = requireDigits(value, field, lengths);
  const first6 = Number(digits.slice(0, 6));
  if (first6 === 0) throw invalidIdentifier(field, value, 'not-zero', 'a NIHII number cannot start with six zeros');
  const actual = digits.slice(6, 8);
  const mod97 = twoDigits(97 - (first6 % 97));
  if (actual === mod97) return { value: digits, checkRule: 'mod97' };
  const mod89 = twoDigits(89 - (first6 % 89));
  if (actual === mod89) return { value: digits, checkRule: 'mod89' };
  const expected = `${mod97} (mod 97) or ${mod89} (mod 89)`;
  throw invalidIdentifier(field, value, 'check-digits', `check digits: expected ${expected}, got ${actual}`, expected, actual);
}
