import 'reflect-metadata';
import { join } from 'node:path';
import {
  ActivateEtk,
  ChangeKeystorePassword,
  CheckIdentifier,
  CompleteCertificate,
  InspectKeystore,
  ListManageableOrganisations,
  ListOrganisationTypes,
  ReadCardHolder,
  RenewCertificate,
  RequestCertificate,
  RevokeCertificate,
  ShowCertificateStatus,
  ShowRequestContract,
  type CertificateRegistry,
  type Clock,
  type EidCard,
  type EtkRegistry,
  type KeyFactory,
  type KeystoreVault,
  type PendingRequests,
  type Progress,
  type UseCasePorts,
} from '@ehealth-cert/core';
import { Container } from 'inversify';
import type { AppDeps } from '../app/AppDeps.js';
import { CardQueue } from '../card/CardQueue.js';
import { apiVersion } from '../health/apiVersion.js';
import { JobStore } from '../jobs/JobStore.js';
import { IdempotencyStore } from '../requests/IdempotencyStore.js';
import type { ApiSettings } from '../server/ApiSettings.js';
import { startSimulatedWorld, type SimulatedEhealth, type SimulatedWorld } from './simulatedWorld.js';
import { TOKENS } from './tokens.js';

/** One adapter per port; tests and features may hand in their own. */
export interface ApiAdapters extends Omit<UseCasePorts, 'progress'> {
  /** A simulated eHealth the caller runs (the features' scenario simulator): no other is started. */
  readonly simulator: SimulatedEhealth;
}

/** The API's container, what buildApp needs from it, and what env `sim` started. */
export interface ApiContainer {
  readonly container: Container;
  readonly deps: AppDeps;
  /** Present in env `sim`: the simulator (in-process) and the fake card, for tests and demos. */
  readonly simulated?: SimulatedWorld;
  /** Stops what the container started (msw, the fake card folder); idempotent. */
  close(): Promise<void>;
}

/** The Idempotency-Key record, beside the pending-requests record in the keystore folder. */
export const IDEMPOTENCY_FILE = 'http-api-idempotency.json';

// `sleep`: the bounded waits of the use cases (ETKDepot publication checks after an ETK registration).
const systemClock: Clock = { now: () => new Date(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

/**
 * The composition root of the API (ARCHITECTURE.md "Composition"): binds every port to the adapter
 * the settings choose (prd/acc: the real endpoints and PKCS#11 discovery; sim: the simulator and a
 * SoftHSM card) and every use case with a factory, since core has no decorators.
 */
export async function createContainer(settings: ApiSettings, overrides: Partial<ApiAdapters> = {}): Promise<ApiContainer> {
  // SoftHSM reads SOFTHSM2_CONF when the module is initialised (TOOLCHAIN.md 4).
  if (settings.softhsmConf !== undefined) process.env['SOFTHSM2_CONF'] = settings.softhsmConf;
  const simulated =
    settings.env === 'sim' && overrides.registry === undefined && overrides.simulator === undefined
      ? await startSimulatedWorld(settings, { withCard: overrides.card === undefined, ...(overrides.clock === undefined ? {} : { clock: overrides.clock }) })
      : undefined;
  try {
    const container = new Container({ defaultScope: 'Singleton' });
    // The job store is made first: its Progress port is what the use cases report to. Its times
    // are the server's, not the simulator's: they are for the HTTP client polling it.
    const jobs = new JobStore();
    const idempotency = new IdempotencyStore({ jobs, file: join(settings.keystoreDir, IDEMPOTENCY_FILE) });
    await idempotency.load();
    await bindAdapters(container, settings, overrides, simulated, jobs.progress);
    bindUseCases(container);
    container.bind<AppDeps>(TOKENS.AppDeps).toResolvedValue(
      (card: EidCard, pending: PendingRequests, vault: KeystoreVault): AppDeps => ({
        version: apiVersion(),
        environment: settings.env,
        auth: settings.auth,
        publicDocs: settings.publicDocs,
        ...(settings.secretRateLimit === undefined ? {} : { secretRateLimit: settings.secretRateLimit }),
        ...(settings.uiTicket === undefined ? {} : { uiTicket: settings.uiTicket }),
        useCases: {
          readCardHolder: container.get(ReadCardHolder),
          listManageableOrganisations: container.get(ListManageableOrganisations),
          listOrganisationTypes: container.get(ListOrganisationTypes),
          requestCertificate: container.get(RequestCertificate),
          showRequestContract: container.get(ShowRequestContract),
          completeCertificate: container.get(CompleteCertificate),
          showCertificateStatus: container.get(ShowCertificateStatus),
          renewCertificate: container.get(RenewCertificate),
          revokeCertificate: container.get(RevokeCertificate),
          activateEtk: container.get(ActivateEtk),
          changeKeystorePassword: container.get(ChangeKeystorePassword),
          inspectKeystore: container.get(InspectKeystore),
          checkIdentifier: container.get(CheckIdentifier),
        },
        eidCard: card,
        pendingRequests: pending,
        keystoreVault: vault,
        cardQueue: new CardQueue(),
        jobs,
        idempotency,
      }),
      [TOKENS.EidCard, TOKENS.PendingRequests, TOKENS.KeystoreVault],
    );
    const deps = container.get<AppDeps>(TOKENS.AppDeps);
    let closing: Promise<void> | undefined;
    return {
      container,
      deps,
      ...(simulated === undefined ? {} : { simulated }),
      close: () => (closing ??= simulated?.close() ?? Promise.resolve()),
    };
  } catch (error) {
    await simulated?.close();
    throw error;
  }
}

async function bindAdapters(
  container: Container,
  settings: ApiSettings,
  overrides: Partial<ApiAdapters>,
  simulated: SimulatedWorld | undefined,
  progress: Progress,
): Promise<void> {
  // The adapters load pkcs11js, pkijs and xml code: imported when composing, not at module load.
  const ehealth = await import('@ehealth-cert/adapters-ehealth');
  const ehealthSimulator: SimulatedEhealth | undefined = overrides.simulator ?? simulated;
  const clock = overrides.clock ?? ehealthSimulator?.clock ?? systemClock;
  // In sim the simulator's base URL and fake eHealth root replace the published hosts and roots.
  // EHEALTH_CERT_TRUST_ANCHORS is read from process.env (the factory's default).
  const endpointBase = ehealthSimulator?.baseUrl ?? settings.endpointBase;
  const { registry, etkRegistry, keys, vault, pending } = ehealth.createEhealthAdapters(
    { environment: settings.env, endpointBase, keystoreDir: settings.keystoreDir, clock, trustAnchors: ehealthSimulator?.trustAnchors },
    overrides,
  );
  const card = overrides.card ?? (await eidCard(settings, simulated));
  container.bind<Clock>(TOKENS.Clock).toConstantValue(clock);
  container.bind<KeyFactory>(TOKENS.KeyFactory).toConstantValue(keys);
  container.bind<EidCard>(TOKENS.EidCard).toConstantValue(card);
  container.bind<CertificateRegistry>(TOKENS.CertificateRegistry).toConstantValue(registry);
  container.bind<EtkRegistry>(TOKENS.EtkRegistry).toConstantValue(etkRegistry);
  container.bind<KeystoreVault>(TOKENS.KeystoreVault).toConstantValue(vault);
  container.bind<PendingRequests>(TOKENS.PendingRequests).toConstantValue(pending);
  container.bind<Progress>(TOKENS.Progress).toConstantValue(progress);
}

async function eidCard(settings: ApiSettings, simulated: SimulatedWorld | undefined): Promise<EidCard> {
  const { Pkcs11EidCard } = await import('@ehealth-cert/adapters-eid');
  const fake = simulated?.fakeCard;
  // SoftHSM reads SOFTHSM2_CONF when the module is initialised (TOOLCHAIN.md 4).
  if (fake !== undefined) process.env['SOFTHSM2_CONF'] = fake.softhsmConf;
  // A SoftHSM fake card in sim goes through PinLockingPkcs11, which counts wrong PINs like a real
  // eID (SoftHSM alone never blocks).
  const softhsmConf = fake?.softhsmConf ?? (settings.env === 'sim' ? settings.softhsmConf : undefined);
  const moduleFactory = softhsmConf === undefined ? undefined : (await import('@ehealth-cert/simulator')).fakeCardModule(softhsmConf);
  const pkcs11Module = fake?.modulePath ?? settings.pkcs11Module;
  return new Pkcs11EidCard({
    ...(pkcs11Module === undefined ? {} : { pkcs11Module }),
    ...(moduleFactory === undefined ? {} : { moduleFactory }),
    ...(settings.cardSerial === undefined || fake !== undefined ? {} : { tokenSerial: settings.cardSerial }),
    env: { ...process.env, ...fake?.env },
  });
}

/** Every port, as one object: the constructor argument of each use case. */
type Ports = UseCasePorts;

function bindUseCases(container: Container): void {
  container
    .bind<Ports>(TOKENS.Ports)
    .toResolvedValue(
      (card: EidCard, registry: CertificateRegistry, etkRegistry: EtkRegistry, keys: KeyFactory, vault: KeystoreVault, pending: PendingRequests, clock: Clock, progress: Progress) => ({
        card,
        registry,
        etkRegistry,
        keys,
        vault,
        pending,
        clock,
        progress,
      }),
      [TOKENS.EidCard, TOKENS.CertificateRegistry, TOKENS.EtkRegistry, TOKENS.KeyFactory, TOKENS.KeystoreVault, TOKENS.PendingRequests, TOKENS.Clock, TOKENS.Progress],
    );
  const withPorts = [TOKENS.Ports] as [symbol];
  container.bind(ReadCardHolder).toResolvedValue((ports: Ports) => new ReadCardHolder(ports), withPorts);
  container.bind(ListManageableOrganisations).toResolvedValue((ports: Ports) => new ListManageableOrganisations(ports), withPorts);
  container.bind(ListOrganisationTypes).toResolvedValue((ports: Ports) => new ListOrganisationTypes(ports), withPorts);
  container.bind(RequestCertificate).toResolvedValue((ports: Ports) => new RequestCertificate(ports), withPorts);
  container.bind(ShowRequestContract).toResolvedValue((ports: Ports) => new ShowRequestContract(ports), withPorts);
  container.bind(CompleteCertificate).toResolvedValue((ports: Ports) => new CompleteCertificate(ports), withPorts);
  container.bind(ShowCertificateStatus).toResolvedValue((ports: Ports) => new ShowCertificateStatus(ports), withPorts);
  container.bind(RenewCertificate).toResolvedValue((ports: Ports) => new RenewCertificate(ports), withPorts);
  container.bind(RevokeCertificate).toResolvedValue((ports: Ports) => new RevokeCertificate(ports), withPorts);
  container.bind(ActivateEtk).toResolvedValue((ports: Ports) => new ActivateEtk(ports), withPorts);
  container.bind(ChangeKeystorePassword).toResolvedValue((ports: Ports) => new ChangeKeystorePassword(ports), withPorts);
  container.bind(InspectKeystore).toResolvedValue((ports: Ports) => new InspectKeystore(ports), withPorts);
  container.bind(CheckIdentifier).toResolvedValue(() => new CheckIdentifier());
}
