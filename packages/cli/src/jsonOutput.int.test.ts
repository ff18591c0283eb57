import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { provisionFakeEid, startInProcessSimulator, type FakeEid, type InProcessSimulator } from '@ehealth-cert/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './runCli.js';
import { captureIo } from './test-support/captureIo.js';
import { simCardEnv } from './test-support/simCardEnv.js';
import { CLI_COMMANDS, validateCliOutput } from './test-support/validateCliOutput.js';

let dir: string;
let card: FakeEid;
let simulator: InProcessSimulator;
let env: Record<string, string>;
const PASSWORD = 'paarden-staan-op-stal-42';
const CONTACT = ['--email-private', 'alice@example.org', '--email-general', 'info@ambulance.example.org', '--phone-private', '02 555 01 23'];
/** Which commands produced a document checked against the schema, and which produced an error. */
const seen = { ok: new Set<string>(), error: new Set<string>() };

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
  // Messages are for a person: in the chosen language (French here), without internal documents.
  // eHealth's own words (details.ehealthMessage) are quoted as it wrote them.
  const error = document['error'] as { message?: string; details?: { ehealthMessage?: string } } | undefined;
  const quoted = error?.details?.ehealthMessage ?? '\u0000';
  for (const message of [document['message'], error?.message].filter((m): m is string => typeof m === 'string').map((m) => m.replace(quoted, ''))) {
    expect(message, argv.join(' ')).not.toMatch(/\.md\b|DOMAIN|ARCHITECTURE|\bissue \d/);
    expect(message, argv.join(' ')).not.toMatch(/\b(the|is|was|not|with|and|of|for|must)\b/);
  }
  return { code, document, stderr: run.stderr() };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ehealth-cert-json-'));
  card = await provisionFakeEid({ dir: join(dir, 'card') });
  env = simCardEnv(dir, card, { lang: 'fr_BE.UTF-8', password: PASSWORD });
  simulator = await startInProcessSimulator();
});

afterAll(async () => {
  await simulator?.close();
  await rm(dir, { recursive: true, force: true });
});

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
    const renew = await json(['renew', '--keystore', changed, '--accept-terms', ...CONTACT], { EHEALTH_CERT_KEYSTORE_PASSWORD: 'un-tout-nouveau-mot-de-passe' });
    expect(renew.code, renew.stderr).toBe(0);

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

  it('for the demo', async () => {
    const demo = await json(['demo']);
    expect(demo.code, demo.stderr).toBe(0);
  }, 120_000);

  it('covers every command of the CLI, each with a success or an error document', async () => {
    const help = captureIo({ LANG: 'en_GB.UTF-8' });
    await runCli(['--help'], help.io);
    const listed = [...help.stdout().matchAll(/^ {2}([a-z][a-z-]+)(?: \[options\]| <| \[|\s{2})/gm)].map((match) => match[1]).filter((name) => name !== 'help');
    expect([...listed].sort()).toEqual([...CLI_COMMANDS].sort());
    for (const command of CLI_COMMANDS) {
      expect(seen.ok.has(command) || seen.error.has(command), command).toBe(true);
    }
  });
});
