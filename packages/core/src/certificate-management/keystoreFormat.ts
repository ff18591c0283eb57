import type { KeystoreFormat } from '../ports/KeystoreVault.js';
import { EhealthCertError } from '../errors/EhealthCertError.js';

/** The keystore formats a person may choose (docs/decisions/0016); the first is the default. */
export const KEYSTORE_FORMATS: readonly KeystoreFormat[] = ['modern', 'legacy'];

/**
 * A keystore format as typed (an option, a variable, a JSON field): trimmed, any case; `undefined`
 * or empty means "not chosen". Anything else is INVALID_INPUT naming `field` and the allowed values.
 */
export function parseKeystoreFormat(value: string | undefined, field: string): KeystoreFormat | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const format = value.trim().toLowerCase();
  if ((KEYSTORE_FORMATS as readonly string[]).includes(format)) return format as KeystoreFormat;
  throw new EhealthCertError('INVALID_INPUT', `${field} is "${value}"; it must be one of ${KEYSTORE_FORMATS.join(', ')} (default ${KEYSTORE_FORMATS[0]})`, {
    field,
    value,
    allowed: KEYSTORE_FORMATS,
  });
}
