import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { provisionFakeEid, type FakeEid, type InProcessSimulator } from '@ehealth-cert/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../runCli.js';
import { captureIo } from '../test-support/captureIo.js';
import { SIM_CONTACT, startSimCli, stopSimCli } from '../test-support/simCli.js';

// Every command in-process: the real SOAP client, keystore and PKCS#11 adapter, against the msw
// simulator and a SoftHSM fake eID (ARCHITECTURE.md "The fakes sit at the boundary").
let dir: string;
let card: FakeEid;
let simulator: InProcessSimulator;
let env: Record<string, string>;
const PASSWORD = 'paarden-staan-op-stal-42';
const CONTACT = SIM_CONTACT;

async function cli(argv: readonly string[], extraEnv: Record<string, string | undefined> = {}) {
  const run = captureIo({ ...env, ...extraEnv });
  const code = await runCli(argv, run.io, { adapters: { simulator } });
  const stdout = run.stdout();
  return { code, stdout, stderr: run.stderr(), json: () => JSON.parse(stdout) as Record<string, unknown> };
}

beforeAll(async () => {
  ({ dir, card, env, simulator } = await startSimCli('ehealth-cert-cli-', { lang: 'fr_BE.UTF-8', password: PASSWORD }));
});

afterAll(() => stopSimCli({ dir, simulator }));

describe('ehealth-cert against the simulator and a fake eID', () => {
  it('shows the card holder without asking the PIN', async () => {
    const run = await cli(['card', '--json'], { EHEALTH_CERT_PIN: undefined });
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ holder: { ssin: card.holder.ssin }, generation: 'rsa2048', pin: { state: 'ok' } });
  });

  it('lists the organisations the holder manages (step 7)', async () => {
    const run = await cli(['orgs', '--json']);
    expect(run.code).toBe(0);
    const orgs = run.json()['organisations'] as { identifier: { type: string; value: string } }[];
    expect(orgs.map((o) => `${o.identifier.type}=${o.identifier.value}`)).toEqual(['NIHII-AMBU_SERVICE=81234530', 'NIHII-AMBU_SERVICE=71901249']);
  });

  it('runs the automatic path: request, pending (exit 3), issued, completed, inspected, status, password change, revoked', async () => {
    const request = await cli(['request', '--org', 'auto', '--org-index', '1', '--accept-terms', ...CONTACT]);
    expect(request.code, request.stderr).toBe(0);
    for (const step of ['Étape 4', 'Étape 5', 'Étape 7', 'Étape 8A', 'Étape 9A', 'Étape 10', 'Étape 11', 'Étape 12', 'Étape 13', 'Étape 14', 'Étape 15']) {
      expect(request.stdout).toContain(step);
    }
    expect(request.stdout).toContain('Contrat d\'utilisation');
    const reference = /clé secrète \(référence de la demande\) : ([0-9a-f]{40})/.exec(request.stdout)?.[1];
    expect(reference).toBeDefined();

    const pending = await cli(['complete', '--json']);
    expect(pending.code).toBe(3);
    expect(pending.json()).toMatchObject({ status: 'pending', reference });
    expect(pending.stderr).toContain('Pas encore : eHealth n\'a pas encore fabriqué le certificat');
    // eHealth gives no delivery date: the request's own facts and the manual's usual delay, labelled as such.
    expect(pending.stderr).toMatch(/Demande envoyée le \d{1,2} \p{L}+ \d{4}\./u);
    expect(pending.stderr).toContain('Délai habituel (mode d\'emploi officiel)\u00a0: cela peut durer quelques jours');
    expect(pending.stderr).toContain('Ce n\'est pas une promesse');
    expect(pending.json()).toMatchObject({ requestedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), automaticallyValidated: true, usualDelay: expect.stringContaining('quelques jours') });
    expect(pending.json()).not.toHaveProperty('expectedDelivery');

    await simulator.advance(simulator.issuanceDelayMs + 60_000);
    const complete = await cli(['complete', '--json']);
    expect(complete.code, complete.stderr).toBe(0);
    const done = complete.json() as { keystorePath: string; etkSerial: string };
    expect(existsSync(done.keystorePath)).toBe(true);

    const inspect = await cli(['inspect', done.keystorePath, '--json']);
    expect(inspect.code).toBe(0);
    expect(inspect.json()).toMatchObject({ etkSerials: [done.etkSerial], authentication: { state: 'issued', reference, daysToExpiry: expect.any(Number) } });

    const status = await cli(['status', '--keystore', done.keystorePath, '--json']);
    expect(status.code, status.stderr).toBe(0);
    expect(status.json()).toMatchObject({ source: 'keystore', certificate: { info: { status: 'VALID_ACTIVE', etkStatus: 'VALID_ACTIVE' } } });
    // On screen the statuses are words; eHealth's protocol values only under --verbose.
    const words = await cli(['status', '--keystore', done.keystorePath]);
    expect(words.stdout).toMatch(/Statut\s+valable/);
    expect(words.stdout).toMatch(/Statut de l'ETK\s+actif/);
    expect(words.stdout).not.toContain('VALID_ACTIVE');
    expect((await cli(['status', '--keystore', done.keystorePath, '--verbose'])).stdout).toContain('valable (VALID_ACTIVE)');

    // Renewal is refused by the rules outside the last three months: exit 5.
    const renew = await cli(['renew', '--keystore', done.keystorePath, '--accept-terms', ...CONTACT]);
    expect(renew.code).toBe(5);
    expect(renew.stderr).toContain('Renouvellement impossible maintenant');
    // The window is checked before anything else is asked: without contact data and without a PIN
    // the refusal is the same (not a missing e-mail, not a PIN prompt), and it says when renewal opens.
    const early = await cli(['renew', '--keystore', done.keystorePath], { EHEALTH_CERT_PIN: undefined });
    expect(early.code, early.stderr).toBe(5);
    expect(early.stderr).toContain('Renouvellement impossible maintenant');
    expect(early.stderr).toMatch(/renouvellement possible à partir du \S+/);
    expect(early.stderr).not.toMatch(/PIN|e-mail/i);

    const newPasswordFile = join(dir, 'new-password');
    await writeFile(newPasswordFile, 'un-tout-nouveau-mot-de-passe\n');
    const passwd = await cli(['passwd', done.keystorePath, '--new-password-file', newPasswordFile, '--json']);
    expect(passwd.code, passwd.stderr).toBe(0);
    const changed = passwd.json() as { keystorePath: string; previousKeystorePath: string };
    // The old file is kept in superseded/, never deleted (docs/decisions/0002, 0016).
    expect(await readdir(join(dir, 'keystore', 'superseded'))).toContain(basename(done.keystorePath));
    expect(changed.previousKeystorePath).toBe(join(dir, 'keystore', 'superseded', basename(done.keystorePath)));
    const reopened = await cli(['inspect', changed.keystorePath, '--password-file', newPasswordFile, '--json']);
    expect(reopened.code).toBe(0);

    const revoke = await cli(['revoke', '--reason', 'superseded', '--reference', reference!, '--accept-terms', '--json']);
    expect(revoke.code, revoke.stderr).toBe(0);
    expect(revoke.json()).toMatchObject({ status: 'revoked', reference });
  });

  it('runs the manual path (8M-9M): sent, then waiting for the manual validation of eHealth', async () => {
    const run = await cli(['request', '--org', 'NIHII-AMBU_SERVICE=61111186', '--org-name', 'Ambulancedienst Kempen (TEST)', '--accept-terms', ...CONTACT, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const result = run.json() as { automaticallyValidated: boolean; keystorePath: string; secretKeyFile: string; steps: string[] };
    expect(result.automaticallyValidated).toBe(false);
    // No --base-service: those eHealth provides for the type (the simulator's GetGenericOrganizationTypes).
    expect(run.json()).toMatchObject({ baseServiceUsages: ['tsa', 'consultrn', 'codage', 'other'] });
    expect(result.steps).toEqual(expect.arrayContaining(['8M', '9M', '15']));
    expect(await readFile(result.secretKeyFile, 'utf8')).toContain('Étape 16');
    await simulator.advance(simulator.issuanceDelayMs + 60_000);
    const complete = await cli(['complete', '--keystore', result.keystorePath]);
    expect(complete.code).toBe(3);
  });

  it('requests a personal certificate for the card holder', async () => {
    const run = await cli(['request', '--org', 'personal', '--accept-terms', ...CONTACT, '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.json()).toMatchObject({ certificateName: `SSIN=${card.holder.ssin}`, organisation: { kind: 'personal' }, baseServiceUsages: [] });
  });

  it('sends the base services given, or none with --base-service none, instead of the type\'s default', async () => {
    const some = await cli(['request', '--org', 'NIHII-AMBU_SERVICE=61111186', '--org-name', 'Ambulancedienst Kempen (TEST)', '--app-id', 'TSA', '--base-service', 'tsa', '--accept-terms', ...CONTACT, '--json']);
    expect(some.code, some.stderr).toBe(0);
    expect(some.json()).toMatchObject({ baseServiceUsages: ['tsa'] });
    const none = await cli(['request', '--org', 'NIHII-AMBU_SERVICE=61111186', '--org-name', 'Ambulancedienst Kempen (TEST)', '--app-id', 'NONE', '--base-service', 'none', '--accept-terms', ...CONTACT, '--json']);
    expect(none.code, none.stderr).toBe(0);
    expect(none.json()).toMatchObject({ baseServiceUsages: [] });
  });

  it('fails with exit 2 on bad input, naming the flag or the rule', async () => {
    const terms = await cli(['request', '--org', 'auto', ...CONTACT]);
    expect(terms.code).toBe(2);
    expect(terms.stderr).toContain('--accept-terms');
    const generic = await cli(['request', '--org', 'auto', '--accept-terms', '--email-private', 'a@example.org', '--phone-private', '025550123']);
    expect(generic.code).toBe(2);
    expect(generic.stderr).toContain('--email-general');
    const weak = await cli(['request', '--org', 'auto', '--org-index', '1', '--accept-terms', ...CONTACT], { EHEALTH_CERT_KEYSTORE_PASSWORD: 'short' });
    expect(weak.code).toBe(2);
    expect(weak.stderr).toContain('Mot de passe du keystore trop faible');
    const badOrg = await cli(['request', '--org', 'NIHII-AMBU_SERVICE=61111187', '--org-name', 'X', '--accept-terms', ...CONTACT]);
    expect(badOrg.code).toBe(2);
    const index = await cli(['request', '--org', 'auto', '--org-index', '9', '--accept-terms', ...CONTACT]);
    expect(index.code).toBe(2);
    expect(index.stderr).toContain('--org-index');
    const noPassword = await cli(['inspect', join(dir, 'nothing.p12')], { EHEALTH_CERT_KEYSTORE_PASSWORD: undefined });
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr).toContain('EHEALTH_CERT_KEYSTORE_PASSWORD');
  });

  it('fails with exit 4 on a wrong PIN (never retried) and without a card', async () => {
    const wrong = await cli(['orgs'], { EHEALTH_CERT_PIN: '9999' });
    expect(wrong.code).toBe(4);
    expect(wrong.stderr).toContain('Code PIN erroné');
    const noPin = await cli(['orgs'], { EHEALTH_CERT_PIN: undefined });
    expect(noPin.code).toBe(4);
    expect(noPin.stderr).toContain('EHEALTH_CERT_PIN');
    const empty = await mkdtemp(join(dir, 'no-card-'));
    await writeFile(join(empty, 'softhsm2.conf'), `directories.tokendir = ${empty}\nobjectstore.backend = file\n`);
    const absent = await cli(['card'], { SOFTHSM2_CONF: join(empty, 'softhsm2.conf') });
    expect(absent.code).toBe(4);
    expect(absent.stderr).toContain('Aucune carte eID trouvée');
  });

  it('blocks a fake card after three wrong PINs (exit 4, PUK at the municipality), as an eID does', async () => {
    const other = await provisionFakeEid({ dir: join(dir, 'card-to-block'), ssin: '79031504521', givenNames: 'Bruno', surname: 'Dupont-Lefèvre' });
    const onOther = { SOFTHSM2_CONF: other.softhsmConf, EHEALTH_CERT_PIN: '0000' };
    const codes = [];
    for (let i = 0; i < 3; i += 1) codes.push((await cli(['orgs'], onOther)).code);
    expect(codes).toEqual([4, 4, 4]);
    const blocked = await cli(['orgs'], { ...onOther, EHEALTH_CERT_PIN: other.pin });
    expect(blocked.code).toBe(4);
    expect(blocked.stderr).toContain('La carte est bloquée');
    expect(blocked.stderr).toContain('PUK');
    const shown = await cli(['card', '--json'], onOther);
    expect(shown.code).toBe(4);
    expect(shown.json()).toMatchObject({ pin: { state: 'blocked' } });
  });

  it('lists the cards and asks for --card when several are inserted', async () => {
    const readers = join(dir, 'two-readers');
    const first = await provisionFakeEid({ dir: readers });
    const second = await provisionFakeEid({ dir: readers, ssin: '79031504521', givenNames: 'Bruno', surname: 'Dupont-Lefèvre' });
    const ambiguous = await cli(['card'], { SOFTHSM2_CONF: first.softhsmConf });
    expect(ambiguous.code).toBe(4);
    expect(ambiguous.stdout).toContain(`--card ${second.tokenSerial}  Bruno Dupont-Lefèvre`);
    const chosen = await cli(['card', '--card', second.tokenSerial, '--json'], { SOFTHSM2_CONF: first.softhsmConf });
    expect(chosen.code, chosen.stderr).toBe(0);
    expect(chosen.json()).toMatchObject({ holder: { ssin: '79031504521' } });
  });

  it('fails with exit 6 when eHealth cannot be reached', async () => {
    const run = captureIo({ ...env, EHEALTH_CERT_ENDPOINT_BASE: 'http://127.0.0.1:9' });
    expect(await runCli(['orgs'], run.io)).toBe(6);
    expect(run.stderr()).toContain('eHealth est injoignable');
  });

  it('fails with exit 1 when the keystore cannot be written', async () => {
    const file = join(dir, 'not-a-folder');
    await writeFile(file, 'x');
    const run = await cli(['request', '--org', 'auto', '--org-index', '2', '--accept-terms', ...CONTACT], { EHEALTH_CERT_KEYSTORE_DIR: file });
    expect(run.code, run.stderr).toBe(1);
  });
});
