import type { RequestReceipt, UseCases } from '@ehealth-cert/core';
import type { SimulatedSupportTeam } from '@ehealth-cert/simulator';
import type { ApiAuth } from '../auth/bearerAuth.js';
import type { HostPolicy } from '../auth/hostCheck.js';
import type { CardQueue } from '../card/CardQueue.js';
import type { JobStore } from '../jobs/JobStore.js';
import type { IdempotencyStore } from '../requests/IdempotencyStore.js';

/** The core use cases the routes call (ARCHITECTURE.md "Core: the use cases"): the routes touch no port. */
export type ApiUseCases = { readonly [K in keyof UseCases]: Pick<UseCases[K], 'execute'> };

/** What buildApp needs: the use cases it exposes, and the HTTP-side state. */
export interface AppDeps {
  readonly version: string;
  readonly environment: 'prd' | 'acc' | 'sim';
  readonly auth: ApiAuth;
  /** The Host names answered (DNS rebinding defence); default loopback names only (startServer adds the bound host and --allowed-host). */
  readonly allowedHosts?: HostPolicy;
  /** Serve /openapi.json and /docs without a token. */
  readonly publicDocs?: boolean;
  readonly useCases: ApiUseCases;
  readonly cardQueue: CardQueue;
  readonly jobs: JobStore;
  readonly idempotency: IdempotencyStore;
  /** Step 15 on disk: writes the secret-key file beside the keystore from core's receipt; returns its path. */
  readonly writeSecretKeyFile: (receipt: RequestReceipt) => Promise<string>;
  /** Env sim: the simulated eHealth support team (approve or refuse a manual request). */
  readonly supportTeam?: SimulatedSupportTeam;
  /** The one-time ticket the web wizard trades for the token (POST /session), from `ehealth-cert ui`. */
  readonly uiTicket?: string;
  /** The web wizard's built files, served at /ui/ (default: @ehealth-cert/web-wizard's dist/ui). */
  readonly wizardAssetsDir?: string;
  /** Failed PIN or password checks per minute per client, one budget for all routes that take one (SecretFailureBudget). */
  readonly secretRateLimit?: number;
}
