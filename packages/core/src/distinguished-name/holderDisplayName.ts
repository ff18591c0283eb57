import { upperCaseWithoutDiacritics } from './upperCaseWithoutDiacritics.js';

/** `FIRSTNAMES SURNAME` from the eID, upper-cased without diacritics: the name OU of a person DN (DOMAIN.md 4.1). */
export function holderDisplayName(givenNames: string, surname: string): string {
  return upperCaseWithoutDiacritics(`${givenNames} ${surname}`);
}
