import type {
  ActivateEtk,
  ChangeKeystorePassword,
  CheckIdentifier,
  CompleteCertificate,
  InspectKeystore,
  RenewCertificate,
  RevokeCertificate,
  ShowCertificateStatus,
  ShowRequestContract,
  EidCard,
  KeystoreVault,
  ListManageableOrganisations,
  ListOrganisationTypes,
  PendingRequests,
  ReadCardHolder,
  RequestCertificate,
} from '@ehealth-cert/core';
import type { ApiAuth } from '../auth/bearerAuth.js';
import type { CardQueue } from '../card/CardQueue.js';
import type { JobStore } from '../jobs/JobStore.js';
import type { IdempotencyStore } from '../requests/IdempotencyStore.js';

/** The core use cases the routes call (ARCHITECTURE.md "Core: the use cases"). */
export interface ApiUseCases {
  readonly readCardHolder: Pick<ReadCardHolder, 'execute'>;
  readonly listManageableOrganisations: Pick<ListManageableOrganisations, 'execute'>;
  readonly listOrganisationTypes: Pick<ListOrganisationTypes, 'execute'>;
  readonly requestCertificate: Pick<RequestCertificate, 'execute'>;
  readonly showRequestContract: Pick<ShowRequestContract, 'execute'>;
  readonly completeCertificate: Pick<CompleteCertificate, 'execute'>;
  readonly showCertificateStatus: Pick<ShowCertificateStatus, 'execute'>;
  readonly renewCertificate: Pick<RenewCertificate, 'execute'>;
  readonly revokeCertificate: Pick<RevokeCertificate, 'execute'>;
  readonly activateEtk: Pick<ActivateEtk, 'execute'>;
  readonly changeKeystorePassword: Pick<ChangeKeystorePassword, 'execute'>;
  readonly inspectKeystore: Pick<InspectKeystore, 'execute'>;
  readonly checkIdentifier: Pick<CheckIdentifier, 'execute'>;
}

/** What buildApp needs: the use cases and ports it exposes, and the HTTP-side state. */
export interface AppDeps {
  readonly version: string;
  readonly environment: 'prd' | 'acc' | 'sim';
  readonly auth: ApiAuth;
  /** Serve /openapi.json and /docs without a token. */
  readonly publicDocs?: boolean;
  readonly useCases: ApiUseCases;
  readonly eidCard: EidCard;
  readonly pendingRequests: PendingRequests;
  readonly keystoreVault: KeystoreVault;
  readonly cardQueue: CardQueue;
  readonly jobs: JobStore;
  readonly idempotency: IdempotencyStore;
  /** The one-time ticket the web wizard trades for the token (POST /session), from `ehealth-cert ui`. */
  readonly uiTicket?: string;
  /** The web wizard's built files, served at /ui/ (default: @ehealth-cert/web-wizard's dist/ui). */
  readonly wizardAssetsDir?: string;
  /** Failed PIN or password checks per minute per client, one budget for all routes that take one (SecretFailureBudget). */
  readonly secretRateLimit?: number;
}
