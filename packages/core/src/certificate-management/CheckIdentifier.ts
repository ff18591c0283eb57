import { checkIdentifier, type IdentifierCheck } from '../identifiers/checkIdentifier.js';
import { findIdentifierType, type OrganisationIdentifierType } from '../identifiers/ORGANISATION_IDENTIFIER_TYPES.js';

/** The check of an identifier, with the type's row of DOMAIN.md 4.2 when valid. */
export type IdentifierCheckReport =
  | (Extract<IdentifierCheck, { valid: true }> & { readonly definition?: OrganisationIdentifierType })
  | Extract<IdentifierCheck, { valid: false }>;

/** Checks a `TYPE=VALUE` identifier locally and says what its type is (a bad value is an outcome, not an error). */
export class CheckIdentifier {
  execute(input: { readonly identifier: string }): IdentifierCheckReport {
    const check = checkIdentifier(input.identifier);
    if (!check.valid) return check;
    const definition = findIdentifierType(check.identifier.type);
    return definition ? { ...check, definition } : check;
  }
}
