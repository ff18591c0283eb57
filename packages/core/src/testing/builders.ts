import type { CardHolder } from '../ports/EidCard.js';
import type { ContactData, ManageableOrganisation } from '../ports/CertificateRegistry.js';
import { encodeFakeCertificate } from './FakeCertificate.js';
import { encodeFake } from './fakeEncoding.js';
import { FAKE_CITIZEN_CA } from './fakeCas.js';

/** A valid SSIN (born 1985-07-30, check digits by the 19xx rule, DOMAIN.md 5). */
export const A_SSIN = '85073003328';

/** A card holder with fake Authentication and Signature certificates (DOMAIN.md 6). */
export function aHolder(overrides: Partial<Omit<CardHolder, 'authenticationChain' | 'signatureChain'>> = {}): CardHolder {
  const ssin = overrides.ssin ?? A_SSIN;
  const givenNames = overrides.givenNames ?? 'Anne Marie';
  const surname = overrides.surname ?? 'Dupont-Lévêque';
  const certificate = (role: 'Authentication' | 'Signature') =>
    encodeFakeCertificate({
      subject: `CN=${givenNames} ${surname} (${role}),SERIALNUMBER=${ssin},C=BE`,
      issuer: FAKE_CITIZEN_CA.subject,
      serialNumber: role === 'Authentication' ? '1001' : '1002',
      notBefore: new Date('2024-01-01T00:00:00Z'),
      notAfter: new Date('2034-01-01T00:00:00Z'),
      publicKey: encodeFake('PUBLIC-KEY', { eid: ssin, role }),
      placeholder: false,
      signedBy: FAKE_CITIZEN_CA.publicKey,
    });
  return {
    ssin,
    givenNames,
    surname,
    generation: 'rsa2048',
    tokenSerial: overrides.tokenSerial ?? `TOKEN-${ssin}`,
    ...overrides,
    authenticationChain: [certificate('Authentication')],
    signatureChain: [certificate('Signature')],
  };
}

/** Valid contact data with a generic e-mail (manual step 10). */
export function someContactData(overrides: Partial<ContactData> = {}): ContactData {
  return {
    emailPrivate: 'anne.dupont@example.be',
    emailGeneral: 'info@ambulance-example.be',
    phonePrivate: '+32475123456',
    phoneGeneral: '+3221234567',
    ...overrides,
  };
}

/** An ambulance service the holder manages (GetActorQualities `OrganizationAuthorization`). */
export function anAmbulanceService(overrides: Partial<ManageableOrganisation> = {}): ManageableOrganisation {
  return {
    name: { fr: 'Ambulances Exemple', nl: 'Ambulances Exemple' },
    identifier: { type: 'NIHII-AMBU_SERVICE', value: '91000153' },
    ...overrides,
  };
}

/** A keystore password that passes the policy of manual step 11. */
export const A_STRONG_PASSWORD = 'correct horse battery staple 42';
