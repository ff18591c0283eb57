import { EhealthCertError } from '../errors/EhealthCertError.js';

/** Which rule an identifier value broke (details.rule of INVALID_IDENTIFIER). */
export type IdentifierRule = 'format' | 'unknown-type' | 'digits-only' | 'length' | 'not-zero' | 'date' | 'check-digits';

/**
 * The one error for a bad identifier: the message names the field, the value and the rule, and
 * the details carry them for machines (issue 2, "Core").
 */
export function invalidIdentifier(
  field: string,
  value: string,
  rule: IdentifierRule,
  explanation: string,
  expected?: string | number,
  actual?: string | number,
): EhealthCertError {
  return new EhealthCertError('INVALID_IDENTIFIER', `${field}: "${value}" is not valid: ${explanation}`, {
    field,
    value,
    rule,
    ...(expected === undefined ? {} : { expected }),
    ...(actual === undefined ? {} : { actual }),
  });
}
