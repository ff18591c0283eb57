import { EhealthCertError } from '../errors/EhealthCertError.js';

/** Which contact-data rule failed (details.rule of INVALID_CONTACT_DATA). */
export type ContactDataRule = 'required' | 'email-syntax' | 'phone-syntax' | 'generic-email-distinct';

/** The one error for bad contact data, naming the field, the value and the rule. */
export function invalidContactData(field: string, value: string, rule: ContactDataRule, explanation: string): EhealthCertError {
  const shown = value === '' ? 'an empty value' : `"${value}"`;
  return new EhealthCertError('INVALID_CONTACT_DATA', `${field}: ${shown} is not valid: ${explanation}`, { field, value, rule });
}
