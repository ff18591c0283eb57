import 'reflect-metadata';
import { Container } from 'inversify';
import {
  EhealthCertError,
  ListManageableOrganisations,
  ListOrganisationTypes,
  ReadCardHolder,
  RequestCertificate,
  CompleteCertificate,
  ShowCertificateStatus,
  RenewCertificate,
  RevokeCertificate,
  ActivateEtk,
  ChangeKeystorePassword,
  InspectKeystore,
  ExportCertificate,
  ExpiringCertificates,
  silentProgress,
  type CertificateRegistry,
  type Clock,
  type EidCard,
  type EtkRegistry,
  type KeyFactory,
  type KeystoreVault,
  type PendingRequests,
  type PinEntry,
  type Progress,
  type RequestReview,
} from '@ehealth-cert/core';
import type { CliSettings } from '../settings/CliSettings.js';
import { createAdapters, type Adapters } from './createAdapters.js';
import { TOKENS } from './tokens.js';

/** The CLI's container and what it holds outside inversify: closing the in-process simulator. */
export interface CliContainer {
  readonly container: Container;
  readonly settings: CliSettings;
  /** Stops what the container started (msw interception); idempotent. */
  close(): Promise<void>;
}

const noPin: PinEntry = {
  askPin: () => Promise.reject(new EhealthCertError('PIN_UNAVAILABLE', 'No PIN entry was configured for this command.')),
};
const noReview: RequestReview = {
  approveRequest: () => Promise.resolve(false),
  approveRevocation: () => Promise.resolve(false),
};

/**
 * The composition root of the CLI (ARCHITECTURE.md "Composition"): binds every port to the adapter
 * the settings choose (prd/acc: real endpoints and PKCS#11 discovery; sim: the loopback simulator
 * when `endpointBase` is set, otherwise the in-process msw one, and a SoftHSM fake card), and every
 * use case with a factory (core has no decorators).
 */
export async function createContainer(settings: CliSettings, overrides: Partial<Adapters> = {}): Promise<CliContainer> {
  const adapters = await createAdapters(settings, overrides);
  const container = new Container({ defaultScope: 'Singleton' });
  const interaction = settings.interaction ?? {};

  container.bind<CliSettings>(TOKENS.Settings).toConstantValue(settings);
  container.bind<EidCard>(TOKENS.EidCard).toConstantValue(adapters.card);
  container.bind<CertificateRegistry>(TOKENS.CertificateRegistry).toConstantValue(adapters.registry);
  container.bind<EtkRegistry>(TOKENS.EtkRegistry).toConstantValue(adapters.etkRegistry);
  container.bind<KeyFactory>(TOKENS.KeyFactory).toConstantValue(adapters.keys);
  container.bind<KeystoreVault>(TOKENS.KeystoreVault).toConstantValue(adapters.vault);
  container.bind<PendingRequests>(TOKENS.PendingRequests).toConstantValue(adapters.pending);
  container.bind<Clock>(TOKENS.Clock).toConstantValue(adapters.clock);
  container.bind<Progress>(TOKENS.Progress).toConstantValue(interaction.progress ?? silentProgress);
  container.bind<PinEntry>(TOKENS.PinEntry).toConstantValue(interaction.pinEntry ?? noPin);
  container.bind<RequestReview>(TOKENS.RequestReview).toConstantValue(interaction.review ?? noReview);
  if (adapters.simulator !== undefined) container.bind(TOKENS.Simulator).toConstantValue(adapters.simulator);
  if (adapters.supportTeam !== undefined) container.bind(TOKENS.SupportTeam).toConstantValue(adapters.supportTeam);

  const ports = () => ({
    card: container.get<EidCard>(TOKENS.EidCard),
    registry: container.get<CertificateRegistry>(TOKENS.CertificateRegistry),
    etkRegistry: container.get<EtkRegistry>(TOKENS.EtkRegistry),
    keys: container.get<KeyFactory>(TOKENS.KeyFactory),
    vault: container.get<KeystoreVault>(TOKENS.KeystoreVault),
    pending: container.get<PendingRequests>(TOKENS.PendingRequests),
    clock: container.get<Clock>(TOKENS.Clock),
    progress: container.get<Progress>(TOKENS.Progress),
  });
  container.bind(ReadCardHolder).toDynamicValue(() => new ReadCardHolder(ports()));
  container.bind(ListManageableOrganisations).toDynamicValue(() => new ListManageableOrganisations(ports()));
  container.bind(ListOrganisationTypes).toDynamicValue(() => new ListOrganisationTypes(ports()));
  container.bind(RequestCertificate).toDynamicValue(() => new RequestCertificate(ports()));
  container.bind(CompleteCertificate).toDynamicValue(() => new CompleteCertificate(ports()));
  container.bind(ShowCertificateStatus).toDynamicValue(() => new ShowCertificateStatus(ports()));
  container.bind(RenewCertificate).toDynamicValue(() => new RenewCertificate(ports()));
  container.bind(RevokeCertificate).toDynamicValue(() => new RevokeCertificate(ports()));
  container.bind(ActivateEtk).toDynamicValue(() => new ActivateEtk(ports()));
  container.bind(ChangeKeystorePassword).toDynamicValue(() => new ChangeKeystorePassword(ports()));
  container.bind(InspectKeystore).toDynamicValue(() => new InspectKeystore(ports()));
  container.bind(ExportCertificate).toDynamicValue(() => new ExportCertificate(ports()));
  container.bind(ExpiringCertificates).toDynamicValue(() => new ExpiringCertificates(ports()));

  let closed = false;
  return {
    container,
    settings,
    close: async () => {
      if (closed) return;
      closed = true;
      await adapters.close();
    },
  };
}
