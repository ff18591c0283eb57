import { ORGANISATION_IDENTIFIER_TYPES } from '@ehealth-cert/core';

/** One GetGenericOrganizationTypes entry (certra core OrganizationIdentifierType). */
export interface OrganizationTypeEntry {
  readonly names: { readonly fr: string; readonly nl: string; readonly en: string };
  readonly identifierType: string;
  readonly validationRegEx: string;
  readonly checkDigitAlgorithms: readonly string[];
  readonly availableBaseServices: readonly string[];
}

// Check-digit algorithm names are the simulator's own: the live names are unknown (DOMAIN.md 9).
const ALGORITHMS: Record<string, string[]> = {
  SSIN: ['MOD97_SSIN'],
  CBE: ['MOD97_CBE'],
  NIHII: ['MOD97_NIHII', 'MOD89_NIHII'],
  EHP: [],
  SITE: [],
};

/**
 * The organisation types GetGenericOrganizationTypes returns: the DOMAIN.md 4.2 table (without
 * SSIN, a person and not an organisation), a Java regex of the exact digit count, and the base
 * services of DOMAIN.md 2.3 (`tsa`, `consultrn`, `codage`, `other`).
 */
export const organizationTypes: readonly OrganizationTypeEntry[] = ORGANISATION_IDENTIFIER_TYPES.filter((t) => t.type !== 'SSIN').map((t) => ({
  names: t.description,
  identifierType: t.type,
  validationRegEx: `^[0-9]{${t.length}}$`,
  checkDigitAlgorithms: ALGORITHMS[t.family] ?? [],
  availableBaseServices: t.family === 'NIHII' || t.type === 'CBE' ? ['tsa', 'consultrn', 'codage', 'other'] : ['tsa', 'other'],
}));
