import { join } from 'node:path';
import { createUseCases } from '@ehealth-cert/core';
import { createPorts, type PortOverrides, type SimulatedWorld } from '@ehealth-cert/composition';
import type { AppDeps } from '../app/AppDeps.js';
import { CardQueue } from '../card/CardQueue.js';
import { apiVersion } from '../health/apiVersion.js';
import { JobStore } from '../jobs/JobStore.js';
import { IdempotencyStore } from '../requests/IdempotencyStore.js';
import type { ApiSettings } from '../server/ApiSettings.js';

/** What buildApp needs, and what env `sim` started. */
export interface ApiComposition {
  readonly deps: AppDeps;
  /** Present in env `sim`: the simulated eHealth and, if one was made, the temporary fake card. */
  readonly simulated?: SimulatedWorld;
  /** Stops what the composition started (msw, the simulator, the fake card folder); idempotent. */
  close(): Promise<void>;
}

/** The Idempotency-Key record, beside the pending-requests record in the keystore folder. */
export const IDEMPOTENCY_FILE = 'http-api-idempotency.json';

/**
 * The composition root of the API (docs/decisions/0014): the shared adapters from createPorts,
 * the job store's Progress, and the use cases resolved once; the routes see only use cases.
 */
export async function composeApi(settings: ApiSettings, overrides: PortOverrides = {}): Promise<ApiComposition> {
  const composed = await createPorts(settings, overrides);
  try {
    // The job store is made first: its Progress port is what the use cases report to. Its times
    // are the server's, not the simulator's: they are for the HTTP client polling it.
    const jobs = new JobStore();
    const idempotency = new IdempotencyStore({ jobs, file: join(settings.keystoreDir, IDEMPOTENCY_FILE) });
    await idempotency.load();
    const deps: AppDeps = {
      version: apiVersion(),
      environment: settings.env,
      auth: settings.auth,
      publicDocs: settings.publicDocs,
      ...(settings.secretRateLimit === undefined ? {} : { secretRateLimit: settings.secretRateLimit }),
      ...(settings.uiTicket === undefined ? {} : { uiTicket: settings.uiTicket }),
      ...(composed.simulated?.supportTeam === undefined ? {} : { supportTeam: composed.simulated.supportTeam }),
      useCases: createUseCases({ ...composed.ports, progress: jobs.progress }),
      cardQueue: new CardQueue(),
      jobs,
      idempotency,
    };
    return { deps, ...(composed.simulated === undefined ? {} : { simulated: composed.simulated }), close: composed.close };
  } catch (error) {
    await composed.close();
    throw error;
  }
}
