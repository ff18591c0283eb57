import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  ActivateEtk,
  ChangeKeystorePassword,
  CompleteCertificate,
  InspectKeystore,
  ListManageableOrganisations,
  ListOrganisationTypes,
  RenewCertificate,
  RequestCertificate,
  RevokeCertificate,
  ShowCertificateStatus,
  silentProgress,
  type Clock,
  type CompletionOutcome,
  type ContactDataInput,
  type KeyEntry,
  type OrganisationChoice,
} from '@ehealth-cert/core';
import { AcceptingReview, ScriptedPinEntry } from '@ehealth-cert/core/testing';
import { Pkcs11EidCard } from '@ehealth-cert/adapters-eid';
import {
  createEhealthHandlers,
  EhealthSimulator,
  provisionFakeEid,
  startSimulatorServer,
  type FakeEid,
  type FakeEidGeneration,
  type SimulatorServer,
} from '@ehealth-cert/simulator';
import { http, HttpResponse, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  endpointsFromBase,
  JsonPendingRequests,
  NodeKeyFactory,
  pemCertificates,
  Pkcs12KeystoreVault,
  SoapCertificateRegistry,
  SoapEtkRegistry,
} from '../index.js';
import { validateBodyPayload } from '../test-support/xmllint.js';
import { xmlsecVerify } from '../test-support/xmlsec.js';
import { formatDn } from '../pki/DistinguishedName.js';
import { CertificationRequest } from 'pkijs';

// The real stack end to end (ARCHITECTURE.md "The fakes sit at the boundary"): core use cases over
// Pkcs11EidCard on a SoftHSM fake eID, the SOAP clients against the eHealth simulator (msw in
// process, or its loopback server), NodeKeyFactory, and the PKCS#12 vault in a temp folder.

const run = promisify(execFile);
const MSW_BASE = 'https://ehealth-sim.e2e.test';
const PASSWORD = 'Ziekenwagen-Sleutel-Kluis-2026';
const NEW_PASSWORD = 'Zwaailicht-Nachtdienst-Brancard-77';
const CONTACT: ContactDataInput = {
  emailPrivate: 'alice.private@example.test',
  emailGeneral: 'ambulance@example.test',
  phonePrivate: '0470123456',
  phoneGeneral: '022345678',
};
// defaultFixture of the simulator: Alice (the fake eID holder) manages 81234530, not 61111186.
const MANDATED_ID = { type: 'NIHII-AMBU_SERVICE', value: '81234530' };
const NOT_MANDATED = {
  kind: 'manual' as const,
  identifierType: 'NIHII-AMBU_SERVICE',
  identifierValue: '61111186',
  officialName: 'Ambulancedienst Kempen (TEST)',
};
const DAY = 24 * 60 * 60 * 1000;
// Keystore KDF iterations kept low: the PKCS#12 cost is not what this test measures.
const ITERATIONS = 2048;
// A whole certificate life is ~15 s on an idle 2-core machine; leave room for a busy one.
const FLOW_TIMEOUT_MS = 300_000;

/** What a test does to the simulated platform: in process (the object) or over HTTP (the admin API). */
interface SimulatorControl {
  /** The clock the client adapters use: the simulator's own, or one that follows it. */
  readonly clock: Clock;
  issuanceDelayMs(): Promise<number>;
  advance(ms: number): Promise<void>;
  approve(reference: string): Promise<void>;
  /** PublicKeyIdentifiers (lower case) waiting for a manual validation. */
  pendingValidations(): Promise<string[]>;
}

/** The simulator object itself (msw face). */
function inProcessControl(simulator: EhealthSimulator): SimulatorControl {
  return {
    clock: simulator.clock,
    issuanceDelayMs: async () => simulator.timings.issuanceDelayMs,
    advance: (ms) => simulator.advance(ms),
    approve: async (reference) => {
      await simulator.approve(reference);
    },
    pendingValidations: async () => simulator.pendingValidations().map((r) => r.publicKeyIdentifier.toLowerCase()),
  };
}

/**
 * The loopback server's admin API, as a client in another process (a CLI child) must use it: no
 * simulator object, and a client clock that follows the simulated time (GET /admin/clock).
 */
async function adminControl(baseUrl: string): Promise<SimulatorControl> {
  const admin = async (method: 'GET' | 'POST', path: string, body?: unknown): Promise<Record<string, unknown>> => {
    const response = await fetch(`${baseUrl}/admin/${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`admin ${method} ${path}: HTTP ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  };
  let offsetMs = 0;
  const follow = (now: unknown) => {
    offsetMs = Date.parse(String(now)) - Date.now();
  };
  follow((await admin('GET', 'clock'))['now']);
  return {
    clock: { now: () => new Date(Date.now() + offsetMs) },
    issuanceDelayMs: async () => ((await admin('GET', 'state'))['timings'] as { issuanceDelayMs: number }).issuanceDelayMs,
    advance: async (ms) => follow((await admin('POST', 'clock/advance', { ms }))['now']),
    approve: async (reference) => {
      await admin('POST', `validations/${reference}/approve`);
    },
    pendingValidations: async () => ((await admin('GET', 'state'))['pendingValidations'] as string[]).map((r) => r.toLowerCase()),
  };
}

/** The adapters wired by hand, as a composition root would for `env: sim`. */
interface Stack {
  readonly simulator: SimulatorControl;
  readonly clock: Clock;
  readonly keystoreDir: string;
  readonly card: Pkcs11EidCard;
  readonly fake: FakeEid;
  readonly vault: Pkcs12KeystoreVault;
  readonly ports: {
    readonly card: Pkcs11EidCard;
    readonly registry: SoapCertificateRegistry;
    readonly etkRegistry: SoapEtkRegistry;
    readonly keys: NodeKeyFactory;
    readonly vault: Pkcs12KeystoreVault;
    readonly pending: JsonPendingRequests;
    readonly clock: Clock;
    readonly progress: typeof silentProgress;
  };
}

async function wire(
  simulator: SimulatorControl,
  baseUrl: string,
  fake: FakeEid,
  keystoreDir: string,
  trustAnchors: readonly Uint8Array[],
  format: 'modern' | 'legacy' = 'modern',
): Promise<Stack> {
  const clock = simulator.clock;
  const endpoints = endpointsFromBase(baseUrl);
  const card = new Pkcs11EidCard({ pkcs11Module: fake.modulePath, tokenSerial: fake.tokenSerial, moduleFactory: () => fake.pkcs11Module() });
  const keys = new NodeKeyFactory({ trustAnchors });
  const vault = new Pkcs12KeystoreVault({ environment: 'sim', folder: keystoreDir, clock, iterations: ITERATIONS, format });
  const ports = {
    card,
    registry: new SoapCertificateRegistry({ endpoints, clock }),
    etkRegistry: new SoapEtkRegistry({ endpoints, clock }),
    keys,
    vault,
    pending: new JsonPendingRequests({ folder: keystoreDir, clock }),
    clock,
    progress: silentProgress,
  };
  return { simulator, clock, keystoreDir, card, fake, vault, ports };
}

const pinEntry = (fake: FakeEid) => new ScriptedPinEntry(fake.pin);

async function request(stack: Stack, organisation: OrganisationChoice) {
  return new RequestCertificate(stack.ports).execute({
    organisation,
    contactData: CONTACT,
    password: PASSWORD,
    baseServiceUsages: ['consultrn'],
    environment: 'sim',
    pinEntry: pinEntry(stack.fake),
    review: new AcceptingReview(),
  });
}

async function complete(stack: Stack, keystorePath: string, password = PASSWORD): Promise<CompletionOutcome> {
  return new CompleteCertificate(stack.ports).execute({ keystorePath, password });
}

function completed(outcome: CompletionOutcome): Extract<CompletionOutcome, { status: 'completed' }> {
  if (outcome.status !== 'completed') throw new Error(`expected a completed certificate, got ${outcome.status}`);
  return outcome;
}

/** `keytool -list` with the password from the environment (never in argv). */
async function keytoolList(path: string, password: string): Promise<string> {
  const { stdout } = await run('keytool', ['-list', '-storetype', 'PKCS12', '-keystore', path, '-storepass:env', 'E2E_KEYSTORE_PASSWORD'], {
    env: { ...process.env, E2E_KEYSTORE_PASSWORD: password },
  });
  return stdout;
}

/** The whole life of a certificate for one card generation over one face of the simulator. */
async function fullLife(stack: Stack): Promise<void> {
  const { simulator, ports } = stack;

  // Automatic path (8A): the ambulance service comes from GetActorQualities (eID-Auth signed).
  const manageable = await new ListManageableOrganisations(ports).execute({ pinEntry: pinEntry(stack.fake) });
  expect(manageable.holder).toMatchObject({ ssin: stack.fake.holder.ssin, generation: stack.fake.holder.generation });
  const ambulance = manageable.organisations.find((o) => o.identifier.type === MANDATED_ID.type && o.identifier.value === MANDATED_ID.value);
  expect(ambulance?.name.fr).toBe('Ambulances Hôpital Saint-Pierre (TEST)');
  const submitted = await request(stack, { kind: 'listed', organisation: ambulance! });
  expect(submitted.automaticallyValidated).toBe(true);
  expect(submitted.reference).toMatch(/^[0-9a-f]{40}$/);
  expect(submitted.dn).toBe(
    'CN=NIHII-AMBU_SERVICE\\=81234530,OU=eHealth-platform Belgium,OU=AMBULANCES HOPITAL SAINT-PIERRE (TEST),OU=NIHII-AMBU_SERVICE\\=81234530,O=Federal Government,C=BE',
  );
  expect((await ports.pending.get(submitted.reference))?.lastStatus).toBe('sent');
  const status = new ShowCertificateStatus(ports);
  expect(await status.execute({ source: 'keystore', keystorePath: submitted.keystorePath, password: PASSWORD })).toEqual({
    source: 'keystore-request',
    reference: submitted.reference,
    delivery: 'pending',
  });

  // Before the issuing delay: pending, not an error.
  const early = await complete(stack, submitted.keystorePath);
  expect(early).toMatchObject({ status: 'pending', reference: submitted.reference });
  const pendingInspection = await new InspectKeystore(ports).execute({ keystorePath: submitted.keystorePath, password: PASSWORD });
  expect(pendingInspection.authentication).toMatchObject({ state: 'pending', reference: submitted.reference });

  await simulator.advance((await simulator.issuanceDelayMs()) + 1000);
  const done = completed(await complete(stack, submitted.keystorePath));
  expect(done.reference).toBe(submitted.reference);
  expect(done.dn).toBe(submitted.dn);
  expect(done.toBeActivated).toBe(false);
  expect((await ports.pending.get(submitted.reference))?.lastStatus).toBe('completed');

  // The keystore: authentication (issued chain) + the ETK key under its decimal serial (DOMAIN.md 3).
  const content = await ports.vault.open(done.keystorePath, PASSWORD);
  const keyEntries = content.entries.filter((e): e is KeyEntry => e.kind === 'key');
  expect(keyEntries.map((e) => e.alias).sort()).toEqual(['authentication', done.etkSerial].sort());
  const auth = keyEntries.find((e) => e.alias === 'authentication')!;
  expect(auth.chain.length).toBeGreaterThanOrEqual(2);
  expect(ports.keys.describeCertificate(auth.chain[0]!).subject).toBe(submitted.dn);
  expect(ports.keys.describeCertificate(auth.chain[0]!).publicKeyIdentifier).toBe(submitted.reference);
  await expect(ports.vault.open(done.keystorePath, 'not-the-password-at-all')).rejects.toMatchObject({ code: 'KEYSTORE_PASSWORD_WRONG' });
  const listing = await keytoolList(done.keystorePath, PASSWORD);
  expect(listing).toMatch(/^authentication,.*PrivateKeyEntry/m);
  expect(listing).toMatch(new RegExp(`^${done.etkSerial},.*PrivateKeyEntry`, 'm'));

  // The ETK is registered and published in ETKDepot.
  const published = await ports.etkRegistry.getPublishedEtks({ type: 'NIHII-AMBU_SERVICE', value: '81234530' });
  expect(published).toHaveLength(1);
  const etkCert = await ports.keys.verifyEtk(published[0]!, keyEntries.find((e) => e.alias === done.etkSerial)!.chain[0]!);
  expect(etkCert.serialNumber).toBe(done.etkSerial);

  // Inspect (local) and status (eHealth, with the eHealth key and with the card).
  const inspection = await new InspectKeystore(ports).execute({ keystorePath: done.keystorePath, password: PASSWORD });
  expect(inspection.authentication).toMatchObject({ state: 'issued', reference: submitted.reference, dn: submitted.dn, renewalState: 'too-early' });
  expect(inspection.etkSerials).toEqual([done.etkSerial]);
  const byKeystore = await status.execute({ source: 'keystore', keystorePath: done.keystorePath, password: PASSWORD });
  expect(byKeystore).toMatchObject({ source: 'keystore', certificate: { info: { status: 'VALID_ACTIVE', etkStatus: 'VALID_ACTIVE', publicKeyIdentifier: submitted.reference } } });
  const byCard = await status.execute({ source: 'card', pinEntry: pinEntry(stack.fake) });
  if (byCard.source !== 'card') throw new Error('card report expected');
  expect(byCard.certificates.map((c) => [c.info.publicKeyIdentifier, c.info.status])).toContainEqual([submitted.reference, 'VALID_ACTIVE']);

  // Password change (local): the new file opens with the new password only.
  const changed = await new ChangeKeystorePassword(ports).execute({ keystorePath: done.keystorePath, oldPassword: PASSWORD, newPassword: NEW_PASSWORD });
  await expect(ports.vault.open(changed.keystorePath, PASSWORD)).rejects.toMatchObject({ code: 'KEYSTORE_PASSWORD_WRONG' });
  expect((await ports.vault.open(changed.keystorePath, NEW_PASSWORD)).entries.filter((e) => e.kind === 'key')).toHaveLength(2);

  // Manual path (8M-9M): a type from GetGenericOrganizationTypes, an organisation without a mandate.
  const types = await new ListOrganisationTypes(ports).execute();
  expect(types.source).toBe('ehealth');
  expect(types.types.map((t) => t.identifierType)).toContain(NOT_MANDATED.identifierType);
  const manual = await request(stack, NOT_MANDATED);
  expect(manual.automaticallyValidated).toBe(false);
  expect(await simulator.pendingValidations()).toEqual([manual.reference]);
  await simulator.advance((await simulator.issuanceDelayMs()) + 1000);
  expect(await complete(stack, manual.keystorePath)).toMatchObject({ status: 'pending' });
  await simulator.approve(manual.reference);
  await simulator.advance((await simulator.issuanceDelayMs()) + 1000);
  // Completed by certificate name, as after "complete the request" without a path (the newest keystore).
  const manualDone = completed(await new CompleteCertificate(ports).execute({ certificateName: manual.certificateName, password: PASSWORD }));
  expect(manualDone.reference).toBe(manual.reference);
  expect(manualDone.dn).toContain('NIHII-AMBU_SERVICE\\=61111186');

  // Renewal inside the window (3 years minus 2 months later): new ETK ToBeActivated, then ActivateEtk.
  await simulator.advance(2 * 365 * DAY + 300 * DAY);
  const renewal = await new RenewCertificate(ports).execute({
    keystorePath: changed.keystorePath,
    password: NEW_PASSWORD,
    contactData: CONTACT,
    baseServiceUsages: ['consultrn'],
    environment: 'sim',
    pinEntry: pinEntry(stack.fake),
    review: new AcceptingReview(),
  });
  expect(renewal.automaticallyValidated).toBe(true);
  expect(renewal.dn).toBe(submitted.dn);
  expect(renewal.reference).not.toBe(submitted.reference);
  expect(renewal.replacesCertificate).toBe(submitted.reference);
  await simulator.advance((await simulator.issuanceDelayMs()) + 1000);
  const renewed = completed(await complete(stack, renewal.keystorePath, NEW_PASSWORD));
  expect(renewed.toBeActivated).toBe(true);
  const renewedContent = await ports.vault.open(renewed.keystorePath, NEW_PASSWORD);
  // The old ETK key is kept beside the new one (DOMAIN.md 2.6).
  expect(renewedContent.entries.filter((e) => e.kind === 'key').map((e) => e.alias).sort()).toEqual(['authentication', done.etkSerial, renewed.etkSerial].sort());
  const etkCertificateOf = (serial: string) => (renewedContent.entries.find((e) => e.alias === serial) as KeyEntry).chain[0]!;
  const depotPublishes = async (serial: string) => {
    const published = await ports.etkRegistry.getPublishedEtks(MANDATED_ID);
    const holds = await Promise.all(published.map((etk) => ports.keys.verifyEtk(etk, etkCertificateOf(serial)).then(() => true, () => false)));
    return holds.includes(true);
  };
  expect(await depotPublishes(done.etkSerial)).toBe(true);
  expect(await depotPublishes(renewed.etkSerial)).toBe(false);
  const activated = await new ActivateEtk(ports).execute({ keystorePath: renewed.keystorePath, password: NEW_PASSWORD });
  expect(activated.status).toBe('activated');
  // ETKDepot now publishes the new ETK (DOMAIN.md 2.5-2.6).
  expect(await depotPublishes(renewed.etkSerial)).toBe(true);
  const afterActivation = await status.execute({ source: 'keystore', keystorePath: renewed.keystorePath, password: NEW_PASSWORD });
  expect(afterActivation).toMatchObject({ certificate: { info: { status: 'VALID_ACTIVE', etkStatus: 'VALID_ACTIVE', publicKeyIdentifier: renewal.reference } } });

  // Revocation of the renewed certificate (eID-signed), which revokes its ETK too.
  const revoked = await new RevokeCertificate(ports).execute({
    publicKeyIdentifier: renewal.reference,
    reason: 'cessationOfOperation',
    pinEntry: pinEntry(stack.fake),
    review: new AcceptingReview(),
  });
  expect(revoked).toMatchObject({ status: 'revoked', publicKeyIdentifier: renewal.reference, dn: submitted.dn });
  const afterRevocation = await status.execute({ source: 'keystore', keystorePath: renewed.keystorePath, password: NEW_PASSWORD });
  expect(afterRevocation).toMatchObject({ certificate: { info: { status: 'REVOKED', etkStatus: 'REVOKED' } } });
  expect(await depotPublishes(renewed.etkSerial)).toBe(false);

  // The first certificate expires: eHealth and the local inspection say so, renewal is refused.
  await simulator.advance(100 * DAY);
  const expired = await status.execute({ source: 'keystore', keystorePath: changed.keystorePath, password: NEW_PASSWORD });
  expect(expired).toMatchObject({ certificate: { info: { status: 'EXPIRED', publicKeyIdentifier: submitted.reference } } });
  expect((await new InspectKeystore(ports).execute({ keystorePath: changed.keystorePath, password: NEW_PASSWORD })).authentication).toMatchObject({
    state: 'issued',
    renewalState: 'expired',
  });
  const tooLate = await new RenewCertificate(ports)
    .execute({
      keystorePath: changed.keystorePath,
      password: NEW_PASSWORD,
      contactData: CONTACT,
      baseServiceUsages: ['consultrn'],
      environment: 'sim',
      pinEntry: pinEntry(stack.fake),
      review: new AcceptingReview(),
    })
    .then(() => undefined, (e: unknown) => e);
  expect(tooLate).toMatchObject({ code: 'RENEWAL_NOT_ALLOWED', details: { state: 'expired' } });
}

let root: string;
let ca: ReturnType<EhealthSimulator['caState']>;
const msw = setupServer();
/** Every SOAP message that crossed msw, to check both directions against the XSDs afterwards. */
const traffic: { readonly what: string; readonly xml: string }[] = [];
const isSoap = (request: Request) => /\/(CertRa\/v2|EtkRa\/v2|EtkDepot\/v1)$/.test(new URL(request.url).pathname);
msw.events.on('request:start', ({ request }) => {
  if (!isSoap(request)) return;
  void request.clone().text().then((xml) => traffic.push({ what: `request ${request.headers.get('SOAPAction') ?? ''}`, xml }));
});
// Mocked: the msw face; bypass: requests let through to the loopback server.
for (const event of ['response:mocked', 'response:bypass'] as const) {
  msw.events.on(event, ({ request, response }) => {
    if (!isSoap(request)) return;
    void response.clone().text().then((xml) => traffic.push({ what: `response to ${request.headers.get('SOAPAction') ?? ''} (HTTP ${response.status})`, xml }));
  });
}

/** xmllint on the payload of every message (DOMAIN.md 2: the XSDs are the referee of both sides). */
async function expectTrafficValidAgainstXsd(atLeast: number): Promise<void> {
  const invalid: string[] = [];
  const messages = traffic.splice(0);
  expect(messages.length).toBeGreaterThanOrEqual(atLeast);
  for (const { what, xml } of messages) {
    if (/<(\w+:)?Fault[ >]/.test(xml)) continue;
    await validateBodyPayload(xml).catch((error: unknown) => invalid.push(`${what}: ${(error as Error).message}`));
  }
  expect(invalid).toEqual([]);
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'e2e-full-flow-'));
  // One fake eHealth CA for every simulator of this file (generating one is slow).
  const first = await EhealthSimulator.create({ seed: 'e2e-ca' });
  ca = first.caState();
  first.close();
  msw.listen({ onUnhandledRequest: 'error' });
});

beforeEach(() => {
  traffic.length = 0;
});

afterAll(async () => {
  msw.close();
  await rm(root, { recursive: true, force: true });
});

async function newSimulator(): Promise<EhealthSimulator> {
  return EhealthSimulator.create({ ca, seed: 'e2e', now: '2026-03-01T08:00:00Z' });
}

async function newCard(name: string, generation: FakeEidGeneration): Promise<FakeEid> {
  return provisionFakeEid({ dir: join(root, name, 'card'), generation });
}

/**
 * One test's real stack in process: a fresh simulator behind msw, a fake card, the real adapters
 * wired on a keystore folder of its own; the simulator is closed whatever happens.
 */
async function withMswStack(
  name: string,
  generation: FakeEidGeneration,
  test: (stack: Stack, simulator: EhealthSimulator) => Promise<void>,
  options: { readonly format?: 'modern' | 'legacy'; readonly includeRealHosts?: boolean } = {},
): Promise<void> {
  const simulator = await newSimulator();
  msw.resetHandlers(...createEhealthHandlers(simulator, { baseUrls: [MSW_BASE], includeRealHosts: options.includeRealHosts ?? false }));
  try {
    const fake = await newCard(name, generation);
    await test(await wire(inProcessControl(simulator), MSW_BASE, fake, join(root, name, 'keystore'), simulator.trustAnchors(), options.format), simulator);
  } finally {
    simulator.close();
  }
}

// The EC run also writes the official tool's legacy PKCS#12 algorithms (DOMAIN.md 3).
describe.each<[FakeEidGeneration, 'modern' | 'legacy']>([
  ['rsa2048', 'modern'],
  ['ecp384', 'legacy'],
])('the real stack in process (msw), %s card, %s keystore format', (generation, format) => {
  it('requests, completes, inspects, renews, activates and revokes', async () => {
    await withMswStack(`msw-${generation}`, generation, async (stack) => {
      await fullLife(stack);
      // Requests and responses of ~30 operations (request, completion, status, renewal, revocation...).
      await expectTrafficValidAgainstXsd(40);
    }, { format, includeRealHosts: true });
  }, FLOW_TIMEOUT_MS);
});

describe('a personal certificate and an application id through the real stack (msw)', () => {
  it('completes both, names the keystores TYPE=ID[,APPID] and publishes each ETK under its identifier', async () => {
    await withMswStack('variants', 'ecp384', async (stack, simulator) => {
      const { fake } = stack;
      const send = (organisation: OrganisationChoice, applicationId?: string) =>
        new RequestCertificate(stack.ports).execute({
          organisation,
          ...(applicationId ? { applicationId } : {}),
          contactData: CONTACT,
          password: PASSWORD,
          baseServiceUsages: ['consultrn'],
          environment: 'sim',
          pinEntry: pinEntry(fake),
          review: new AcceptingReview(),
        });
      const personal = await send({ kind: 'personal' });
      const withApp = await send({ kind: 'listed', organisation: { name: { fr: 'Ambulances Sud-Luxembourg (TEST)' }, identifier: { type: 'NIHII-AMBU_SERVICE', value: '71901249' } } }, 'dispatch-1');
      expect(personal.certificateName).toBe(`SSIN=${fake.holder.ssin}`);
      expect(personal.dn).toBe(`CN=SSIN\\=${fake.holder.ssin},OU=eHealth-platform Belgium,OU=ALICE GELDIGEKAART,OU=SSIN\\=${fake.holder.ssin},O=Federal Government,C=BE`);
      expect(withApp.certificateName).toBe('NIHII-AMBU_SERVICE=71901249,DISPATCH-1');
      await simulator.advance(simulator.timings.issuanceDelayMs + 1000);
      for (const [submitted, identifier, applicationId] of [
        [personal, { type: 'SSIN', value: fake.holder.ssin }, undefined],
        [withApp, { type: 'NIHII-AMBU_SERVICE', value: '71901249' }, 'DISPATCH-1'],
      ] as const) {
        const done = completed(await complete(stack, submitted.keystorePath));
        expect(done.dn).toBe(submitted.dn);
        expect(done.keystorePath).toContain(`/${submitted.certificateName} `);
        const etkCertificate = ((await stack.vault.open(done.keystorePath, PASSWORD)).entries.find((e) => e.alias === done.etkSerial) as KeyEntry).chain[0]!;
        const published = await stack.ports.etkRegistry.getPublishedEtks(identifier, applicationId);
        expect(published).toHaveLength(1);
        expect((await stack.ports.keys.verifyEtk(published[0]!, etkCertificate)).serialNumber).toBe(done.etkSerial);
      }
      // GetExistingApplicationIds (unsigned, no Status): the id now taken for the organisation.
      expect(await stack.ports.registry.getExistingApplicationIds({ type: 'NIHII-AMBU_SERVICE', value: '71901249' })).toEqual(['DISPATCH-1']);
      await expectTrafficValidAgainstXsd(20);
    });
  }, FLOW_TIMEOUT_MS);
});

describe('contract DN forms through the real stack (msw, issue 12 point 2)', () => {
  it('an eHealth that writes the DN unescaped gets it back escaped, and the CSR subject equals it byte for byte (xmllint, xmlsec1, openssl)', async () => {
    await withMswStack('dn-forms', 'ecp384', async (stack, simulator) => {
      // The simulator's fixture switch: GenerateContract writes CN=NIHII-AMBU_SERVICE=81234530,...
      simulator.sources.contractDn = 'unescaped';
      traffic.length = 0;
      const submitted = await request(stack, { kind: 'listed', organisation: { name: { fr: 'x' }, identifier: MANDATED_ID } });
      await new Promise((resolve) => setTimeout(resolve, 50));
      const escaped =
        'CN=NIHII-AMBU_SERVICE\\=81234530,OU=eHealth-platform Belgium,OU=AMBULANCES HOPITAL SAINT-PIERRE (TEST),OU=NIHII-AMBU_SERVICE\\=81234530,O=Federal Government,C=BE';
      const contractAnswer = traffic.find((t) => t.what.startsWith('response to') && t.what.includes('generateContract'))?.xml ?? '';
      expect(/<(?:\w+:)?DN\b[^>]*>([^<]*)</.exec(contractAnswer)?.[1]).toBe(escaped.replaceAll('\\=', '='));
      const generate = traffic.find((t) => t.what.startsWith('request') && t.what.includes('generatecertificate'))?.xml ?? '';
      const sentDn = /<(?:\w+:)?DN\b[^>]*>([^<]*)<\/(?:\w+:)?DN>/.exec(generate)?.[1];
      expect(sentDn).toBe(escaped);
      expect(submitted.dn).toBe(escaped);
      // The CSR in the signed request: openssl reads the same attributes (its RFC 2253 output does not
      // escape "="), and printed as Java and the simulator's own code print it, it is the DN sent, byte
      // for byte (the simulator refuses CSR_DN_MISMATCH otherwise, and it took the request).
      const csr = Buffer.from(/<(?:\w+:)?CSR>([^<]*)</.exec(generate)?.[1] ?? '', 'base64');
      const dir = await mkdtemp(join(tmpdir(), 'dn-forms-'));
      try {
        await writeFile(join(dir, 'csr.der'), csr);
        const { stdout } = await run('openssl', ['req', '-inform', 'DER', '-in', join(dir, 'csr.der'), '-noout', '-subject', '-nameopt', 'RFC2253']);
        expect(stdout.trim()).toBe(`subject=${escaped.replaceAll('\\=', '=')}`);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
      expect(formatDn(CertificationRequest.fromBER(Uint8Array.from(csr)).subject.toSchema().toBER(false))).toBe(escaped);
      await validateBodyPayload(generate);
      // Signed with the eID Signature key, ecdsa-sha256 (the connector's default for EC, point 1): xmlsec1 verifies it.
      expect(generate).toContain('xmldsig-more#ecdsa-sha256');
      const signPem = new X509Certificate(Buffer.from((await stack.card.readHolder()).signatureChain[0]!)).toString();
      await xmlsecVerify(generate, 'GenerateCertificateRequest', 'urn:be:fgov:ehealth:certra:protocol:v2', signPem);
      await simulator.advance(simulator.timings.issuanceDelayMs + 1000);
      const done = completed(await complete(stack, submitted.keystorePath));
      expect(done).toMatchObject({ dn: escaped, etkPublication: 'published', warnings: [] });
    });
  }, FLOW_TIMEOUT_MS);
});

describe('lost answers through the real stack (msw)', () => {
  it('finds a GenerateCertificate eHealth received, and completes again after a lost or unreached CompleteETKRegistration', async () => {
    await withMswStack('lost', 'rsa2048', async (stack, simulator) => {
      const { fake } = stack;
      const lost: string[] = [];
      /** eHealth processes the next call of `soapAction` but its answer never arrives (connection reset). */
      const loseNextAnswer = (path: string, soapAction: string) => {
        let armed = true;
        // Not msw's `once`: it is used up by the first request to the path, whatever its SOAPAction.
        msw.use(
          http.post(`${MSW_BASE}${path}`, async ({ request }) => {
            if (!armed || request.headers.get('SOAPAction') !== `"${soapAction}"`) return undefined;
            armed = false;
            const reply = await simulator.handle({ path, soapAction, body: await request.text() });
            lost.push(`${soapAction} ${reply.kind === 'http' ? reply.status : reply.kind}`);
            return HttpResponse.error();
          }),
        );
      };
      loseNextAnswer('/CertRa/v2', 'urn:be:fgov:ehealth:etee:certra:protocol:v2:generatecertificate');
      const submitted = await new RequestCertificate(stack.ports).execute({
        organisation: { kind: 'listed', organisation: { name: { fr: 'Ambulances Sud-Luxembourg (TEST)' }, identifier: { type: 'NIHII-AMBU_SERVICE', value: '71901249' } } },
        contactData: CONTACT,
        password: PASSWORD,
        baseServiceUsages: ['consultrn'],
        environment: 'sim',
        pinEntry: pinEntry(fake),
        review: new AcceptingReview(),
      });
      // The request reached eHealth once; the client found it instead of sending it again.
      expect(lost).toEqual(['urn:be:fgov:ehealth:etee:certra:protocol:v2:generatecertificate 200']);
      expect(simulator.certificates().map((r) => r.publicKeyIdentifier.toLowerCase())).toEqual([submitted.reference]);
      // The recovery asked only the unsigned GetCertificate: pending says nothing of how eHealth
      // validates it (no delivery date in the XSD), so the client reports the cautious reading,
      // a manual validation ("wait for an e-mail"), although eHealth validated it automatically.
      expect(submitted.automaticallyValidated).toBe(false);
      expect(simulator.certificates().map((r) => r.validation)).toEqual(['AUTOMATIC']);

      await simulator.advance(simulator.timings.issuanceDelayMs + 1000);
      loseNextAnswer('/EtkRa/v2', 'urn:be:fgov:ehealth:etee:etkra:protocol:v2:completeETKregistration');
      await expect(complete(stack, submitted.keystorePath)).rejects.toMatchObject({ code: 'EHEALTH_UNAVAILABLE' });
      expect(lost).toHaveLength(2);
      // The rerun sees the ETK registered at eHealth and keeps the key saved before the lost answer.
      const done = completed(await complete(stack, submitted.keystorePath));
      const content = await stack.vault.open(done.keystorePath, PASSWORD);
      expect(content.entries.filter((e) => e.kind === 'key').map((e) => e.alias).sort()).toEqual(['authentication', done.etkSerial].sort());
      const etkCertificate = (content.entries.find((e) => e.alias === done.etkSerial) as KeyEntry).chain[0]!;
      const published = await stack.ports.etkRegistry.getPublishedEtks({ type: 'NIHII-AMBU_SERVICE', value: '71901249' });
      expect(published).toHaveLength(1);
      expect((await stack.ports.keys.verifyEtk(published[0]!, etkCertificate)).serialNumber).toBe(done.etkSerial);

      // CompleteETKRegistration that never reaches eHealth (HTTP 503): the rerun registers the saved key again.
      const personal = await new RequestCertificate(stack.ports).execute({
        organisation: { kind: 'personal' },
        contactData: CONTACT,
        password: PASSWORD,
        baseServiceUsages: [],
        environment: 'sim',
        pinEntry: pinEntry(fake),
        review: new AcceptingReview(),
      });
      await simulator.advance(simulator.timings.issuanceDelayMs + 1000);
      simulator.addFault({ operation: 'CompleteETKRegistration', kind: 'http503' });
      await expect(complete(stack, personal.keystorePath)).rejects.toMatchObject({ code: 'EHEALTH_UNAVAILABLE' });
      const personalDone = completed(await complete(stack, personal.keystorePath));
      const personalKeys = (await stack.vault.open(personalDone.keystorePath, PASSWORD)).entries.filter((e): e is KeyEntry => e.kind === 'key');
      expect(personalKeys.map((e) => e.alias).sort()).toEqual(['authentication', personalDone.etkSerial].sort());
      const personalEtks = await stack.ports.etkRegistry.getPublishedEtks({ type: 'SSIN', value: fake.holder.ssin });
      expect(personalEtks).toHaveLength(1);
      await stack.ports.keys.verifyEtk(personalEtks[0]!, personalKeys.find((e) => e.alias === personalDone.etkSerial)!.chain[0]!);
    });
  }, FLOW_TIMEOUT_MS);
});

describe('refusals and card errors through the real stack (msw)', () => {
  it('maps a wrong PIN, an active certificate for the DN and a refused manual validation to the errors core expects', async () => {
    await withMswStack('refusals', 'rsa2048', async (stack, simulator) => {
      const { fake } = stack;
      const ambulance = { kind: 'listed' as const, organisation: { name: { fr: 'Ambulances Sud-Luxembourg (TEST)' }, identifier: { type: 'NIHII-AMBU_SERVICE', value: '71901249' } } };
      const send = (organisation: OrganisationChoice, pin: string) =>
        new RequestCertificate(stack.ports).execute({
          organisation,
          contactData: CONTACT,
          password: PASSWORD,
          baseServiceUsages: ['consultrn'],
          environment: 'sim',
          pinEntry: new ScriptedPinEntry(pin),
          review: new AcceptingReview(),
        });

      // A wrong PIN: asked once, never retried, the key kept on disk, the card counts the failure.
      const wrongPin = await send(ambulance, '9999').then(() => undefined, (e: unknown) => e);
      expect(wrongPin).toMatchObject({ code: 'PIN_INCORRECT', details: { triesLeft: 2 } });
      expect(await stack.card.pinStatus()).toMatchObject({ state: 'count-low' });
      expect(simulator.certificates()).toHaveLength(0);

      // A second request for a DN whose certificate is active and not in its replacement period.
      const first = await send(ambulance, fake.pin);
      await simulator.advance(simulator.timings.issuanceDelayMs + 1000);
      completed(await complete(stack, first.keystorePath));
      const duplicate = await send(ambulance, fake.pin).then(() => undefined, (e: unknown) => e);
      expect(duplicate).toMatchObject({ code: 'EHEALTH_REJECTED', details: { ehealthCode: 'ACTIVE_CERTIFICATE_EXISTS' } });

      // A manual validation refused by eHealth's support team.
      const manual = await send(NOT_MANDATED, fake.pin);
      simulator.refuse(manual.reference);
      const refused = await complete(stack, manual.keystorePath).then(() => undefined, (e: unknown) => e);
      expect(refused).toMatchObject({ code: 'EHEALTH_REJECTED', details: { ehealthCode: 'REQUEST_REFUSED' } });
      const byCard = await new ShowCertificateStatus(stack.ports).execute({ source: 'card', pinEntry: pinEntry(fake) });
      if (byCard.source !== 'card') throw new Error('card report expected');
      expect(byCard.certificates.find((c) => c.info.publicKeyIdentifier === manual.reference)).toMatchObject({ info: { status: 'REFUSED' } });
      await expectTrafficValidAgainstXsd(10);
    });
  }, FLOW_TIMEOUT_MS);
});

describe('the real stack over the loopback server', () => {
  let server: SimulatorServer;
  beforeAll(async () => {
    // Like `ehealth-sim serve`: the simulated time follows the real time (plus what is advanced).
    server = await startSimulatorServer({ ca, seed: 'e2e-loopback' });
    // Real HTTP to the loopback server; msw only watches, to check the messages against the XSDs.
    msw.resetHandlers(http.all(`${server.url}/*`, () => passthrough()));
  });
  afterAll(async () => {
    await server.close();
    server.simulator.close();
  });

  it('behaves like the in-process face (rsa2048 card)', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    // The trust anchor as a process without the simulator object gets it: the admin API, PEM.
    const anchors = await fetch(`${server.url}/admin/trust-anchors`);
    expect(anchors.status).toBe(200);
    const trustAnchors = pemCertificates(await anchors.text());
    expect(trustAnchors.map((a) => Buffer.from(a).toString('base64'))).toEqual(server.simulator.trustAnchors().map((a) => Buffer.from(a).toString('base64')));
    const fake = await newCard('loopback', 'rsa2048');
    await fullLife(await wire(await adminControl(server.url), server.url, fake, join(root, 'loopback', 'keystore'), trustAnchors));
    await expectTrafficValidAgainstXsd(40);
    // The loopback server's simulator got them: the first request, the manual one and the renewal.
    expect(server.simulator.certificates()).toHaveLength(3);
  }, FLOW_TIMEOUT_MS);
});
