import type { Identifier } from './Identifier.js';
import { invalidIdentifier } from './invalidIdentifier.js';
import { findIdentifierType, type OrganisationIdentifierType } from './ORGANISATION_IDENTIFIER_TYPES.js';
import { analyseSsin } from './parseSsin.js';
import { parseCbe } from './parseCbe.js';
import { parseNihii } from './parseNihii.js';
import { normaliseDigits } from './normaliseDigits.js';
import { requireDigits } from './requireDigits.js';

/** A valid identifier with what its check revealed (used by checkIdentifier). */
export interface AnalysedIdentifier {
  readonly identifier: Identifier;
  readonly definition: OrganisationIdentifierType;
  readonly notes: readonly string[];
}

/** Validates `value` for `type` (any type of DOMAIN.md 4.2) and says what is worth noting. */
export function analyseIdentifier(type: string, value: string, field = 'identifier'): AnalysedIdentifier {
  const normalisedType = type.trim().toUpperCase();
  const definition = findIdentifierType(normalisedType);
  if (definition === undefined) {
    throw invalidIdentifier(`${field} type`, type, 'unknown-type', 'unknown identifier type (see DOMAIN.md 4.2)');
  }
  const notes: string[] = [];
  let digits: string;
  switch (definition.family) {
    case 'SSIN': {
      const facts = analyseSsin(value, field);
      digits = facts.value;
      if (facts.century === 2000) notes.push('check digits follow the rule for a birth in or after 2000');
      if (facts.bis !== 'none') notes.push(`BIS number (${facts.bis === 'month+20' ? 'month + 20: sex unknown' : 'month + 40: sex known'})`);
      if (facts.partialBirthDate) notes.push('date of birth partly unknown (month or day 00)');
      break;
    }
    case 'CBE':
      digits = parseCbe(value, field);
      if (normaliseDigits(value.trim().replace(/^BE/i, '')).length === 9) notes.push('9-digit legacy form padded with a leading 0');
      break;
    case 'NIHII': {
      const nihii = parseNihii(value, field, [definition.length as 8 | 11]);
      digits = nihii.value;
      if (nihii.checkRule === 'mod89') {
        notes.push('check digits follow the mod-89 rule (RIZIV note I 2012/26), accepted but not verified');
      }
      break;
    }
    case 'EHP':
    case 'SITE':
      // No public check-digit rule for these (DOMAIN.md 4.2): length and digits only.
      digits = requireDigits(value, field, [definition.length]);
      break;
  }
  return { identifier: { type: definition.type, value: digits }, definition, notes };
}

/** Validates `value` for identifier `type` and returns the normalised identifier; throws INVALID_IDENTIFIER. */
export function parseIdentifier(type: string, value: string, field = 'identifier'): Identifier {
  return analyseIdentifier(type, value, field).identifier;
}
