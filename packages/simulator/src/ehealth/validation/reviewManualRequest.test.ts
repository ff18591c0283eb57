import { describe, expect, it } from 'vitest';
import { AuthenticSources } from '../sources/AuthenticSources.js';
import { defaultFixture } from '../sources/defaultFixture.js';
import { reviewManualRequest } from './reviewManualRequest.js';

const sources = new AuthenticSources(defaultFixture);
const org = (type: string, value: string, name: string) => ({ entityType: 'Organization' as const, actor: { ids: [{ type, value }], firstNames: [], name } });

describe('reviewManualRequest', () => {
  it('approves the official name (French or Dutch) of an organisation of the typed type', () => {
    expect(reviewManualRequest(sources, org('NIHII-AMBU_SERVICE', '81234530', 'AMBULANCES HOPITAL SAINT-PIERRE (TEST)'))).toEqual({ decision: 'APPROVED' });
    expect(reviewManualRequest(sources, org('NIHII-AMBU_SERVICE', '81234530', 'ambulancedienst ziekenhuis sint-pieter (test)'))).toEqual({ decision: 'APPROVED' });
    expect(reviewManualRequest(sources, org('NIHII-AMBU_SERVICE', '81234530', '  Ambulances  hôpital Saint-Pierre (test)'))).toEqual({ decision: 'APPROVED' });
    expect(reviewManualRequest(sources, org('NIHII-AMBU_SERVICE', '81234530', 'Ambulances Hopital Saint Pierre (TEST)'))).toMatchObject({ decision: 'REFUSED' });
  });

  it("refuses a hospital's NIHII typed as an ambulance service's, naming the hospital", () => {
    const review = reviewManualRequest(sources, org('NIHII-AMBU_SERVICE', '71072393', 'Centre Hospitalier Universitaire Saint-Pierre (TEST)'));
    expect(review).toEqual({
      decision: 'REFUSED',
      reason:
        '71072393 is the NIHII-HOSPITAL identifier of "Centre Hospitalier Universitaire Saint-Pierre (TEST)", not the identifier of a NIHII-AMBU_SERVICE: ' +
        'give the identifier of the organisation itself (for an ambulance service, the NIHII number of the ambulance service, not of its hospital)',
    });
  });

  it('refuses an unknown identifier and a name that is not the official one', () => {
    expect(reviewManualRequest(sources, org('NIHII-LABO', '17198791', 'Labo'))).toMatchObject({ decision: 'REFUSED', reason: expect.stringContaining('no organisation of type NIHII-LABO') });
    expect(reviewManualRequest(sources, org('NIHII-PHARMACY', '71072492', 'Pharmacie Centrale'))).toMatchObject({ decision: 'REFUSED', reason: expect.stringContaining('"Pharmacie du Centre (TEST)"') });
  });

  it('approves a personal request (the eID proved the person)', () => {
    expect(reviewManualRequest(sources, { entityType: 'NaturalPerson', actor: { ids: [{ type: 'SSIN', value: '92022821023' }], firstNames: ['Chloé'], name: 'Van den Broeck' } })).toEqual({ decision: 'APPROVED' });
  });
});
