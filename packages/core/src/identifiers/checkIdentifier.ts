import { EhealthCertError } from '../errors/EhealthCertError.js';
import type { Identifier } from './Identifier.js';
import { invalidIdentifier } from './invalidIdentifier.js';
import { analyseIdentifier } from './parseIdentifier.js';

/** Outcome of checkIdentifier: a bad value is a normal outcome here, not an exception. */
export type IdentifierCheck =
  | { readonly valid: true; readonly identifier: Identifier; readonly notes: string[] }
  | { readonly valid: false; readonly error: EhealthCertError };

/** Checks a `TYPE=VALUE` text (the form of DNs and the command line) and reports what it found. */
export function checkIdentifier(text: string): IdentifierCheck {
  try {
    const at = text.indexOf('=');
    if (at < 0) throw invalidIdentifier('identifier', text, 'format', 'expected TYPE=VALUE, e.g. NIHII-AMBU_SERVICE=12345678');
    const result = analyseIdentifier(text.slice(0, at), text.slice(at + 1));
    return { valid: true, identifier: result.identifier, notes: [...result.notes] };
  } catch (error) {
    if (EhealthCertError.is(error, 'INVALID_IDENTIFIER')) return { valid: false, error };
    throw error;
  }
}
