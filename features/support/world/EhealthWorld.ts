import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { World, type IWorldOptions } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import type { KeystoreEnvironment } from '@ehealth-cert/core';
import type { FakeEidGeneration } from '@ehealth-cert/simulator';
import type { CompletionView, ContactDataDraft, Driver, OrganisationDraft, OrganisationView, RequestDraft, RequestView } from '../drivers/Driver.js';
import type { DriverScene } from '../drivers/DriverScene.js';
import { resultOf, type Outcome } from '../drivers/Outcome.js';
import { createDriver, type DriverName } from '../drivers/createDriver.js';
import type { InProcessEhealth } from '../scene/InProcessEhealth.js';
import { hashKeystores } from '../scene/keystoreFiles.js';
import { ScenarioCard } from '../scene/ScenarioCard.js';
import type { SimulatorControl, SourceOrganisation } from '../scene/SimulatorControl.js';
import { testPerson, type TestPerson } from '../scene/testPeople.js';

/** The profile's choice of front end (cucumber.mjs `worldParameters`). */
export interface WorldParameters {
  readonly driver: DriverName;
  /** Profile `live`: a real card and eHealth acceptance instead of the simulator. */
  readonly live?: boolean;
}

/** The keystore password of step 11 in every scenario: long, no name, no identifier. */
export const STRONG_PASSWORD = 'Tulipe-Horloge-Brouillard-42';
/** The new password of a password change. */
const NEW_PASSWORD = 'Girafe-Parapluie-Cerisier-17';
/** A PIN that is not the card's. */
const WRONG_PIN = '9999';

/**
 * One scenario's world (STYLE.md "Features"): its own temporary folder, fake card and simulator,
 * all removed afterwards; nothing is shared between scenarios, so `--parallel` is safe.
 */
export class EhealthWorld extends World<WorldParameters> implements DriverScene {
  dir = '';
  keystoreDir = '';
  /** Seeds the simulator's randomness: the same scenario draws the same identifiers. */
  seed = '';
  card: ScenarioCard | undefined;
  ehealth: InProcessEhealth | undefined;
  loopbackUrl: string | undefined;
  /** `sim`, or `acc` for the live profile (eHealth acceptance with a real card). */
  environment: 'sim' | 'acc' = 'sim';
  simulator: SimulatorControl | undefined;
  driver!: Driver;

  /** The last thing the front end answered. */
  last: Outcome<unknown> | undefined;
  /** The request whose outcome stayed unknown (lost answer, no status check): its keystore and secret key. */
  interruptedRequest: { readonly keystorePath: string; readonly reference: string } | undefined;
  /** Manual steps done through the wizard's screens (2, 3, 4, 6, 8M, 16 ...). */
  readonly steps = new Set<string>();
  organisations: readonly OrganisationView[] = [];
  draft: { organisation?: OrganisationDraft; applicationId?: string; contactData?: ContactDataDraft; password?: string } = {};
  requestOutcome: Outcome<RequestView> | undefined;
  /** The last request that eHealth accepted. */
  sent: RequestView | undefined;
  completion: Outcome<CompletionView> | undefined;
  /** Keystore files and their SHA-256 right after the last request. */
  keystoreHashes = new Map<string, string>();
  /** Keystore files and their SHA-256 right before the last request. */
  hashesBefore = new Map<string, string>();
  /** The organisations of the authentic sources, by official name. */
  readonly organisationsByName = new Map<string, SourceOrganisation>();
  keystoreEnvironment: KeystoreEnvironment | undefined;
  readonly wrongPin = WRONG_PIN;
  readonly newPassword = NEW_PASSWORD;

  constructor(options: IWorldOptions<WorldParameters>) {
    super(options);
  }

  /** The scenario's tags: `@clavier` makes the web driver use the keyboard only. */
  tags: readonly string[] = [];

  /** Creates the scenario's folders and its driver (Before hook). */
  async open(seed: string, tags: readonly string[] = []): Promise<void> {
    this.seed = seed;
    this.tags = tags;
    this.dir = await mkdtemp(join(tmpdir(), 'ehealth-features-'));
    this.keystoreDir = join(this.dir, 'keystore');
    await mkdir(this.keystoreDir, { recursive: true });
    this.driver = await createDriver(this.parameters.driver, this);
  }

  /** Stops the driver and the simulator, removes the card and the folder (After hook). */
  async close(): Promise<void> {
    await this.driver?.close();
    await this.simulator?.close();
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
  }

  /** Step 1: the software starts for the simulation environment, with a fresh simulator. */
  async startSoftware(): Promise<void> {
    if (this.parameters.driver === 'processus') {
      const { LoopbackEhealth } = await import('../scene/LoopbackEhealth.js');
      const loopback = await LoopbackEhealth.start(this.dir, this.seed);
      this.loopbackUrl = loopback.baseUrl;
      this.simulator = loopback;
    } else {
      const { InProcessEhealth } = await import('../scene/InProcessEhealth.js');
      this.ehealth = await InProcessEhealth.start(this.seed);
      this.simulator = this.ehealth;
    }
    if (this.card) await this.addToSources(this.card.holder);
  }

  /** Step 1 of the live profile: eHealth acceptance and the person's own card (PIN in EHEALTH_CERT_PIN). */
  startLive(): void {
    if (!this.parameters.live) throw new Error('this scenario needs a real card and eHealth acceptance: run the live profile');
    if (!process.env['EHEALTH_CERT_PIN']) throw new Error('the live profile reads the PIN of your card from EHEALTH_CERT_PIN');
    this.environment = 'acc';
  }

  /** The PIN the person types: the fake card's, or (live) their own. */
  get pin(): string {
    return this.card?.pin ?? process.env['EHEALTH_CERT_PIN'] ?? '';
  }

  /** The scenario's simulator (step 1 must have run). */
  get sim(): SimulatorControl {
    if (!this.simulator) throw new Error('the software is not started (step 1)');
    return this.simulator;
  }

  /** A fake eID of `fullName` goes into the reader; its holder is a person of the authentic sources. */
  async insertCard(fullName: string, generation: FakeEidGeneration = 'rsa2048'): Promise<void> {
    this.card = await ScenarioCard.insert(this.dir, testPerson(fullName), generation);
    if (this.simulator) await this.addToSources(this.card.holder);
  }

  get holder(): TestPerson {
    if (!this.card) throw new Error('no card was inserted');
    return this.card.holder;
  }

  async addToSources(person: TestPerson): Promise<void> {
    await this.sim.addPerson({ ssin: person.ssin, firstNames: [person.givenNames], name: person.surname });
  }

  /** According to the authentic sources, `person` manages the organisation `type`=`id` called `name`. */
  async mandate(person: TestPerson, type: string, id: string, name: string): Promise<void> {
    await this.addToSources(person);
    await this.addOrganisation({ type, id, name });
    await this.sim.addMandate(person.ssin, { type, value: id });
  }

  /** An organisation of the CBE / NIHII registers. */
  async addOrganisation(organisation: SourceOrganisation): Promise<void> {
    await this.sim.addOrganisation(organisation);
    this.organisationsByName.set(organisation.name, organisation);
  }

  /** Contact data of step 10 for the holder, with this generic address. */
  contactData(emailGeneral: string): ContactDataDraft {
    const person = this.card?.holder ?? testPerson('Alice Geldigekaart');
    return { emailPrivate: `${person.givenNames.toLowerCase()}.${person.surname.toLowerCase()}@example.be`, emailGeneral, phonePrivate: '02 123 45 67' };
  }

  /** Everything typed so far, with the usual answers for what the scenario did not say. */
  requestDraft(): RequestDraft {
    return {
      organisation: this.draft.organisation ?? { kind: 'listed', identifier: 'NIHII-AMBU_SERVICE=17123468' },
      ...(this.draft.applicationId ? { applicationId: this.draft.applicationId } : {}),
      contactData: this.draft.contactData ?? this.contactData('info@ambulances-senne.be'),
      password: this.draft.password ?? STRONG_PASSWORD,
      pin: this.pin,
      // Step 4 (general terms) is accepted unless a scenario says otherwise.
      termsAccepted: true,
    };
  }

  /** Steps 12-14: sends the request once (steps 12, 13 and 14 observe the same sending). */
  async sendRequest(): Promise<Outcome<RequestView>> {
    if (this.requestOutcome) return this.requestOutcome;
    return this.resend();
  }

  /** Sends the request again (after a failure), with the same answers. */
  async resend(): Promise<Outcome<RequestView>> {
    this.hashesBefore = await hashKeystores(this.keystoreDir);
    const outcome = await this.driver.request(this.requestDraft());
    this.requestOutcome = outcome;
    this.last = outcome;
    if (outcome.ok) this.sent = outcome.result;
    this.keystoreHashes = await hashKeystores(this.keystoreDir);
    return outcome;
  }

  /** Steps 2-14 for an organisation of the drop-down list (automatic path 8A-9A). */
  async requestAutomatic(name: string, applicationId?: string): Promise<Outcome<RequestView>> {
    const listing = await this.driver.listOrganisations(this.pin);
    this.last = listing;
    if (!listing.ok) return listing as Outcome<never>;
    const organisation = listing.result.find((o) => o.name === name);
    if (!organisation) throw new Error(`"${name}" is not in the drop-down list: ${listing.result.map((o) => o.name).join(', ')}`);
    this.draft = { ...this.draft, organisation: { kind: 'listed', identifier: organisation.identifier }, ...(applicationId ? { applicationId } : {}) };
    return this.resend();
  }

  /** Steps 8M-14 for an organisation of the registers (by official name) or a `TYPE=VALUE` typed in. */
  async requestManual(nameOrIdentifier: string): Promise<Outcome<RequestView>> {
    const known = this.organisationsByName.get(nameOrIdentifier);
    const [type, id] = known ? [known.type, known.id] : nameOrIdentifier.split('=');
    const officialName = known?.name ?? [...this.organisationsByName.values()].find((o) => o.type === type && o.id === id)?.name ?? nameOrIdentifier;
    this.draft = { ...this.draft, organisation: { kind: 'manual', identifierType: type ?? '', identifierValue: id ?? '', officialName } };
    return this.resend();
  }

  /** A request for `name` sent, made by eHealth and completed (steps 2-19). */
  async installCertificate(name: string): Promise<void> {
    resultOf(await this.requestAutomatic(name), 'la demande');
    await this.issueCertificate();
    assert.equal(resultOf(await this.complete(), 'la finalisation').status, 'installed');
  }

  /** Forgets the last request, so that the next one is a new request. */
  forgetRequest(): void {
    this.requestOutcome = undefined;
    this.sent = undefined;
    this.completion = undefined;
  }

  /** Renews the installed certificate (a new request for the same DN); the renewal becomes the request to complete. */
  async renew(): Promise<Outcome<RequestView>> {
    const keystorePath = this.installedKeystore;
    this.forgetRequest();
    const outcome = await this.driver.renew({ keystorePath, password: this.requestDraft().password, pin: this.pin, contactData: this.requestDraft().contactData });
    this.requestOutcome = outcome;
    this.last = outcome;
    if (outcome.ok) this.sent = outcome.result;
    return outcome;
  }

  /** The keystore written by the last completion (certificate and ETK installed). */
  get installedKeystore(): string {
    const done = resultOf(this.completion, 'la finalisation');
    if (done.status !== 'installed') throw new Error('the certificate is not installed yet');
    return done.keystorePath;
  }

  /** The new ETK of the last completion waits for ActivateEtk. */
  get etkToBeActivated(): boolean {
    const done = resultOf(this.completion, 'la finalisation');
    return done.status === 'installed' && done.etkToBeActivated;
  }

  /** Steps 16-18 with the keystore of the last request and a password (step 11's by default). */
  async complete(password = this.requestDraft().password): Promise<Outcome<CompletionView>> {
    const keystorePath = this.sentRequest.keystorePath;
    this.completion = await this.driver.complete({ keystorePath, password });
    this.last = this.completion;
    return this.completion;
  }

  /** The request that eHealth accepted (fails the step when there is none). */
  get sentRequest(): RequestView {
    return this.sent ?? resultOf(this.requestOutcome, 'la demande de certificat');
  }

  /** What eHealth recorded of the last request. */
  async record(reference = this.sentRequest.secretKey) {
    const record = (await this.sim.records()).find((r) => r.publicKeyIdentifier === reference.toLowerCase());
    if (!record) throw new Error(`eHealth has no request ${reference}`);
    return record;
  }

  /** eHealth validates (automatically or by its support team) and then makes the certificate. */
  async issueCertificate(): Promise<void> {
    await this.sim.advance(this.sim.issuanceDelayMs);
    const record = (await this.sim.records()).find((r) => r.publicKeyIdentifier === this.sentRequest.secretKey.toLowerCase());
    if (!record?.certificate) throw new Error(`eHealth did not make the certificate of ${this.sentRequest.secretKey} (validation ${record?.validation})`);
  }
}
