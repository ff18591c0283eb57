import { describe, expect, it } from 'vitest';
import { RefusingReview, ScriptedPinEntry, anAmbulanceService, completedKeystore, fakeWorld, rejectionOf } from '../testing/index.js';
import { RevokeCertificate } from './RevokeCertificate.js';

describe('RevokeCertificate', () => {
  it('revokes the certificate and its ETK with the eID signature after approval', async () => {
    const world = fakeWorld();
    const current = await completedKeystore(world);
    const pin = new ScriptedPinEntry('1234');
    const result = await new RevokeCertificate(world).execute({
      publicKeyIdentifier: current.reference.toUpperCase(),
      reason: 'keyCompromise',
      pinEntry: pin,
      review: world.review,
    });
    expect(result).toEqual({ status: 'revoked', publicKeyIdentifier: current.reference, dn: current.dn });
    expect(world.registry.requests.get(current.reference)).toMatchObject({ status: 'REVOKED', etkStatus: 'REVOKED' });
    expect(world.registry.calls.slice(-2)).toEqual([{ operation: 'GenerateRevocationContract' }, { operation: 'Revoke', signerRole: 'signature' }]);
    expect(await world.etkRegistry.getPublishedEtks(anAmbulanceService().identifier)).toEqual([]);
    expect(pin.asked).toEqual([{ key: 'signature', holderName: 'Anne Marie Dupont-Lévêque' }]);
  });

  it('revokes nothing and asks no PIN when the person refuses the revocation contract', async () => {
    const world = fakeWorld();
    const current = await completedKeystore(world);
    const pin = new ScriptedPinEntry('1234');
    const error = await rejectionOf(
      new RevokeCertificate(world).execute({ publicKeyIdentifier: current.reference, reason: 'superseded', pinEntry: pin, review: new RefusingReview() }),
    );
    expect(error.code).toBe('CANCELLED');
    expect(pin.asked).toEqual([]);
    expect(world.registry.requests.get(current.reference)?.status).toBe('VALID_ACTIVE');
  });

  it('refuses a reference that is not 40 hex digits before any call', async () => {
    const world = fakeWorld();
    const error = await rejectionOf(
      new RevokeCertificate(world).execute({ publicKeyIdentifier: 'abc', reason: 'superseded', pinEntry: new ScriptedPinEntry(), review: world.review }),
    );
    expect(error).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'publicKeyIdentifier', value: 'abc' } });
    expect(world.registry.calls).toEqual([]);
  });

  it('does not retry a wrong PIN', async () => {
    const world = fakeWorld();
    const current = await completedKeystore(world);
    const pin = new ScriptedPinEntry('9999', '1234');
    const error = await rejectionOf(
      new RevokeCertificate(world).execute({ publicKeyIdentifier: current.reference, reason: 'superseded', pinEntry: pin, review: world.review }),
    );
    expect(error.code).toBe('PIN_INCORRECT');
    expect(pin.asked).toHaveLength(1);
    expect(world.registry.requests.get(current.reference)?.status).toBe('VALID_ACTIVE');
  });
});
