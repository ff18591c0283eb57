import { describe, expect, it } from 'vitest';
import {
  A_STRONG_PASSWORD,
  anAmbulanceService,
  fakeWorld,
  keyEntryOf,
  rejectionOf,
  submitRequest,
  timeoutError,
  type FakeWorld,
} from '../testing/index.js';
import { EhealthCertError } from '../errors/EhealthCertError.js';
import type { OrganisationChoice } from '../certificate-request/RequestCertificate.js';
import { FakeKeyFactory } from '../testing/FakeKeyFactory.js';
import { CompleteCertificate } from './CompleteCertificate.js';

function submit(world: FakeWorld, organisation: OrganisationChoice = { kind: 'listed', organisation: anAmbulanceService() }, newKey = false) {
  return submitRequest(world, { organisation, ...(newKey ? { newKey } : {}) });
}

function complete(world: FakeWorld, keystorePath: string, password = A_STRONG_PASSWORD) {
  return new CompleteCertificate(world).execute({ keystorePath, password });
}

const rejection = rejectionOf;

/** Every file's content as written, to check that no later step changed it. */
function snapshot(world: FakeWorld): Map<string, unknown> {
  return new Map([...world.vault.allWritten()].map(([path, file]) => [path, structuredClone(file.content)]));
}

async function expectCompletedAndPublished(world: FakeWorld, keystorePath: string, etkSerial: string) {
  const content = world.vault.files.get(keystorePath)?.content;
  const etkKey = keyEntryOf(content, etkSerial);
  const published = await world.etkRegistry.getPublishedEtks(anAmbulanceService().identifier);
  expect(published).toHaveLength(1);
  const summary = await world.keys.verifyEtk(published[0] as Uint8Array, etkKey.chain[0] as Uint8Array);
  expect(summary.serialNumber).toBe(etkSerial);
}

describe('CompleteCertificate', () => {
  it('installs the issued chain and registers the ETK (automatic path, steps 16-19)', async () => {
    const world = fakeWorld();
    const request = await submit(world);
    const result = await complete(world, request.keystorePath);

    expect(result).toMatchObject({ status: 'completed', reference: request.reference, dn: request.dn, toBeActivated: false });
    if (result.status !== 'completed') throw new Error('not completed');
    const content = world.vault.files.get(result.keystorePath)?.content;
    const authentication = keyEntryOf(content);
    expect(authentication.chain.map((c) => world.keys.describeCertificate(c).subject)).toEqual([request.dn, 'CN=FAKE eHealth issuing CA,O=Fake,C=BE']);
    expect(content?.entries.map((e) => `${e.kind}:${e.alias}`)).toEqual([
      'key:authentication',
      `certificate:${request.dn}`,
      'certificate:CN=FAKE eHealth issuing CA,O=Fake,C=BE',
      `key:${result.etkSerial}`,
    ]);
    expect(result.etkSerial).toMatch(/^\d{38}$/);
    expect(result.notAfter.toISOString()).toBe('2029-03-02T09:29:59.000Z');
    await expectCompletedAndPublished(world, result.keystorePath, result.etkSerial);
    expect(await world.pending.get(request.reference)).toMatchObject({ lastStatus: 'completed', keystorePath: result.keystorePath });
    expect(world.progress.steps().filter((step) => Number(step) >= 16)).toEqual(['16', '17', '18', '19']);
  });

  it('writes new files, and moves the request keystore and the one before the ETK, unchanged, to superseded/', async () => {
    const world = fakeWorld();
    const request = await submit(world);
    const before = snapshot(world);
    const result = await complete(world, request.keystorePath);
    for (const [path, content] of before) expect(world.vault.written(path)?.content).toEqual(content);
    expect(world.vault.paths()).toEqual([result.keystorePath]);
    expect(result.keystorePath).not.toBe(request.keystorePath);
    const superseded = await world.vault.listSuperseded();
    expect(superseded).toHaveLength(2);
    expect(superseded.map((file) => file.path)).toContain(request.keystorePath.replace(/\/([^/]+)$/, '/superseded/$1'));
    expect(superseded.every((file) => file.superseded === true && file.baseName === request.certificateName)).toBe(true);
  });

  it('keeps the format of the request keystore unless one is chosen', async () => {
    const world = fakeWorld();
    const request = await submitRequest(world, { organisation: { kind: 'listed', organisation: anAmbulanceService() }, keystoreFormat: 'legacy' });
    expect(world.vault.written(request.keystorePath)?.format).toBe('legacy');
    const result = await complete(world, request.keystorePath);
    expect(world.vault.written(result.keystorePath)?.format).toBe('legacy');
    const other = fakeWorld();
    const second = await submit(other);
    expect(other.vault.written(second.keystorePath)?.format).toBe('modern');
    const chosen = await new CompleteCertificate(other).execute({ keystorePath: second.keystorePath, password: A_STRONG_PASSWORD, keystoreFormat: 'legacy' });
    expect(other.vault.written(chosen.keystorePath)?.format).toBe('legacy');
  });

  it('goes on from the request keystore named by its old path once a completion moved it to superseded/', async () => {
    const world = fakeWorld();
    const request = await submit(world);
    world.etkRegistry.failures.failNext('StartETKRegistration', new EhealthCertError('EHEALTH_UNAVAILABLE', 'down (injected)'));
    await rejection(complete(world, request.keystorePath));
    expect(world.vault.files.has(request.keystorePath)).toBe(false);
    const result = await complete(world, request.keystorePath);
    expect(result.status).toBe('completed');
    expect(world.registry.operations().filter((o) => o === 'GenerateCertificate')).toHaveLength(1);
  });

  it('returns pending while eHealth has not issued the certificate, then completes once it is (manual path)', async () => {
    const world = fakeWorld();
    const request = await submit(world, {
      kind: 'manual',
      identifierType: 'NIHII-AMBU_SERVICE',
      identifierValue: '91000252',
      officialName: 'Ambulances du Sud',
    });
    expect(request.automaticallyValidated).toBe(false);

    const requestedAt = world.clock.now();
    world.clock.advance({ days: 2 });
    // What the local record knows (eHealth gives no delivery date): when it was sent, and how it is validated.
    expect(await complete(world, request.keystorePath)).toEqual({
      status: 'pending',
      reference: request.reference,
      keystorePath: request.keystorePath,
      requestedAt,
      automaticallyValidated: false,
    });
    expect(await world.pending.get(request.reference)).toMatchObject({ lastStatus: 'pending', lastCheckedAt: world.clock.now() });
    expect(world.vault.paths()).toEqual([request.keystorePath]);

    world.registry.release(request.reference);
    world.clock.advance({ days: 1 });
    const result = await complete(world, request.keystorePath);
    expect(result.status).toBe('completed');
    expect(world.registry.operations().filter((o) => o === 'GenerateCertificate')).toHaveLength(1);
  });

  it('finds the newest keystore by certificate name', async () => {
    const world = fakeWorld();
    const request = await submit(world);
    const result = await new CompleteCertificate(world).execute({ certificateName: request.certificateName, password: A_STRONG_PASSWORD });
    expect(result.status).toBe('completed');
  });

  it('fails with KEYSTORE_PASSWORD_WRONG and calls nothing with a wrong password', async () => {
    const world = fakeWorld();
    const request = await submit(world);
    const calls = world.registry.calls.length;
    const error = await rejection(complete(world, request.keystorePath, 'not the password at all'));
    expect(error.code).toBe('KEYSTORE_PASSWORD_WRONG');
    expect(world.registry.calls).toHaveLength(calls);
  });

  it('fails with KEYSTORE_NOT_FOUND for an unknown certificate name', async () => {
    const world = fakeWorld();
    const error = await rejection(new CompleteCertificate(world).execute({ certificateName: 'CBE=0809394427', password: A_STRONG_PASSWORD }));
    expect(error.code).toBe('KEYSTORE_NOT_FOUND');
  });

  it('refuses a chain that does not hold the keystore key', async () => {
    const world = fakeWorld();
    const request = await submit(world);
    world.keys.failures.failNext('verifyIssuedChain', new EhealthCertError('EHEALTH_RESPONSE_INVALID', 'bad chain (injected)'));
    const error = await rejection(complete(world, request.keystorePath));
    expect(error.code).toBe('EHEALTH_RESPONSE_INVALID');
    expect(world.vault.paths()).toEqual([request.keystorePath]);
  });

  const unavailable = () => new EhealthCertError('EHEALTH_UNAVAILABLE', 'eHealth is down (injected).');
  const failurePoints: [string, (world: FakeWorld) => void][] = [
    ['GetCertificate', (w) => w.registry.failures.failNext('GetCertificate', unavailable())],
    ['the chain check', (w) => w.keys.failures.failNext('verifyIssuedChain', unavailable())],
    ['saving the chain', (w) => w.vault.failNextWrite()],
    ['generating the ETK key', (w) => w.keys.failures.failNext('generateKeyPair', new EhealthCertError('INTERNAL', 'no entropy (injected)'))],
    ['StartETKRegistration', (w) => w.etkRegistry.failures.failNext('StartETKRegistration', unavailable())],
    ['StartETKRegistration (lost answer)', (w) => w.etkRegistry.failures.failNext('StartETKRegistration', timeoutError('StartETKRegistration'), 'after')],
    ['decrypting the challenge', (w) => w.keys.failures.failNext('decryptChallenge', new EhealthCertError('EHEALTH_RESPONSE_INVALID', 'bad challenge'))],
    ['building the encryption certificate', (w) => w.keys.failures.failNext('createEncryptionCertificate', new EhealthCertError('INTERNAL', 'boom'))],
    [
      'saving the ETK key',
      (w) => {
        // The first save (the chain) succeeds, the second (the ETK key) fails.
        const save = w.vault.save.bind(w.vault);
        let saves = 0;
        w.vault.save = (...args) => {
          saves += 1;
          if (saves === 2) w.vault.failNextWrite();
          return save(...args);
        };
      },
    ],
    ['CompleteETKRegistration', (w) => w.etkRegistry.failures.failNext('CompleteETKRegistration', unavailable())],
    ['CompleteETKRegistration (lost answer)', (w) => w.etkRegistry.failures.failNext('CompleteETKRegistration', timeoutError('CompleteETKRegistration'), 'after')],
    ['the ETK check', (w) => w.keys.failures.failNext('verifyEtk', new EhealthCertError('EHEALTH_RESPONSE_INVALID', 'bad ETK'))],
    ['GetEtk', (w) => w.etkRegistry.failures.failNext('GetEtk', unavailable())],
  ];

  it.each(failurePoints)('finishes the job on a second run after a failure at %s, without a new request or a lost key', async (_step, inject) => {
    const world = fakeWorld();
    const request = await submit(world);
    inject(world);
    await rejection(complete(world, request.keystorePath));
    const afterFailure = snapshot(world);

    const result = await complete(world, request.keystorePath);

    expect(result.status).toBe('completed');
    if (result.status !== 'completed') return;
    await expectCompletedAndPublished(world, result.keystorePath, result.etkSerial);
    expect(world.registry.operations().filter((o) => o === 'GenerateCertificate')).toHaveLength(1);
    // Same authentication key everywhere, no file rewritten (superseded ones are moved, unchanged).
    const requestKey = keyEntryOf(world.vault.written(request.keystorePath)?.content).publicKey;
    for (const file of world.vault.allWritten().values()) expect(keyEntryOf(file.content).publicKey).toEqual(requestKey);
    for (const [path, content] of afterFailure) expect(world.vault.written(path)?.content).toEqual(content);
    expect(world.vault.paths()).toEqual([result.keystorePath]);
    // A third run changes nothing at eHealth: it is already complete.
    const again = await complete(world, request.keystorePath);
    expect(again).toMatchObject({ status: 'completed', etkSerial: result.etkSerial });
  });

  it('skips GetCertificate when the chain is already installed', async () => {
    const world = fakeWorld();
    const request = await submit(world);
    world.etkRegistry.failures.failNext('StartETKRegistration', unavailable());
    await rejection(complete(world, request.keystorePath));
    const calls = world.registry.operations().length;
    await complete(world, request.keystorePath);
    expect(world.registry.operations().slice(calls)).not.toContain('GetCertificate');
  });

  it('registers the ETK again with the saved key when CompleteETKRegistration never arrived', async () => {
    const world = fakeWorld();
    const request = await submit(world);
    world.etkRegistry.failures.failNext('CompleteETKRegistration', unavailable());
    await rejection(complete(world, request.keystorePath));
    const generated = world.keys.generated;
    const calls = world.registry.operations().length;
    await complete(world, request.keystorePath);
    expect(world.keys.generated).toBe(generated);
    expect(world.registry.operations().slice(calls)).toEqual([
      'GetCertificateInfoForAuthenticationCertificate',
      'StartETKRegistration',
      'CompleteETKRegistration',
      'GetEtk',
    ]);
  });

  it('does not register again when CompleteETKRegistration took effect but its answer was lost', async () => {
    const world = fakeWorld();
    const request = await submit(world);
    world.etkRegistry.failures.failNext('CompleteETKRegistration', timeoutError('CompleteETKRegistration'), 'after');
    await rejection(complete(world, request.keystorePath));
    const calls = world.registry.operations().length;
    await complete(world, request.keystorePath);
    expect(world.registry.operations().slice(calls)).toEqual(['GetCertificateInfoForAuthenticationCertificate', 'GetEtk']);
  });

  it('continues from the newest file of the same key even when a newer keystore of another key has the same name', async () => {
    const world = fakeWorld();
    const request = await submit(world);
    world.etkRegistry.failures.failNext('CompleteETKRegistration', timeoutError('CompleteETKRegistration'), 'after');
    await rejection(complete(world, request.keystorePath));
    const [, withChain, withEtkKey] = [...world.vault.allWritten().keys()];
    expect(world.vault.paths()).toEqual([withEtkKey]);
    // A second request for the same organisation (a new key asked for): its keystore is saved (then eHealth refuses it).
    world.clock.advance({ minutes: 5 });
    expect((await rejection(submit(world, undefined, true))).code).toBe('EHEALTH_REJECTED');
    expect(world.vault.paths()).toHaveLength(2);
    const generated = world.keys.generated;
    const calls = world.registry.operations().length;

    const result = await complete(world, request.keystorePath);

    const etkKeys = world.vault.files.get(withEtkKey as string)?.content.entries.filter((e) => e.kind === 'key' && e.alias !== 'authentication');
    expect(result).toMatchObject({ status: 'completed', reference: request.reference, keystorePath: withEtkKey, etkSerial: etkKeys?.[0]?.alias });
    expect(withChain).toBeDefined();
    expect(world.keys.generated).toBe(generated);
    expect(world.registry.operations().slice(calls)).toEqual(['GetCertificateInfoForAuthenticationCertificate', 'GetEtk']);
  });

  it('fails with EHEALTH_REJECTED when eHealth refused the request', async () => {
    const world = fakeWorld();
    const request = await submit(world, { kind: 'manual', identifierType: 'CBE', identifierValue: '0809394427', officialName: 'Société X' });
    world.registry.refuse(request.reference);
    const error = await rejection(complete(world, request.keystorePath));
    expect(error.code).toBe('EHEALTH_REJECTED');
    expect(world.vault.paths()).toEqual([request.keystorePath]);
  });

  it('completes a request whose GenerateCertificate answer and status check were lost, from the keystore the error named', async () => {
    const world = fakeWorld();
    world.registry.failures.failNext('GenerateCertificate', timeoutError('GenerateCertificate'), 'after');
    world.registry.failures.failNext('GetCertificate', timeoutError('GetCertificate'));
    const error = await rejection(submit(world));
    expect(await world.pending.get(error.details.reference as string)).toMatchObject({ lastStatus: 'sending' });
    const result = await complete(world, error.details.keystorePath as string);
    expect(result).toMatchObject({ status: 'completed', reference: error.details.reference });
    expect(await world.pending.get(error.details.reference as string)).toMatchObject({ lastStatus: 'completed' });
  });

  it('records a request that eHealth refused as refused', async () => {
    const world = fakeWorld();
    const request = await submit(world, { kind: 'manual', identifierType: 'CBE', identifierValue: '0809394427', officialName: 'Société X' });
    world.registry.refuse(request.reference);
    await rejection(complete(world, request.keystorePath));
    expect(await world.pending.get(request.reference)).toMatchObject({ lastStatus: 'refused' });
  });

  describe('issue 12: what a completion that did succeed reports', () => {
    it('completes in an environment without trust anchors (acc) and says which chains were not checked', async () => {
      const world = { ...fakeWorld(), keys: new FakeKeyFactory([]) };
      const request = await submit(world);
      const result = await complete(world, request.keystorePath);
      if (result.status !== 'completed') throw new Error('not completed');
      expect(result.warnings.map((w) => w.code)).toEqual(['ISSUED_CHAIN_NOT_CHECKED', 'ETK_SIGNER_NOT_CHECKED']);
      expect(result.warnings[0]?.message).toContain('EHEALTH_CERT_TRUST_ANCHORS');
      expect(result.etkPublication).toBe('published');
    });

    it('reports no warning when every check ran', async () => {
      const world = fakeWorld();
      const request = await submit(world);
      expect(await complete(world, request.keystorePath)).toMatchObject({ status: 'completed', warnings: [], etkPublication: 'published' });
    });

    it('an ETK that ETKDepot does not publish yet is "registered, not yet published" after a bounded wait, not a failure', async () => {
      const world = fakeWorld();
      const request = await submit(world);
      world.etkRegistry.depotLag = 10;
      const result = await complete(world, request.keystorePath);
      if (result.status !== 'completed') throw new Error('not completed');
      expect(result.etkPublication).toBe('not-yet-published');
      expect(result.warnings.map((w) => w.code)).toEqual(['ETK_NOT_YET_PUBLISHED']);
      expect(world.clock.sleeps).toEqual([2_000, 5_000]);
      expect(world.registry.calls.filter((c) => c.operation === 'GetEtk')).toHaveLength(3);
      expect(await world.pending.get(request.reference)).toMatchObject({ lastStatus: 'completed' });
      // Later, ETKDepot shows it: a rerun finds it published without registering again.
      world.etkRegistry.depotLag = 0;
      const rerun = await complete(world, result.keystorePath);
      expect(rerun).toMatchObject({ status: 'completed', etkSerial: result.etkSerial, etkPublication: 'published', warnings: [] });
    });

    it('finds the ETK when ETKDepot publishes it within the bounded wait', async () => {
      const world = fakeWorld();
      const request = await submit(world);
      world.etkRegistry.depotLag = 2;
      expect(await complete(world, request.keystorePath)).toMatchObject({ status: 'completed', etkPublication: 'published', warnings: [] });
      expect(world.clock.sleeps).toEqual([2_000, 5_000]);
    });

    it('accepts a CompleteETKRegistration answer with the status only, and asks whether the ETK waits for activation', async () => {
      const world = fakeWorld();
      const request = await submit(world);
      world.etkRegistry.statusOnlyCompletion = true;
      const result = await complete(world, request.keystorePath);
      expect(result).toMatchObject({ status: 'completed', toBeActivated: false, etkPublication: 'published' });
      const operations = world.registry.calls.map((c) => c.operation);
      expect(operations.slice(operations.indexOf('CompleteETKRegistration'))).toEqual(['CompleteETKRegistration', 'GetCertificateInfoForAuthenticationCertificate', 'GetEtk']);
    });

    it('refuses an issued certificate that names another DN than the request, and installs nothing', async () => {
      const world = fakeWorld();
      const request = await submit(world);
      const recorded = await world.pending.get(request.reference);
      if (!recorded) throw new Error('no record');
      await world.pending.record({ ...recorded, dn: recorded.dn.replaceAll('NIHII-AMBU_SERVICE', 'NIHII-HOSPITAL') });
      const error = await rejection(complete(world, request.keystorePath));
      expect(error.code).toBe('EHEALTH_RESPONSE_INVALID');
      expect(error.details).toMatchObject({ subject: request.dn });
      expect(world.vault.paths()).toEqual([request.keystorePath]);
    });
  });
});
