/** A test person of the features: the holder of a fake eID card and a person of the authentic sources. */
export interface TestPerson {
  readonly givenNames: string;
  readonly surname: string;
  readonly ssin: string;
}

/** SSIN of someone born in the 1900s (DOMAIN.md 5: 97 minus the first nine digits modulo 97). */
function ssin(birth: string, sequence: number): string {
  const base = `${birth}${String(sequence).padStart(3, '0')}`;
  return `${base}${String(97 - (Number(base) % 97)).padStart(2, '0')}`;
}

// Belgian-sounding test names, as on the official test cards ("Geldigekaart" = valid card).
const PEOPLE: readonly TestPerson[] = [
  { givenNames: 'Alice', surname: 'Geldigekaart', ssin: ssin('850714', 2) },
  { givenNames: 'Bruno', surname: 'Handmatig', ssin: ssin('790215', 11) },
  { givenNames: 'Chloé', surname: 'Vreemdeling', ssin: ssin('920330', 4) },
];

/** The test person called `fullName` ("Alice Geldigekaart"). */
export function testPerson(fullName: string): TestPerson {
  const person = PEOPLE.find((p) => `${p.givenNames} ${p.surname}` === fullName);
  if (!person) throw new Error(`no test person "${fullName}"; known: ${PEOPLE.map((p) => `${p.givenNames} ${p.surname}`).join(', ')}`);
  return person;
}
