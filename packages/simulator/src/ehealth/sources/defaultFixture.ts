import type { AuthenticSourcesFixture } from './AuthenticSources.js';

/**
 * The default authentic sources: the holder of the fake eID cards manages two ambulance services
 * (one attached to the hospital), a second person manages the pharmacy and the lab, a third has
 * no mandate at all (manual-validation path). Identifiers carry valid mod-97 check digits.
 */
export const defaultFixture: Required<AuthenticSourcesFixture> = {
  contractDn: 'escaped',
  people: [
    // The default holder of the fake eID cards (FAKE_EID_DEFAULTS in fake-eid/provisionFakeEid.ts).
    { ssin: '85071400254', firstNames: ['Alice'], name: 'Geldigekaart', healthcareProfessional: true },
    { ssin: '79031504521', firstNames: ['Bruno'], name: 'Dupont-Lefèvre', healthcareProfessional: true },
    { ssin: '92022821023', firstNames: ['Chloé'], name: 'Van den Broeck', healthcareProfessional: false },
  ],
  organizations: [
    { type: 'NIHII-HOSPITAL', id: '71072393', name: 'Centre Hospitalier Universitaire Saint-Pierre (TEST)', nameNl: 'Universitair Ziekenhuis Sint-Pieter (TEST)' },
    { type: 'NIHII-AMBU_SERVICE', id: '81234530', name: 'Ambulances Hôpital Saint-Pierre (TEST)', nameNl: 'Ambulancedienst Ziekenhuis Sint-Pieter (TEST)', attachedTo: { type: 'NIHII-HOSPITAL', value: '71072393' } },
    { type: 'NIHII-AMBU_SERVICE', id: '71901249', name: 'Ambulances Sud-Luxembourg (TEST)' },
    { type: 'NIHII-AMBU_SERVICE', id: '61111186', name: 'Ambulancedienst Kempen (TEST)' },
    { type: 'NIHII-PHARMACY', id: '71072492', name: 'Pharmacie du Centre (TEST)', nameNl: 'Apotheek Centrum (TEST)' },
    { type: 'NIHII-LABO', id: '71072591', name: 'Laboratoire de Biologie Clinique Bruxelles (TEST)' },
    { type: 'CBE', id: '0809394427', name: 'eHealth-platform' },
  ],
  mandates: [
    { ssin: '85071400254', organization: { type: 'NIHII-AMBU_SERVICE', value: '81234530' } },
    { ssin: '85071400254', organization: { type: 'NIHII-AMBU_SERVICE', value: '71901249' } },
    { ssin: '79031504521', organization: { type: 'NIHII-PHARMACY', value: '71072492' } },
    { ssin: '79031504521', organization: { type: 'NIHII-LABO', value: '71072591' } },
  ],
};
