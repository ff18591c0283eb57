import { checkKeystorePassword, EhealthCertError } from '@ehealth-cert/core';

/** What step 11 shows while the password is typed: the broken rule, and a strength level 0-3. */
export interface PasswordStrength {
  /** The rule of core's checkKeystorePassword that the password breaks (the server checks the same). */
  readonly brokenRule?: string;
  /** 0 too weak (a rule is broken), 1 weak, 2 fair, 3 strong. */
  readonly level: 0 | 1 | 2 | 3;
}

/**
 * Step 11's rules (core `checkKeystorePassword`: length or passphrase, no identifier, no name, not
 * common), then a level for the indicator from the length first and the mix of character kinds
 * second (NIST SP 800-63B 5.1.1.2 favours length over composition rules). zxcvbn would estimate
 * better but weighs about 400 kB for a hint; the rules are what the server enforces.
 */
export function passwordStrength(password: string, context: { identifiers: readonly string[]; names: readonly string[] }): PasswordStrength {
  try {
    checkKeystorePassword(password, context);
  } catch (error) {
    if (EhealthCertError.is(error, 'WEAK_PASSWORD')) return { brokenRule: String(error.details['rule']), level: 0 };
    throw error;
  }
  const length = [...password].length;
  const kinds = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{L}\p{Nd}]/u].filter((pattern) => pattern.test(password)).length;
  if (length >= 20 || (length >= 16 && kinds >= 3)) return { level: 3 };
  if (length >= 14 || kinds >= 3) return { level: 2 };
  return { level: 1 };
}
