import { invalidIdentifier } from './invalidIdentifier.js';
import { requireDigits, twoDigits } from './requireDigits.js';

/** What an SSIN tells beyond its validity (DOMAIN.md 5). */
export interface SsinFacts {
  readonly value: string;
  /** Which check-digit rule matched: prefix nothing (born before 2000) or "2" (2000 or later). */
  readonly century: 1900 | 2000;
  /** BIS number: month + 20 (sex unknown when attributed) or + 40 (sex known). */
  readonly bis: 'none' | 'month+20' | 'month+40';
  /** Month or day 00: date of birth unknown or counter exhausted. */
  readonly partialBirthDate: boolean;
}

/**
 * Validates an SSIN / INSZ / NISS and returns its facts: 11 digits, both century rules, BIS
 * months, month/day 00 allowed, all zeros rejected (DOMAIN.md 5).
 */
export function analyseSsin(value: string, field = 'ssin'): SsinFacts {
  const digits = requireDigits(value, field, [11]);
  if (/^0+$/.test(digits)) throw invalidIdentifier(field, value, 'not-zero', 'an SSIN cannot be all zeros');

  const rawMonth = Number(digits.slice(2, 4));
  const day = Number(digits.slice(4, 6));
  const bis = rawMonth >= 40 ? 'month+40' : rawMonth >= 20 ? 'month+20' : 'none';
  const month = rawMonth - (bis === 'month+40' ? 40 : bis === 'month+20' ? 20 : 0);
  if (month > 12 || day > 31) {
    throw invalidIdentifier(
      field,
      value,
      'date',
      `date of birth: month ${twoDigits(rawMonth)} / day ${twoDigits(day)} is impossible (month 00-12, +20 or +40 for BIS numbers; day 00-31)`,
    );
  }

  // 97 - (base mod 97); the post-2000 rule prefixes the 9-digit base with "2" (DOMAIN.md 5 steps 2-3).
  // python-stdnum only tries the 2000 rule when 2000+YY is not in the future; a pure parser has no
  // clock, and eHealth reads the SSIN from the eID anyway, so both rules are always tried.
  const base = Number(digits.slice(0, 9));
  const before2000 = 97 - (base % 97);
  const from2000 = 97 - ((2_000_000_000 + base) % 97);
  const actual = Number(digits.slice(9));
  const century = actual === before2000 ? 1900 : actual === from2000 ? 2000 : undefined;
  if (century === undefined) {
    const expected = `${twoDigits(before2000)} (born before 2000) or ${twoDigits(from2000)} (born in or after 2000)`;
    throw invalidIdentifier(field, value, 'check-digits', `check digits: expected ${expected}, got ${twoDigits(actual)}`, expected, twoDigits(actual));
  }

  const partialBirthDate = month === 0 || day === 0;
  if (!partialBirthDate) {
    const year = century + Number(digits.slice(0, 2));
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCMonth() !== month - 1) {
      throw invalidIdentifier(field, value, 'date', `date of birth: ${year}-${twoDigits(month)}-${twoDigits(day)} does not exist`);
    }
  }
  return { value: digits, century, bis, partialBirthDate };
}

/** Validates an SSIN and returns its normalised 11 digits; throws INVALID_IDENTIFIER (DOMAIN.md 5). */
export function parseSsin(value: string, field = 'ssin'): string {
  return analyseSsin(value, field).value;
}
