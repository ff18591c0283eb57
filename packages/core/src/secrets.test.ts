import { describe, expect, it } from 'vitest';
import {
  FakeEidCard,
  ScriptedPinEntry,
  anAmbulanceService,
  fakeWorld,
  submitRequest,
  timeoutError,
  type FakeWorld,
} from './testing/index.js';
import { EhealthCertError } from './errors/EhealthCertError.js';
import { CompleteCertificate } from './certificate-completion/CompleteCertificate.js';
import { ListManageableOrganisations } from './certificate-request/ListManageableOrganisations.js';
import { ChangeKeystorePassword } from './certificate-management/ChangeKeystorePassword.js';
import { InspectKeystore } from './certificate-management/InspectKeystore.js';
import { RenewCertificate } from './certificate-management/RenewCertificate.js';
import { RevokeCertificate } from './certificate-management/RevokeCertificate.js';
import { ShowCertificateStatus } from './certificate-management/ShowCertificateStatus.js';

// ARCHITECTURE.md "Data that must never be lost or leaked": the PIN and the keystore passwords
// never reach an error (message, details, cause), a progress event, a result, the pending record,
// the step-15 file, what the person is shown, or eHealth. Every use case that takes one runs here,
// on its normal path and on its failure paths, with secrets that appear nowhere else.
const PIN = '73918264';
const WRONG_PIN = '46281937';
const PASSWORD = 'quokka saffron lantern fjord 93';
const WRONG_PASSWORD = 'otter basil ember glacier 17';
const NEW_PASSWORD = 'heron cobalt thistle dune 58';
const WEAK_PASSWORD = 'Zq9!short';
const SECRETS = [PIN, WRONG_PIN, PASSWORD, WRONG_PASSWORD, NEW_PASSWORD, WEAK_PASSWORD];

/** Everything an error carries, down its cause chain. */
function errorText(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error, depth = 0; e !== undefined && depth < 10; depth += 1) {
    if (e instanceof EhealthCertError) parts.push(e.message, JSON.stringify(e.details));
    else parts.push(e instanceof Error ? e.message : String(e));
    e = e instanceof Error ? e.cause : undefined;
  }
  return parts.join('\n');
}

/** What the use cases left where a person, a log or eHealth could see it. */
async function visibleOutput(world: FakeWorld, results: readonly unknown[], errors: readonly unknown[]): Promise<string> {
  return [
    JSON.stringify(world.progress.events),
    JSON.stringify(results),
    ...errors.map(errorText),
    JSON.stringify(await world.pending.list()),
    ...world.vault.companionFiles.values(),
    JSON.stringify(world.review.shown),
    JSON.stringify(world.registry.calls),
    JSON.stringify([...world.registry.requests.values()]),
    // Keystore contents (the vault keeps the password apart, as a real file keeps it in no entry).
    JSON.stringify([...world.vault.files.values()].map((f) => ({ path: f.path, content: f.content }))),
  ].join('\n');
}

function worldWithSecrets(): FakeWorld {
  const world = fakeWorld();
  world.card = new FakeEidCard({ holder: world.card.holder, pin: PIN });
  world.password = PASSWORD;
  return world;
}

const pin = (...answers: string[]) => new ScriptedPinEntry(...answers);
const settled = async (promise: Promise<unknown>, results: unknown[], errors: unknown[]) => {
  await promise.then(
    (r) => results.push(r),
    (e: unknown) => errors.push(e),
  );
};

describe('secrets', () => {
  it('never leave a use case: request, completion, status, password change, renewal, revocation, with their failures', async () => {
    const world = worldWithSecrets();
    const results: unknown[] = [];
    const errors: unknown[] = [];

    // Request side: a wrong PIN, a weak password, a GenerateCertificate timeout, then a request that goes through.
    await settled(new ListManageableOrganisations(world).execute({ pinEntry: pin(WRONG_PIN) }), results, errors);
    await settled(new ListManageableOrganisations(world).execute({ pinEntry: pin(PIN) }), results, errors);
    await settled(submitRequest(world, { password: WEAK_PASSWORD, pinEntry: pin(PIN) }), results, errors);
    world.registry.failures.failNext('GenerateCertificate', timeoutError('GenerateCertificate'), 'before');
    await settled(submitRequest(world, { pinEntry: pin(PIN) }), results, errors);
    await settled(submitRequest(world, { pinEntry: pin(WRONG_PIN) }), results, errors);
    const request = await submitRequest(world, { pinEntry: pin(PIN) });
    results.push(request);

    // Completion side: a wrong password, a failure half-way, then the completion.
    const complete = (password: string) => new CompleteCertificate(world).execute({ keystorePath: request.keystorePath, password });
    await settled(complete(WRONG_PASSWORD), results, errors);
    world.etkRegistry.failures.failNext('StartETKRegistration', new EhealthCertError('EHEALTH_UNAVAILABLE', 'down (injected)'));
    await settled(complete(PASSWORD), results, errors);
    const completed = await complete(PASSWORD);
    results.push(completed);
    if (completed.status !== 'completed') throw new Error('not completed');

    // Beyond the manual.
    await settled(new InspectKeystore(world).execute({ keystorePath: completed.keystorePath, password: WRONG_PASSWORD }), results, errors);
    await settled(new InspectKeystore(world).execute({ keystorePath: completed.keystorePath, password: PASSWORD }), results, errors);
    await settled(new ShowCertificateStatus(world).execute({ source: 'card', pinEntry: pin(WRONG_PIN) }), results, errors);
    await settled(new ShowCertificateStatus(world).execute({ source: 'card', pinEntry: pin(PIN) }), results, errors);
    await settled(new ShowCertificateStatus(world).execute({ source: 'keystore', keystorePath: completed.keystorePath, password: PASSWORD }), results, errors);
    const change = (oldPassword: string, newPassword: string) =>
      new ChangeKeystorePassword(world).execute({ keystorePath: completed.keystorePath, oldPassword, newPassword });
    await settled(change(WRONG_PASSWORD, NEW_PASSWORD), results, errors);
    await settled(change(PASSWORD, WEAK_PASSWORD), results, errors);
    await settled(change(PASSWORD, PASSWORD), results, errors);
    await settled(change(PASSWORD, NEW_PASSWORD), results, errors);
    // The old file is now in superseded/, still under PASSWORD: the renewals below use it.
    const { previousKeystorePath } = results.at(-1) as { previousKeystorePath: string };
    const renew = (password: string, pinEntry: ScriptedPinEntry) =>
      new RenewCertificate(world).execute({
        keystorePath: previousKeystorePath,
        password,
        contactData: world.contactData,
        baseServiceUsages: ['consultrn'],
        environment: 'acc',
        pinEntry,
        review: world.review,
      });
    await settled(renew(PASSWORD, pin(PIN)), results, errors); // too early
    world.clock.set('2029-01-15T10:00:00Z');
    await settled(renew(WRONG_PASSWORD, pin(PIN)), results, errors);
    await settled(renew(PASSWORD, pin(WRONG_PIN)), results, errors);
    await settled(renew(PASSWORD, pin(PIN)), results, errors);
    const revoke = (pinEntry: ScriptedPinEntry) =>
      new RevokeCertificate(world).execute({ publicKeyIdentifier: completed.reference, reason: 'superseded', pinEntry, review: world.review });
    await settled(revoke(pin(WRONG_PIN)), results, errors);
    await settled(revoke(pin(PIN)), results, errors);

    // The runs above did what they should, so that the check below looked at real output.
    expect(errors.map((e) => (EhealthCertError.is(e) ? e.code : String(e)))).toEqual([
      'PIN_INCORRECT',
      'WEAK_PASSWORD',
      'EHEALTH_UNAVAILABLE',
      'PIN_INCORRECT',
      'KEYSTORE_PASSWORD_WRONG',
      'EHEALTH_UNAVAILABLE',
      'KEYSTORE_PASSWORD_WRONG',
      'PIN_INCORRECT',
      'KEYSTORE_PASSWORD_WRONG',
      'WEAK_PASSWORD',
      'INVALID_INPUT',
      'RENEWAL_NOT_ALLOWED',
      'KEYSTORE_PASSWORD_WRONG',
      'PIN_INCORRECT',
      'PIN_INCORRECT',
    ]);
    expect(results).toHaveLength(9);
    expect(world.progress.events.length).toBeGreaterThan(50);
    expect(await world.etkRegistry.getPublishedEtks(anAmbulanceService().identifier)).toEqual([]);

    const output = await visibleOutput(world, results, errors);
    for (const secret of SECRETS) expect(output, `a secret (${secret.length} characters) leaked`).not.toContain(secret);
  });
});
