import { createUseCases } from '@ehealth-cert/core';
import { fakeWorld } from '@ehealth-cert/core/testing';
import type { FastifyServerOptions } from 'fastify';
import type { AppDeps } from '../app/AppDeps.js';
import { buildApp } from '../app/buildApp.js';
import { CardQueue } from '../card/CardQueue.js';
import { JobStore } from '../jobs/JobStore.js';
import { IdempotencyStore } from '../requests/IdempotencyStore.js';

/** The bearer token of fakeApp. */
export const FAKE_TOKEN = 'test-token-0123456789abcdef';

/** The API's dependencies over core's in-memory fakes (fakeWorld). */
export function fakeDeps(overrides: Partial<AppDeps> = {}) {
  const world = fakeWorld();
  const jobs = new JobStore();
  const ports = {
    card: world.card,
    registry: world.registry,
    etkRegistry: world.etkRegistry,
    keys: world.keys,
    vault: world.vault,
    pending: world.pending,
    clock: world.clock,
    progress: jobs.progress,
  };
  const deps: AppDeps = {
    version: '0.0.0-test',
    environment: 'acc',
    auth: { kind: 'token', token: FAKE_TOKEN },
    useCases: createUseCases(ports),
    cardQueue: new CardQueue(),
    jobs,
    idempotency: new IdempotencyStore({ jobs }),
    ...overrides,
  };
  return { deps, world };
}

/** The API over core's in-memory fakes (fakeWorld), for inject tests and the benchmark. */
export async function fakeApp(overrides: Partial<AppDeps> = {}, options: FastifyServerOptions = {}) {
  const { deps, world } = fakeDeps(overrides);
  const app = await buildApp(deps, { logger: false, ...options });
  return { app, deps, world };
}
