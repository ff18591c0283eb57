import { EhealthCertError } from '../errors/EhealthCertError.js';
import { stripDiacritics } from '../distinguished-name/upperCaseWithoutDiacritics.js';
import { normaliseDigits } from '../identifiers/normaliseDigits.js';
import { COMMON_PASSWORDS } from './COMMON_PASSWORDS.js';

/** Which password rule failed (details.rule of WEAK_PASSWORD). */
export type PasswordRule = 'length' | 'identifier' | 'name' | 'common';

/** Minimum length of a keystore password that is not a passphrase. */
export const MIN_PASSWORD_LENGTH = 12;
/** Minimum number of distinct words (2+ characters) of a passphrase. */
export const MIN_PASSPHRASE_WORDS = 4;

// Surname particles are too common to count as "the holder's name" inside a password.
const PARTICLES = new Set(['van', 'den', 'der', 'des', 'del', 'von', 'ten', 'ter', 'vande', 'vanden', 'vander']);
const WALKS = ['azertyuiop', 'qsdfghjklm', 'wxcvbn', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'qwertzuiop', '1234567890', 'abcdefghijklmnopqrstuvwxyz'];
const LEET: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i' };

/**
 * The keystore password policy of manual step 11: at least 12 characters or a passphrase of 4+
 * words, never containing the identifier or the holder's (or organisation's) name, never a common
 * password. The password protects the only copy of the private key (DOMAIN.md 3: nothing is
 * escrowed). Throws WEAK_PASSWORD naming the rule; the password itself is never echoed.
 */
export function checkKeystorePassword(
  password: string,
  context: { readonly identifiers?: readonly string[]; readonly names?: readonly string[] } = {},
): void {
  const text = password.normalize('NFC');
  const words = new Set(text.toLowerCase().split(/[\s\-_.,;:+/]+/).filter((w) => w.length >= 2));
  if ([...text].length < MIN_PASSWORD_LENGTH && words.size < MIN_PASSPHRASE_WORDS) {
    throw weak('length', `too short: use at least ${MIN_PASSWORD_LENGTH} characters, or a passphrase of ${MIN_PASSPHRASE_WORDS} or more words`);
  }
  const digits = normaliseDigits(text);
  for (const identifier of context.identifiers ?? []) {
    const value = normaliseDigits(identifier.slice(identifier.indexOf('=') + 1));
    const forms = [value, value.replace(/^0+/, '')].filter((f) => f.length >= 4);
    if (forms.some((f) => digits.includes(f))) throw weak('identifier', 'must not contain the identifier of the certificate');
  }
  const letters = stripDiacritics(text).toLowerCase();
  for (const name of context.names ?? []) {
    const tokens = stripDiacritics(name).toLowerCase().split(/[^a-z0-9]+/).filter((t) => t.length >= 3 && !PARTICLES.has(t));
    if (tokens.some((t) => letters.includes(t))) throw weak('name', "must not contain the holder's or the organisation's name");
  }
  if (isCommon(letters)) {
    throw weak('common', 'is a common password, a keyboard or number sequence, or a repetition, with at most digits or symbols around it');
  }
}

function isCommon(lower: string): boolean {
  const core = lower.replace(/[^a-z0-9]/g, '');
  const trimmed = core.replace(/^[0-9]+|[0-9]+$/g, '');
  // "P@ssw0rd2024!": digits and symbols added at the ends, letters replaced by look-alikes inside.
  const ends = lower.replace(/^[0-9]+/, '').replace(/[^a-z]+$/, '');
  const deleet = [...ends].map((c) => LEET[c] ?? c).join('').replace(/[^a-z]/g, '');
  const candidates = [core, trimmed, deleet].filter((c) => c.length > 0);
  if (core === '' || candidates.some((c) => COMMON_PASSWORDS.has(c))) return true;
  // Keyboard rows and alphabet/number runs, forwards or backwards, and short units repeated.
  const walks = WALKS.flatMap((w) => [w.repeat(3), [...w].reverse().join('').repeat(3)]);
  return candidates.some((c) => /^(.{1,4})\1+$/.test(c) || (c.length >= 4 && walks.some((w) => w.includes(c))));
}

function weak(rule: PasswordRule, explanation: string): EhealthCertError {
  return new EhealthCertError('WEAK_PASSWORD', `keystore password: ${explanation} (manual step 11, rule: ${rule})`, {
    field: 'password',
    rule,
    minLength: MIN_PASSWORD_LENGTH,
    minWords: MIN_PASSPHRASE_WORDS,
  });
}
