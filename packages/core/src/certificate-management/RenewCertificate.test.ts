import { describe, expect, it } from 'vitest';
import { ScriptedPinEntry, anAmbulanceService, completedKeystore, fakeWorld, keyEntryOf, rejectionOf, timeoutError, type FakeWorld } from '../testing/index.js';
import { CompleteCertificate } from '../certificate-completion/CompleteCertificate.js';
import { ActivateEtk } from './ActivateEtk.js';
import { RenewCertificate } from './RenewCertificate.js';

function renew(world: FakeWorld, keystorePath: string) {
  return new RenewCertificate(world).execute({
    keystorePath,
    password: world.password,
    contactData: world.contactData,
    baseServiceUsages: ['consultrn'],
    environment: 'acc',
    pinEntry: new ScriptedPinEntry('1234'),
    review: world.review,
  });
}

describe('RenewCertificate', () => {
  it('requests a replacement for the same DN inside the last 3 months, then the new ETK waits for activation', async () => {
    const world = fakeWorld();
    const current = await completedKeystore(world);
    world.clock.set('2029-01-15T10:00:00Z');

    const renewal = await renew(world, current.keystorePath);
    expect(renewal).toMatchObject({ status: 'submitted', dn: current.dn, replacesCertificate: current.reference, renews: { dn: current.dn } });
    expect(renewal.reference).not.toBe(current.reference);
    expect(renewal.keystorePath).not.toBe(current.keystorePath);
    expect(world.review.shown.at(-1)?.overview?.renewal).toBe(true);

    // The old ETK key comes along, so that messages encrypted for the old ETK stay readable.
    expect(keyEntryOf(world.vault.files.get(renewal.keystorePath)?.content, current.etkSerial)).toEqual(
      keyEntryOf(world.vault.files.get(current.keystorePath)?.content, current.etkSerial),
    );

    const completed = await new CompleteCertificate(world).execute({ keystorePath: renewal.keystorePath, password: world.password });
    expect(completed).toMatchObject({ status: 'completed', toBeActivated: true });
    if (completed.status !== 'completed') return;
    // Until activation, ETKDepot still publishes the old ETK.
    const [publishedBefore] = await world.etkRegistry.getPublishedEtks(anAmbulanceService().identifier);
    const oldEtkCertificate = keyEntryOf(world.vault.files.get(current.keystorePath)?.content, current.etkSerial).chain[0] as Uint8Array;
    await expect(world.keys.verifyEtk(publishedBefore as Uint8Array, oldEtkCertificate)).resolves.toBeDefined();

    expect(await new ActivateEtk(world).execute({ keystorePath: completed.keystorePath, password: world.password })).toEqual({
      status: 'activated',
      dn: current.dn,
    });
    const published = await world.etkRegistry.getPublishedEtks(anAmbulanceService().identifier);
    expect(published).toHaveLength(1);
    const newEtkCertificate = keyEntryOf(world.vault.files.get(completed.keystorePath)?.content, completed.etkSerial).chain[0] as Uint8Array;
    await expect(world.keys.verifyEtk(published[0] as Uint8Array, newEtkCertificate)).resolves.toMatchObject({ serialNumber: completed.etkSerial });
  });

  it('keeps the new key and the old ETK keys saved in a new file, and the old keystore as it was, when GenerateCertificate times out', async () => {
    const world = fakeWorld();
    const current = await completedKeystore(world);
    const before = structuredClone(world.vault.files.get(current.keystorePath)?.content);
    world.clock.set('2029-01-15T10:00:00Z');
    world.registry.failures.failNext('GenerateCertificate', timeoutError('GenerateCertificate'), 'after');
    // The status check after the lost answer is lost too: the outcome stays unknown.
    world.registry.failures.failNext('GetCertificate', timeoutError('GetCertificate'));

    const error = await rejectionOf(renew(world, current.keystorePath));

    expect(error.code).toBe('EHEALTH_UNAVAILABLE');
    const saved = world.vault.files.get(error.details.keystorePath as string)?.content;
    expect(saved?.entries.map((e) => e.alias)).toEqual(['authentication', current.etkSerial]);
    expect(await world.keys.publicKeyIdentifier(keyEntryOf(saved).publicKey)).toBe(error.details.reference);
    expect(world.registry.requests.get(error.details.reference as string)?.publicKey).toEqual(keyEntryOf(saved).publicKey);
    expect(world.vault.files.get(current.keystorePath)?.content).toEqual(before);
  });

  it('refuses before the renewal window with the date it opens, without calling the card or eHealth', async () => {
    const world = fakeWorld();
    const current = await completedKeystore(world);
    world.clock.set('2028-11-30T10:00:00Z');
    const calls = world.registry.calls.length;
    const sessions = world.card.sessions.length;

    const error = await rejectionOf(renew(world, current.keystorePath));
    expect(error.code).toBe('RENEWAL_NOT_ALLOWED');
    expect(error.details).toMatchObject({ state: 'too-early', windowStart: new Date('2028-12-02T09:29:59Z'), notAfter: current.notAfter });
    expect(error.message).toContain('2028-12-02');
    expect(world.registry.calls).toHaveLength(calls);
    expect(world.card.sessions).toHaveLength(sessions);
  });

  it('checkWindow answers before any contact data or PIN: open inside the window, refused before it', async () => {
    const world = fakeWorld();
    const current = await completedKeystore(world);
    const check = () => new RenewCertificate(world).checkWindow({ keystorePath: current.keystorePath, password: world.password });
    world.clock.set('2028-11-30T10:00:00Z');
    const sessions = world.card.sessions.length;
    const error = await rejectionOf(check());
    expect(error.code).toBe('RENEWAL_NOT_ALLOWED');
    expect(error.details).toMatchObject({ state: 'too-early', windowStart: new Date('2028-12-02T09:29:59Z') });
    expect(world.card.sessions).toHaveLength(sessions);
    world.clock.set('2028-12-03T10:00:00Z');
    await expect(check()).resolves.toMatchObject({ notAfter: current.notAfter });
  });

  it('refuses an expired certificate and says to request a new one', async () => {
    const world = fakeWorld();
    const current = await completedKeystore(world);
    world.clock.set('2029-03-02T09:30:00Z');
    const error = await rejectionOf(renew(world, current.keystorePath));
    expect(error.code).toBe('RENEWAL_NOT_ALLOWED');
    expect(error.details.state).toBe('expired');
    expect(error.message).toContain('request a new certificate');
  });

  it('refuses a keystore whose request is still pending', async () => {
    const world = fakeWorld();
    world.registry.issueAutomatically = false;
    const { submitRequest } = await import('../testing/index.js');
    const request = await submitRequest(world);
    const error = await rejectionOf(renew(world, request.keystorePath));
    expect(error.code).toBe('CERTIFICATE_NOT_ACTIVE');
  });
});

describe('ActivateEtk', () => {
  it('fails with EHEALTH_REJECTED when no ETK waits for activation', async () => {
    const world = fakeWorld();
    const current = await completedKeystore(world);
    const error = await rejectionOf(new ActivateEtk(world).execute({ keystorePath: current.keystorePath, password: world.password }));
    expect(error.code).toBe('EHEALTH_REJECTED');
    expect(world.registry.calls.at(-1)).toEqual({ operation: 'ActivateETK', signerRole: 'ehealth-authentication' });
  });
});
