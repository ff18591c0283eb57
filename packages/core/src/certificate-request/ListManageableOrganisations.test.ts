import { describe, expect, it } from 'vitest';
import { ScriptedPinEntry, anAmbulanceService, fakeWorld, rejectionOf } from '../testing/index.js';
import { ListManageableOrganisations } from './ListManageableOrganisations.js';
import { ListOrganisationTypes } from './ListOrganisationTypes.js';
import { ReadCardHolder } from './ReadCardHolder.js';

describe('ReadCardHolder', () => {
  it('reads the holder without a PIN (manual step 5)', async () => {
    const world = fakeWorld();
    const holder = await new ReadCardHolder(world).execute();
    expect(holder).toMatchObject({ ssin: world.card.holder.ssin, surname: 'Dupont-Lévêque' });
    expect(world.card.sessions).toEqual([]);
    expect(world.progress.steps()).toEqual(['5']);
  });

  it('fails with CARD_ABSENT when no card is inserted', async () => {
    const world = fakeWorld();
    world.card.inserted = false;
    expect((await rejectionOf(new ReadCardHolder(world).execute())).code).toBe('CARD_ABSENT');
  });
});

describe('ListManageableOrganisations', () => {
  it('returns the organisations of the holder\'s mandates, signed with eID authentication (steps 6-7)', async () => {
    const world = fakeWorld();
    const pin = new ScriptedPinEntry('1234');
    const result = await new ListManageableOrganisations(world).execute({ pinEntry: pin });
    expect(result).toMatchObject({ naturalPersonAuthorization: true, organisations: [anAmbulanceService()] });
    expect(world.registry.calls).toEqual([{ operation: 'GetActorQualities', signerRole: 'authentication' }]);
    expect(pin.asked).toEqual([{ key: 'authentication', holderName: 'Anne Marie Dupont-Lévêque' }]);
    expect(world.progress.steps()).toEqual(['6', '7']);
  });

  it('blocks the card on the third wrong PIN, one PIN per run', async () => {
    const world = fakeWorld();
    const useCase = new ListManageableOrganisations(world);
    const codes = [];
    for (let run = 0; run < 4; run += 1) codes.push((await rejectionOf(useCase.execute({ pinEntry: new ScriptedPinEntry('0000') }))).code);
    expect(codes).toEqual(['PIN_INCORRECT', 'PIN_INCORRECT', 'PIN_BLOCKED', 'PIN_BLOCKED']);
    expect(world.registry.calls).toEqual([]);
  });

  it('tells the tries left in the next PIN request after a wrong PIN', async () => {
    const world = fakeWorld();
    const useCase = new ListManageableOrganisations(world);
    await rejectionOf(useCase.execute({ pinEntry: new ScriptedPinEntry('0000') }));
    const pin = new ScriptedPinEntry('1234');
    await useCase.execute({ pinEntry: pin });
    expect(pin.asked[0]?.triesLeft).toBe(2);
  });
});

describe('ListOrganisationTypes', () => {
  it('returns the types eHealth knows (step 8M)', async () => {
    const world = fakeWorld();
    const result = await new ListOrganisationTypes(world).execute();
    expect(result.source).toBe('ehealth');
    expect(result.types.map((t) => t.identifierType)).toContain('NIHII-AMBU_SERVICE');
  });

  it('falls back to the local table when eHealth is unavailable', async () => {
    const world = fakeWorld();
    const { EhealthCertError } = await import('../errors/EhealthCertError.js');
    world.registry.failures.failNext('GetGenericOrganizationTypes', new EhealthCertError('EHEALTH_UNAVAILABLE', 'down'));
    const result = await new ListOrganisationTypes(world).execute();
    expect(result.source).toBe('local');
    expect(result.types.find((t) => t.identifierType === 'NIHII-AMBU_SERVICE')).toMatchObject({ validationRegEx: '[0-9]{8}' });
    expect(result.types.map((t) => t.identifierType)).not.toContain('SSIN');
  });

  it('does not hide a rejection behind the local table', async () => {
    const world = fakeWorld();
    const { EhealthCertError } = await import('../errors/EhealthCertError.js');
    world.registry.failures.failNext('GetGenericOrganizationTypes', new EhealthCertError('EHEALTH_REJECTED', 'no'));
    expect((await rejectionOf(new ListOrganisationTypes(world).execute())).code).toBe('EHEALTH_REJECTED');
  });
});
