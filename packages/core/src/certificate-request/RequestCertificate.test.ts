import { describe, expect, it } from 'vitest';
import {
  A_STRONG_PASSWORD,
  RefusingReview,
  ScriptedPinEntry,
  anAmbulanceService,
  fakeWorld,
  keyEntryOf,
  rejectionOf,
  timeoutError,
  type FakeWorld,
} from '../testing/index.js';
import { EhealthCertError } from '../errors/EhealthCertError.js';
import { RequestCertificate, type RequestCertificateInput } from './RequestCertificate.js';

function request(world: FakeWorld, overrides: Partial<RequestCertificateInput> = {}) {
  const useCase = new RequestCertificate(world);
  return useCase.execute({
    organisation: { kind: 'listed', organisation: anAmbulanceService() },
    contactData: world.contactData,
    password: A_STRONG_PASSWORD,
    baseServiceUsages: ['consultrn'],
    environment: 'acc',
    pinEntry: new ScriptedPinEntry('1234'),
    review: world.review,
    ...overrides,
  });
}

const rejection = rejectionOf;

describe('RequestCertificate', () => {
  it("sends the base services eHealth makes available to the organisation's type when none are given (the manual never asks them)", async () => {
    const world = fakeWorld();
    world.registry.organisationTypes = world.registry.organisationTypes.map((t) =>
      t.identifierType === 'NIHII-AMBU_SERVICE' ? { ...t, availableBaseServices: ['tsa', 'other'] } : t,
    );
    const result = await request(world, { baseServiceUsages: undefined });
    expect(result.baseServiceUsages).toEqual(['tsa', 'other']);
    expect(world.registry.requests.get(result.reference)?.baseServiceUsages).toEqual(['tsa', 'other']);
    // Given ones are sent as given, and an empty list means none (no types are asked then).
    const none = fakeWorld();
    const sent = await request(none, { baseServiceUsages: [] });
    expect(none.registry.requests.get(sent.reference)?.baseServiceUsages).toEqual([]);
    expect(none.registry.operations()).not.toContain('GetGenericOrganizationTypes');
  });

  it('gives a personal certificate no base services by default, without asking eHealth for the organisation types', async () => {
    const world = fakeWorld();
    const result = await request(world, { organisation: { kind: 'personal' }, baseServiceUsages: undefined });
    expect(result.baseServiceUsages).toEqual([]);
    expect(world.registry.operations()).not.toContain('GetGenericOrganizationTypes');
  });

  it('sends an automatically validated request for a listed organisation and keeps the key in a new keystore', async () => {
    const world = fakeWorld();
    const result = await request(world);

    expect(result).toMatchObject({ status: 'submitted', automaticallyValidated: true, certificateName: 'NIHII-AMBU_SERVICE=91000153' });
    expect(result.reference).toMatch(/^[0-9a-f]{40}$/);
    expect(result.dn).toBe(
      'CN=NIHII-AMBU_SERVICE\\=91000153,OU=eHealth-platform Belgium,OU=AMBULANCES EXEMPLE,OU=NIHII-AMBU_SERVICE\\=91000153,O=Federal Government,C=BE',
    );
    const file = world.vault.files.get(result.keystorePath);
    expect(file?.content.entries).toHaveLength(1);
    expect(file?.content.entries[0]).toMatchObject({ kind: 'key', alias: 'authentication' });
    expect(world.keys.describeCertificate(keyEntryOf(file?.content).chain[0] as Uint8Array).placeholder).toBe(true);
    expect(await world.pending.get(result.reference)).toMatchObject({ lastStatus: 'sent', keystorePath: result.keystorePath, environment: 'acc' });
    // Core writes no text: it returns the step 15-16 receipt, and the front ends render it.
    expect(world.vault.companionFiles.size).toBe(0);
    expect(result.receipt).toEqual({
      reference: result.reference,
      environment: 'acc',
      dn: result.dn,
      certificateName: 'NIHII-AMBU_SERVICE=91000153',
      keystorePath: result.keystorePath,
      keystoreName: result.keystorePath.split('/').pop(),
      requestedAt: world.clock.now(),
      automaticallyValidated: true,
      renewal: false,
      nextStep: { step: '16', action: 'complete', environment: 'acc', keystoreName: result.keystorePath.split('/').pop() },
    });
    expect(world.registry.operations()).toEqual(['GetGenericOrganizationTypes', 'GenerateContract', 'GenerateCertificate']);
    expect(world.registry.calls[2]?.signerRole).toBe('signature');
  });

  it('reports the manual steps 10 to 15 in order', async () => {
    const world = fakeWorld();
    await request(world);
    expect(world.progress.steps()).toEqual(['10', '11', '5', '12', '13', '14', '15']);
  });

  it('asks the PIN once, for the signature key, naming the holder', async () => {
    const world = fakeWorld();
    const pin = new ScriptedPinEntry('1234');
    await request(world, { pinEntry: pin });
    expect(pin.asked).toEqual([{ key: 'signature', holderName: 'Anne Marie Dupont-Lévêque' }]);
  });

  it('signs the contract as the card holder, names exactly as on the card', async () => {
    const world = fakeWorld();
    await request(world);
    expect(world.review.shown[0]?.contract.signer).toEqual({
      ids: [{ type: 'SSIN', value: world.card.holder.ssin }],
      firstNames: ['Anne Marie'],
      name: 'Dupont-Lévêque',
    });
  });

  it('sends a manually typed organisation that eHealth validates by hand (not automatically validated)', async () => {
    const world = fakeWorld();
    const result = await request(world, {
      organisation: { kind: 'manual', identifierType: 'nihii-hospital', identifierValue: '710.723.93', officialName: 'Clinique Saint-Éloi' },
      applicationId: 'labo',
    });
    expect(result).toMatchObject({ automaticallyValidated: false, certificateName: 'NIHII-HOSPITAL=71072393,LABO' });
    expect(result.dn).toContain('OU=CLINIQUE SAINT-ELOI');
    expect(result.receipt).toMatchObject({ automaticallyValidated: false, certificateName: 'NIHII-HOSPITAL=71072393,LABO' });
    expect(await world.registry.getCertificate(result.reference)).toEqual({ status: 'pending' });
  });

  it('requests a personal certificate with the SSIN of the card', async () => {
    const world = fakeWorld();
    const result = await request(world, { organisation: { kind: 'personal' } });
    expect(result.certificateName).toBe(`SSIN=${world.card.holder.ssin}`);
    expect(result.dn).toContain('OU=ANNE MARIE DUPONT-LEVEQUE');
    expect(result.automaticallyValidated).toBe(true);
  });

  it.each([
    ['contact data without a generic e-mail', { contactData: { emailPrivate: 'a@example.be', phonePrivate: '0475123456' } }, 'INVALID_CONTACT_DATA'],
    ['a short password', { password: 'short' }, 'WEAK_PASSWORD'],
    ['a password made of the identifier', { password: '91000153 91000153 x' }, 'WEAK_PASSWORD'],
    [
      'a manual identifier with wrong check digits',
      { organisation: { kind: 'manual', identifierType: 'NIHII-HOSPITAL', identifierValue: '71072394', officialName: 'X' } },
      'INVALID_IDENTIFIER',
    ],
    ['an application id with a space', { applicationId: 'MY APP' }, 'INVALID_INPUT'],
    ['an organisation name of 100 000 characters', { organisation: { kind: 'manual', identifierType: 'CBE', identifierValue: '0809394427', officialName: 'A'.repeat(100_000) } }, 'INVALID_INPUT'],
    ['an organisation name with a newline', { organisation: { kind: 'manual', identifierType: 'CBE', identifierValue: '0809394427', officialName: 'Société\nX' } }, 'INVALID_INPUT'],
    ['an organisation name with a bidi override', { organisation: { kind: 'manual', identifierType: 'CBE', identifierValue: '0809394427', officialName: 'Société \u202eX' } }, 'INVALID_INPUT'],
    ['a base service with a space', { baseServiceUsages: ['consult rn'] }, 'INVALID_INPUT'],
  ] as const)('refuses %s before any card or eHealth call', async (_title, overrides, code) => {
    const world = fakeWorld();
    const error = await rejection(request(world, overrides as Partial<RequestCertificateInput>));
    expect(error.code).toBe(code);
    expect(world.card.sessions).toEqual([]);
    expect(world.registry.calls).toEqual([]);
    expect(world.vault.files.size).toBe(0);
  });

  it('refuses a password made of the holder name before any eHealth call', async () => {
    const world = fakeWorld();
    const error = await rejection(request(world, { password: 'Dupont-Lévêque 2026!' }));
    expect(error.code).toBe('WEAK_PASSWORD');
    expect(world.registry.calls).toEqual([]);
  });

  it('cancels without a key or a keystore when the person refuses the overview', async () => {
    const world = fakeWorld();
    const error = await rejection(request(world, { review: new RefusingReview() }));
    expect(error.code).toBe('CANCELLED');
    expect(world.vault.files.size).toBe(0);
    expect(world.registry.operations()).toEqual(['GetGenericOrganizationTypes', 'GenerateContract']);
  });

  it('keeps the keystore and ends in a status check when GenerateCertificate gets no answer and eHealth has nothing', async () => {
    const world = fakeWorld();
    world.registry.failures.failNext('GenerateCertificate', timeoutError('GenerateCertificate'), 'before');
    const error = await rejection(request(world));

    expect(error.code).toBe('EHEALTH_UNAVAILABLE');
    const path = error.details.keystorePath as string;
    expect(error.message).toContain(path);
    expect(error.details).toMatchObject({ statusCheck: 'not-received', maybeReceived: false, environment: 'acc' });
    expect(error.message).toContain(`ehealth-cert status --env acc --keystore "${path}"`);
    const file = world.vault.files.get(path);
    expect(file?.content.entries[0]).toMatchObject({ kind: 'key', alias: 'authentication' });
    expect(world.vault.files.size).toBe(1);
    const reference = await world.keys.publicKeyIdentifier(keyEntryOf(file?.content).publicKey);
    expect(error.details.reference).toBe(reference);
    expect(await world.vault.open(path, A_STRONG_PASSWORD)).toEqual(file?.content);
    expect(world.registry.operations()).toEqual(['GetGenericOrganizationTypes', 'GenerateContract', 'GenerateCertificate', 'GetCertificate']);
    expect(await world.pending.get(reference)).toMatchObject({ lastStatus: 'unsent', keystorePath: path });
  });

  it('finds the request by a status check when the answer to GenerateCertificate is lost after eHealth registered it', async () => {
    const world = fakeWorld();
    world.registry.failures.failNext('GenerateCertificate', timeoutError('GenerateCertificate'), 'after');
    const result = await request(world);
    expect(result).toMatchObject({ status: 'submitted', confirmedByStatusCheck: true, environment: 'acc' });
    expect(world.registry.operations()).toEqual(['GetGenericOrganizationTypes', 'GenerateContract', 'GenerateCertificate', 'GetCertificate']);
    expect(world.registry.requests.get(result.reference)?.publicKey).toEqual(keyEntryOf(world.vault.files.get(result.keystorePath)?.content).publicKey);
    expect(await world.pending.get(result.reference)).toMatchObject({ lastStatus: 'sent', keystorePath: result.keystorePath });
  });

  it('ends an unreadable answer (wrong PublicKeyIdentifier) in the status check, never in a bare error', async () => {
    const world = fakeWorld();
    const send = world.registry.generateCertificate.bind(world.registry);
    world.registry.generateCertificate = async (signer, input) => ({ ...(await send(signer, input)), publicKeyIdentifier: 'ab'.repeat(20) });
    const result = await request(world);
    expect(result.confirmedByStatusCheck).toBe(true);
    expect(world.registry.operations()).toEqual(['GetGenericOrganizationTypes', 'GenerateContract', 'GenerateCertificate', 'GetCertificate']);
  });

  it('keeps the request `sending` and names status and complete with the environment when neither answer nor status check arrive', async () => {
    const world = fakeWorld();
    world.registry.failures.failNext('GenerateCertificate', timeoutError('GenerateCertificate'), 'after');
    world.registry.failures.failNext('GetCertificate', timeoutError('GetCertificate'));
    const error = await rejection(request(world));
    expect(error.code).toBe('EHEALTH_UNAVAILABLE');
    expect(error.details).toMatchObject({ statusCheck: 'failed', maybeReceived: true });
    expect(error.details.completeCommand).toBe(`ehealth-cert complete --env acc --keystore "${error.details.keystorePath as string}"`);
    expect(await world.pending.get(error.details.reference as string)).toMatchObject({ lastStatus: 'sending' });
  });

  it('records the request as `sending` before GenerateCertificate leaves', async () => {
    const world = fakeWorld();
    const send = world.registry.generateCertificate.bind(world.registry);
    let recordedWhenSent: unknown[] = [];
    world.registry.generateCertificate = async (signer, input) => {
      recordedWhenSent = [...(await world.pending.list())];
      return send(signer, input);
    };
    const result = await request(world);
    expect(recordedWhenSent).toEqual([expect.objectContaining({ reference: result.reference, lastStatus: 'sending', keystorePath: result.keystorePath, environment: 'acc' })]);
    expect(await world.pending.get(result.reference)).toMatchObject({ lastStatus: 'sent', automaticallyValidated: true });
  });

  it('sends nothing when the record cannot be written before sending', async () => {
    const world = fakeWorld();
    world.pending.record = () => Promise.reject(new EhealthCertError('KEYSTORE_WRITE_FAILED', 'disk full (injected)'));
    const error = await rejection(request(world));
    expect(error.code).toBe('KEYSTORE_WRITE_FAILED');
    expect(world.registry.operations()).toEqual(['GetGenericOrganizationTypes', 'GenerateContract']);
    expect(world.vault.files.has(error.details.keystorePath as string)).toBe(true);
  });

  it('records a refused request as refused', async () => {
    const world = fakeWorld();
    world.registry.failures.failNext('GenerateCertificate', new EhealthCertError('EHEALTH_REJECTED', 'duplicate DN (injected)', { ehealthCode: 'DUPLICATE_DN' }));
    const error = await rejection(request(world));
    expect(error.code).toBe('EHEALTH_REJECTED');
    expect(await world.pending.get(error.details.reference as string)).toMatchObject({ lastStatus: 'refused' });
  });

  describe('a second request for the same certificate', () => {
    it('stops, naming the unfinished request and offering complete, status and --new-key, before any key or eHealth call', async () => {
      const world = fakeWorld();
      const first = await request(world);
      const callsBefore = world.registry.calls.length;
      const error = await rejection(request(world));
      expect(error.code).toBe('REQUEST_UNFINISHED');
      expect(error.details).toMatchObject({ reference: first.reference, keystorePath: first.keystorePath, state: 'sent', environment: 'acc' });
      expect(error.message).toContain(`ehealth-cert complete --env acc --keystore "${first.keystorePath}"`);
      expect(error.message).toContain(`ehealth-cert status --env acc --keystore "${first.keystorePath}"`);
      expect(world.registry.calls.length).toBe(callsBefore);
      expect(world.vault.files.size).toBe(1);
    });

    it('goes on with newKey (a new key, a second request to eHealth)', async () => {
      const world = fakeWorld();
      const first = await request(world);
      // eHealth judges the second request itself (here: the first one is already active).
      const error = await rejection(request(world, { newKey: true }));
      expect(error.code).toBe('EHEALTH_REJECTED');
      expect(error.details.reference).not.toBe(first.reference);
      expect(world.registry.operations().filter((op) => op === 'GenerateCertificate')).toHaveLength(2);
      expect(world.vault.files.size).toBe(2);
    });

    it('is refused for a request left `sending` by a crash, and for a pending keystore that no record knows', async () => {
      const world = fakeWorld();
      const first = await request(world);
      await world.pending.update(first.reference, { lastStatus: 'sending' });
      expect((await rejection(request(world))).details).toMatchObject({ state: 'sending', reference: first.reference });
      world.pending.requests.clear();
      expect((await rejection(request(world))).details).toMatchObject({ state: 'unrecorded', reference: first.reference, keystorePath: first.keystorePath });
    });

    it('is allowed after a refusal, after a request that never left, in another environment or for another certificate', async () => {
      const world = fakeWorld();
      const sent = () => world.registry.operations().filter((op) => op === 'GenerateCertificate').length;
      const manual = { kind: 'manual', identifierType: 'CBE', identifierValue: '0809394427', officialName: 'Société X' } as const;
      const first = await request(world, { organisation: manual });
      await world.pending.update(first.reference, { lastStatus: 'refused' });
      await request(world, { organisation: manual }).catch(() => undefined);
      expect(sent()).toBe(2);
      const second = [...world.pending.requests.values()].at(-1)!;
      await world.pending.update(second.reference, { lastStatus: 'unsent' });
      await request(world, { organisation: manual }).catch(() => undefined);
      expect(sent()).toBe(3);
      await request(world, { organisation: manual, environment: 'sim' }).catch(() => undefined);
      expect(sent()).toBe(4);
      await request(world, { organisation: { kind: 'personal' } });
      expect(sent()).toBe(5);
    });
  });

  it('saves the keystore with the CSR\'s key before GenerateCertificate is sent', async () => {
    const world = fakeWorld();
    const send = world.registry.generateCertificate.bind(world.registry);
    let savedWhenSent: string[] = [];
    world.registry.generateCertificate = (signer, input) => {
      savedWhenSent = world.vault.paths();
      return send(signer, input);
    };
    const result = await request(world);
    expect(savedWhenSent).toEqual([result.keystorePath]);
    const activities = world.progress.activities();
    expect(activities.indexOf('keystore.save')).toBeLessThan(activities.indexOf('ehealth.GenerateCertificate'));
  });

  it('does not retry a wrong PIN and keeps the keystore', async () => {
    const world = fakeWorld();
    const pin = new ScriptedPinEntry('0000', '1234');
    const error = await rejection(request(world, { pinEntry: pin }));
    expect(error.code).toBe('PIN_INCORRECT');
    expect(error.details.triesLeft).toBe(2);
    expect(pin.asked).toHaveLength(1);
    expect(world.registry.operations()).toEqual(['GetGenericOrganizationTypes', 'GenerateContract']);
    expect(world.vault.files.has(error.details.keystorePath as string)).toBe(true);
  });

  it('keeps the keystore when the card is removed while signing', async () => {
    const world = fakeWorld();
    world.card.removeDuringNextSignature();
    const error = await rejection(request(world));
    expect(error.code).toBe('CARD_REMOVED');
    expect(world.vault.files.has(error.details.keystorePath as string)).toBe(true);
  });

  it('fails with CARD_ABSENT before eHealth is called when no card is inserted', async () => {
    const world = fakeWorld();
    world.card.inserted = false;
    const error = await rejection(request(world));
    expect(error.code).toBe('CARD_ABSENT');
    expect(world.registry.calls).toEqual([]);
  });

  it('uses the PIN pad when the reader has one', async () => {
    const world = fakeWorld();
    const { FakeEidCard } = await import('../testing/index.js');
    const card = new FakeEidCard({ pinpad: true });
    const pin = new ScriptedPinEntry();
    await new RequestCertificate({ ...world, card }).execute({
      organisation: { kind: 'personal' },
      contactData: world.contactData,
      password: A_STRONG_PASSWORD,
      baseServiceUsages: [],
      environment: 'acc',
      pinEntry: pin,
      review: world.review,
    });
    expect(pin.asked).toEqual([]);
    expect(pin.pinpadNotices).toHaveLength(1);
  });

  it('still names the keystore when the pending record cannot be written after sending', async () => {
    const world = fakeWorld();
    world.pending.record = () => Promise.reject(new EhealthCertError('KEYSTORE_WRITE_FAILED', 'disk full (injected)'));
    const error = await rejection(request(world));
    expect(error.code).toBe('KEYSTORE_WRITE_FAILED');
    expect(world.vault.files.has(error.details.keystorePath as string)).toBe(true);
    expect(error.details.reference).toMatch(/^[0-9a-f]{40}$/);
  });
});
