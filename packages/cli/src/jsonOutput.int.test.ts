import { execFileSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { InProcessSimulator } from '@ehealth-cert/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliCommandNames, runCli } from './runCli.js';
import { captureIo } from './test-support/captureIo.js';
import { SIM_CONTACT, startSimCli, stopSimCli } from './test-support/simCli.js';
import { hasCommandDefinition, validateCliOutput } from './test-support/validateCliOutput.js';

let dir: string;
let simulator: InProcessSimulator;
let env: Record<string, string>;
const PASSWORD = 'paarden-staan-op-stal-42';
const CONTACT = SIM_CONTACT;
/** Which commands produced a document checked against the schema, and which produced an error. */
const seen = { ok: new Set<string>(), error: new Set<string>() };

/** Names of the developers' documents and issues: never in a message for a person. */
const INTERNAL_DOCUMENTS = /\.md\b|DOMAIN|ARCHITECTURE|TOOLCHAIN|\bissue \d/;
/** Words of the other languages that a message in this language must not hold (whole words, common ones). */
const ENGLISH = /\b(the|is|was|not|with|and|of|for|must|cannot|should)\b/;
const FRENCH = /\b(le|la|les|est|pas|doit|avec|une|vous)\b/;
const NOT_IN: Readonly<Record<string, readonly RegExp[]>> = {
  fr: [ENGLISH],
  // "is", "was" and "of" (or) are Dutch words too.
  nl: [/\b(the|not|with|and|for|must|cannot|should)\b/, FRENCH],
  en: [FRENCH],
};

/** Runs `ehealth-cert <argv> --json` and checks stdout against the schema of that command. */
async function json(argv: readonly string[], extraEnv: Record<string, string | undefined> = {}) {
  const run = captureIo({ ...env, ...extraEnv });
  const code = await runCli([...argv, '--json'], run.io, { adapters: { simulator } });
  const stdout = run.stdout();
  const command = argv[0] ?? '';
  const document = JSON.parse(stdout) as Record<string, unknown>;
  if (process.env['DUMP_CLI_JSON']) await writeFile(join(process.env['DUMP_CLI_JSON'], `${command}-${code}-${seen.ok.size + seen.error.size}.json`), stdout);
  const errors = validateCliOutput(command, document);
  expect(errors, `${argv.join(' ')} → ${stdout}`).toEqual([]);
  (document['ok'] === false ? seen.error : seen.ok).add(command);
  // Messages are for a person: in the chosen language (French unless --lang says otherwise),
  // without internal documents. eHealth's own words (details.ehealthMessage) are quoted as it wrote them.
  const error = document['error'] as { message?: string; details?: { ehealthMessage?: string } } | undefined;
  const quoted = error?.details?.ehealthMessage ?? '\u0000';
  const language = argv[argv.indexOf('--lang') + 1] ?? 'fr';
  for (const message of [document['message'], error?.message].filter((m): m is string => typeof m === 'string').map((m) => m.replace(quoted, ''))) {
    expect(message, argv.join(' ')).not.toMatch(INTERNAL_DOCUMENTS);
    for (const foreign of NOT_IN[argv.includes('--lang') ? language : 'fr'] ?? []) expect(message, argv.join(' ')).not.toMatch(foreign);
    // A rule the texts do not translate would be shown by its identifier ("règle : hex40").
    expect(message, argv.join(' ')).not.toMatch(/\b(règle|regel) ?: [\w-]+/);
  }
  return { code, document, stderr: run.stderr() };
}

beforeAll(async () => {
  ({ dir, env, simulator } = await startSimCli('ehealth-cert-json-', { lang: 'fr_BE.UTF-8', password: PASSWORD }));
});

afterAll(() => stopSimCli({ dir, simulator }));

describe('every --json document matches the JSON Schema (schema/ehealth-cert-output.schema.json)', () => {
  it('for the whole life cycle: card, orgs, check-id, request, complete, inspect, status, renew, passwd, activate-etk, revoke', async () => {
    expect((await json(['card'])).code).toBe(0);
    expect((await json(['orgs'])).code).toBe(0);
    expect((await json(['check-id', 'NIHII-AMBU_SERVICE=81234530'])).code).toBe(0);
    expect((await json(['check-id', 'SSIN=12345678901'])).code).toBe(2);

    const request = await json(['request', '--org', 'auto', '--org-index', '1', '--accept-terms', ...CONTACT]);
    expect(request.code, request.stderr).toBe(0);
    const reference = request.document['reference'] as string;
    expect((await json(['complete'])).code).toBe(3);
    await simulator.advance(simulator.issuanceDelayMs + 60_000);
    const complete = await json(['complete']);
    expect(complete.code, complete.stderr).toBe(0);
    const keystore = complete.document['keystorePath'] as string;
    // Renewal opens three calendar months before expiry (DOMAIN.md 4.3).
    const notAfter = new Date(complete.document['notAfter'] as string);
    const opens = new Date(complete.document['renewalWindowStart'] as string);
    expect(notAfter.getUTCMonth() - opens.getUTCMonth() + 12 * (notAfter.getUTCFullYear() - opens.getUTCFullYear())).toBe(3);

    expect((await json(['inspect', keystore])).code).toBe(0);
    expect((await json(['keystores'])).code).toBe(0);
    expect((await json(['keystores', '--all'])).code).toBe(0);

    // Export: PEM chain, and a separate .p12 under its own password that OpenSSL opens.
    const pem = await json(['export', '--keystore', keystore]);
    expect(pem.code, pem.stderr).toBe(0);
    expect(pem.document['p12File']).toBeUndefined();
    const chain = await readFile(pem.document['pemFile'] as string, 'utf8');
    expect(chain.match(/-----BEGIN CERTIFICATE-----/g)?.length).toBe(pem.document['chainLength']);
    expect(execFileSync('openssl', ['x509', '-noout', '-subject'], { input: chain, encoding: 'utf8' })).toContain('81234530');
    const p12 = await json(['export', '--keystore', keystore, '--p12'], { EHEALTH_CERT_EXPORT_PASSWORD: 'un autre mot de passe pour exporter 9' });
    expect(p12.code, p12.stderr).toBe(0);
    const opened = execFileSync('openssl', ['pkcs12', '-in', p12.document['p12File'] as string, '-passin', 'env:P', '-nodes'], {
      env: { ...process.env, P: 'un autre mot de passe pour exporter 9' },
      encoding: 'utf8',
    });
    expect(opened).toContain('PRIVATE KEY');
    expect(opened.match(/BEGIN CERTIFICATE/g)?.length).toBe(pem.document['chainLength']);

    // Expiry monitoring over the keystore folder: nothing to renew within 90 days yet.
    const monitored = await json(['status', '--expiring-within', '90d']);
    expect(monitored.code, monitored.stderr).toBe(0);
    expect(monitored.document).toMatchObject({ source: 'folder', withinDays: 90, needingRenewal: 0 });
    expect((await json(['status', '--keystore', keystore])).code).toBe(0);
    expect((await json(['status'])).code).toBe(0);
    expect((await json(['renew', '--keystore', keystore, '--accept-terms', ...CONTACT])).code).toBe(5);
    expect((await json(['activate-etk', '--keystore', keystore])).code).not.toBe(0);

    const newPasswordFile = join(dir, 'new-password');
    await writeFile(newPasswordFile, 'un-tout-nouveau-mot-de-passe\n');
    const passwd = await json(['passwd', keystore, '--new-password-file', newPasswordFile]);
    expect(passwd.code, passwd.stderr).toBe(0);
    const changed = passwd.document['keystorePath'] as string;

    // In the replacement period (the last 3 months), renewal is a new request.
    await simulator.advance(34 * 30 * 24 * 3600 * 1000);
    const due = await json(['status', '--expiring-within', '90d'], { EHEALTH_CERT_KEYSTORE_PASSWORD: 'un-tout-nouveau-mot-de-passe' });
    expect(due.code).toBe(7);
    expect(due.document['certificates']).toEqual(expect.arrayContaining([expect.objectContaining({ keystorePath: changed, state: 'expiring', renewalState: 'open' })]));
    const renewedPassword = { EHEALTH_CERT_KEYSTORE_PASSWORD: 'un-tout-nouveau-mot-de-passe' };
    const renew = await json(['renew', '--keystore', changed, '--accept-terms', ...CONTACT], renewedPassword);
    expect(renew.code, renew.stderr).toBe(0);
    // The renewed certificate's new ETK waits for its activation (DOMAIN.md 4.3).
    await simulator.advance(simulator.issuanceDelayMs + 60_000);
    const renewed = await json(['complete', '--keystore', renew.document['keystorePath'] as string], renewedPassword);
    expect(renewed.code, renewed.stderr).toBe(0);
    expect(renewed.document['toBeActivated']).toBe(true);
    const activated = await json(['activate-etk', '--keystore', renewed.document['keystorePath'] as string], renewedPassword);
    expect(activated.code, activated.stderr).toBe(0);

    const revoke = await json(['revoke', '--reason', 'superseded', '--reference', reference, '--accept-terms']);
    expect(revoke.code, revoke.stderr).toBe(0);
  });

  it('for errors of every kind: bad input, wrong PIN, unknown keystore, command-line errors', async () => {
    expect((await json(['request', '--org', 'auto', ...CONTACT])).code).toBe(2);
    expect((await json(['orgs'], { EHEALTH_CERT_PIN: '9999' })).code).toBe(4);
    expect((await json(['inspect', join(dir, 'nothing.p12')])).code).not.toBe(0);
    expect((await json(['passwd', join(dir, 'nothing.p12')])).code).not.toBe(0);
    expect((await json(['revoke', '--reason', 'nonsense', '--reference', 'abc'])).code).toBe(2);
    expect((await json(['ui', '--port', 'eighty'])).code).toBe(2);
    expect((await json(['request', '--keystore-format', 'aes'])).code).toBe(2);
    expect((await json(['keystores'], { EHEALTH_CERT_KEYSTORE_DIR: '' })).code).toBe(2);
    expect((await json(['demo', '--dir', join(dir, 'not', 'there', '\0')])).code).not.toBe(0);
    // Mistakes on the command line itself: an unknown option, an unknown command.
    expect((await json(['status', '--no-such-option'])).code).toBe(2);
    const unknown = await json(['stauts']);
    expect(unknown.code).toBe(2);
    expect(unknown.document['error']).toMatchObject({ code: 'INVALID_INPUT', details: { value: 'stauts', suggestion: 'status' } });
    expect((await json(['card'], { EHEALTH_CERT_PKCS11_MODULE: join(dir, 'no-such-module.so') })).code).not.toBe(0);
    const someKeystore = (await readdir(join(dir, 'keystore')).catch(() => [] as string[])).find((name) => name.endsWith('.sim-p12'));
    const keystore = join(dir, 'keystore', someKeystore ?? 'none.sim-p12');
    expect((await json(['export', '--keystore', keystore], { EHEALTH_CERT_KEYSTORE_PASSWORD: 'pas le bon mot de passe 1' })).code).not.toBe(0);
    expect((await json(['status', '--keystore', keystore], { EHEALTH_CERT_KEYSTORE_PASSWORD: 'pas le bon mot de passe 1' })).code).not.toBe(0);
    expect((await json(['status', '--expiring-within', 'trois mois'])).code).toBe(2);
  });

  it('for the manual path finished in --env sim: the support team approves one request and refuses another', async () => {
    const manual = ['request', '--org', 'NIHII-AMBU_SERVICE=61111186', '--org-name', 'Ambulancedienst Kempen (TEST)', '--accept-terms', ...CONTACT];
    const first = await json(manual);
    expect(first.code, first.stderr).toBe(0);
    expect(first.document['automaticallyValidated']).toBe(false);
    const approved = await json(['sim', 'approve', first.document['reference'] as string]);
    expect(approved.code, approved.stderr).toBe(0);
    expect(approved.document).toMatchObject({ decision: 'APPROVED' });
    await simulator.advance(simulator.issuanceDelayMs + 60_000);
    const completed = await json(['complete', '--keystore', first.document['keystorePath'] as string]);
    expect(completed.code, completed.stderr).toBe(0);
    expect(completed.document['status']).toBe('completed');

    // Another certificate of the same organisation (an application id): the first one is active now.
    const second = await json([...manual, '--app-id', 'LABO2']);
    expect(second.code, second.stderr).toBe(0);
    const refused = await json(['sim', 'refuse', second.document['reference'] as string, '--reason', 'nom officiel inconnu']);
    expect(refused.document).toMatchObject({ decision: 'REFUSED', reason: 'nom officiel inconnu' });
    const after = await json(['complete', '--keystore', second.document['keystorePath'] as string]);
    expect(after.code).toBe(5);
    expect((after.document['error'] as { code: string }).code).toBe('EHEALTH_REJECTED');

    const again = await json(['sim', 'approve', second.document['reference'] as string]);
    expect((again.document['error'] as { code: string }).code).toBe('REQUEST_NOT_FOUND');
    const notSim = await json(['sim', 'approve', second.document['reference'] as string, '--env', 'acc']);
    expect(notSim.code).toBe(2);
  });

  it('for ui: the document once the wizard is stopped (Ctrl-C)', async () => {
    // `ui` runs the built ehealth-cert-api (npm run build) as a child process, env sim.
    const abort = new AbortController();
    const run = captureIo({ ...env, PATH: process.env['PATH'] });
    const running = runCli(['ui', '--no-open', '--port', '0', '--json'], { ...run.io, signal: abort.signal });
    // Where to go is said on stderr (stdout holds only the final document).
    for (let waited = 0; !/"url"/.test(run.stderr()) && waited < 60_000; waited += 200) await new Promise((resolve) => setTimeout(resolve, 200));
    abort.abort();
    expect(await running, run.stderr()).toBe(0);
    const document = JSON.parse(run.stdout()) as Record<string, unknown>;
    expect(validateCliOutput('ui', document)).toEqual([]);
    expect(document).toMatchObject({ ok: true, stopped: true });
    seen.ok.add('ui');
  }, 120_000);

  it('says every error in the chosen language, Dutch (--lang nl) and English (--lang en) too, without internal document names', async () => {
    const someKeystore = join(dir, 'keystore', 'nothing.sim-p12');
    for (const lang of ['nl', 'en']) {
      const cases: (readonly string[])[] = [
        ['request', '--org', 'auto', ...CONTACT],
        ['check-id', 'SSIN=12345678901'],
        ['inspect', someKeystore],
        ['export', '--keystore', someKeystore],
        ['status', '--expiring-within', 'drie maanden'],
        ['sim', 'approve', 'abc'],
        ['sim', 'approve', 'a'.repeat(40)],
        ['revoke', '--reason', 'nonsense', '--reference', 'abc'],
        ['ui', '--port', 'eighty'],
      ];
      for (const argv of cases) {
        const run = await json([...argv, '--lang', lang]);
        expect(run.document['ok'], `${argv.join(' ')} --lang ${lang}`).toBe(false);
      }
    }
  });

  it('for the demo', async () => {
    // The demo starts its own in-process simulator on the same base URL: this test's one stops
    // first, so that only one answers (afterAll's close is idempotent).
    await simulator.close();
    const demo = await json(['demo']);
    expect(demo.code, demo.stderr).toBe(0);
  }, 120_000);

  it('covers every command of the CLI (from its command registry), each with a success document and an error document', () => {
    const commands = cliCommandNames();
    expect(commands).toEqual(expect.arrayContaining(['request', 'complete', 'status', 'export', 'sim']));
    const missing = commands.flatMap((command) => [
      ...(hasCommandDefinition(command) ? [] : [`${command}: no $defs/command-${command} in schema/ehealth-cert-output.schema.json`]),
      ...(seen.ok.has(command) ? [] : [`${command}: no success document checked against the schema in this test`]),
      ...(seen.error.has(command) ? [] : [`${command}: no error document checked against the schema in this test`]),
    ]);
    expect(missing).toEqual([]);
  });
});
