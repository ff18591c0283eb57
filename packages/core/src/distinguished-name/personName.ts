/** How a person is named to them: given names then surname, as on the card (no upper-casing). */
export function personName(person: { readonly givenNames: string; readonly surname: string }): string {
  return `${person.givenNames} ${person.surname}`;
}
