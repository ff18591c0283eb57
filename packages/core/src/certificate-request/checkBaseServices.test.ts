import { describe, expect, it, vi } from 'vitest';
import { A_STRONG_PASSWORD, ScriptedPinEntry, anAmbulanceService, completedKeystore, fakeWorld, rejectionOf, type FakeWorld } from '../testing/index.js';
import type { OrganisationType } from '../ports/CertificateRegistry.js';
import { RenewCertificate } from '../certificate-management/RenewCertificate.js';
import { RequestCertificate, type RequestCertificateInput } from './RequestCertificate.js';

/** eHealth lists the ambulance services with two base services only. */
const TYPES: readonly OrganisationType[] = [
  { name: { fr: 'Service ambulancier' }, identifierType: 'NIHII-AMBU_SERVICE', checkDigitAlgorithms: [], availableBaseServices: ['tsa', 'other'] },
  { name: { fr: 'Hôpital' }, identifierType: 'NIHII-HOSPITAL', checkDigitAlgorithms: [], availableBaseServices: ['tsa', 'consultrn', 'codage', 'other'] },
  { name: { fr: 'Entreprise' }, identifierType: 'CBE', checkDigitAlgorithms: [], availableBaseServices: [] },
];

function withTypes(world: FakeWorld): FakeWorld {
  vi.spyOn(world.registry, 'getGenericOrganizationTypes').mockImplementation(async () => {
    world.registry.calls.push({ operation: 'GetGenericOrganizationTypes' });
    return TYPES;
  });
  return world;
}

function request(world: FakeWorld, overrides: Partial<RequestCertificateInput> = {}) {
  return new RequestCertificate(world).execute({
    organisation: { kind: 'listed', organisation: anAmbulanceService() },
    contactData: world.contactData,
    password: A_STRONG_PASSWORD,
    baseServiceUsages: ['tsa'],
    environment: 'acc',
    pinEntry: new ScriptedPinEntry('1234'),
    review: world.review,
    ...overrides,
  });
}

/** Nothing about the request reached eHealth and no key exists: only the anonymous list of types was read. */
function expectNothingSent(world: FakeWorld): void {
  expect(world.registry.operations()).toEqual(['GetGenericOrganizationTypes']);
  expect(world.keys.generated).toBe(0);
  expect(world.vault.files.size).toBe(0);
}

describe('issue 13: base services are checked against what eHealth allows for the organisation type, before the key', () => {
  it('sends one the type allows, as eHealth spells it', async () => {
    const world = withTypes(fakeWorld());
    await request(world, { baseServiceUsages: [' tsa ', 'other'] });
    expect(world.registry.operations()).toEqual(['GetGenericOrganizationTypes', 'GenerateContract', 'GenerateCertificate']);
    expect(world.review.shown.at(-1)?.overview?.baseServiceUsages).toEqual(['tsa', 'other']);
  });

  it('refuses one the type does not allow, naming the field, the rule and the allowed ones, before a key or GenerateContract', async () => {
    const world = withTypes(fakeWorld());
    const error = await rejectionOf(request(world, { baseServiceUsages: ['tsa', 'consultrn'] }));
    expect(error).toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'baseServiceUsages[1]', value: 'consultrn', rule: 'available-base-service', allowed: ['tsa', 'other'], organisationType: 'NIHII-AMBU_SERVICE' },
    });
    expect(error.message).toBe('baseServiceUsages[1] "consultrn" is not a base service eHealth allows for organisation type NIHII-AMBU_SERVICE (allowed: tsa, other)');
    expectNothingSent(world);
  });

  it('refuses any for a type eHealth lists without base services (a manual CBE)', async () => {
    const world = withTypes(fakeWorld());
    const error = await rejectionOf(
      request(world, { organisation: { kind: 'manual', identifierType: 'CBE', identifierValue: '0809394427', officialName: 'Exemple SA' } }),
    );
    expect(error.message).toContain('(allowed: none)');
    expectNothingSent(world);
  });

  it('accepts for a personal certificate what some type allows, and refuses a service no type has', async () => {
    const world = withTypes(fakeWorld());
    await request(world, { organisation: { kind: 'personal' }, baseServiceUsages: ['consultrn'] });
    const refused = withTypes(fakeWorld());
    const error = await rejectionOf(request(refused, { organisation: { kind: 'personal' }, baseServiceUsages: ['ehbox'] }));
    expect(error).toMatchObject({ code: 'INVALID_INPUT', details: { rule: 'available-base-service', organisationType: 'SSIN' } });
    expect(error.message).toContain('for any organisation type');
    expectNothingSent(refused);
  });

  it('refuses a service given twice, and asks eHealth nothing when none is given', async () => {
    const twice = withTypes(fakeWorld());
    expect(await rejectionOf(request(twice, { baseServiceUsages: ['tsa', 'tsa'] }))).toMatchObject({ details: { field: 'baseServiceUsages[1]', rule: 'unique' } });
    expect(twice.registry.calls).toEqual([]);
    const none = withTypes(fakeWorld());
    await request(none, { baseServiceUsages: [] });
    expect(none.registry.operations()).toEqual(['GenerateContract', 'GenerateCertificate']);
  });

  it('checks a renewal the same way, before its new key', async () => {
    const world = fakeWorld();
    const current = await completedKeystore(world);
    world.clock.set('2029-01-15T10:00:00Z');
    withTypes(world);
    const before = { operations: world.registry.operations().length, keys: world.keys.generated, files: world.vault.files.size };
    const error = await rejectionOf(
      new RenewCertificate(world).execute({
        keystorePath: current.keystorePath,
        password: world.password,
        contactData: world.contactData,
        baseServiceUsages: ['codage'],
        environment: 'acc',
        pinEntry: new ScriptedPinEntry('1234'),
        review: world.review,
      }),
    );
    expect(error).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'baseServiceUsages[0]', rule: 'available-base-service' } });
    expect(world.registry.operations().slice(before.operations)).toEqual(['GetGenericOrganizationTypes']);
    expect(world.keys.generated).toBe(before.keys);
    expect(world.vault.files.size).toBe(before.files);
  });
});
