import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SIMULATOR_STATE_FILE } from '@ehealth-cert/simulator';
import { fakeWorld } from '@ehealth-cert/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPorts, SIM_STATE_FOLDER } from './createPorts.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ehealth-cert-composition-'));
});

afterAll(async () => {
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

describe('createPorts in env sim', () => {
  it('runs the simulator in this process with its state beside the keystores, and makes a fake card removed at close', async () => {
    const keystoreDir = join(dir, 'keystore');
    const composed = await createPorts({ env: 'sim', keystoreDir, processEnv: {} });
    try {
      const stateDir = join(keystoreDir, SIM_STATE_FOLDER);
      expect(statSync(stateDir).mode & 0o777).toBe(0o700);
      expect(composed.simulated?.simulator).toBeDefined();
      // The ports reach the simulator: the holder of the fake card, a signed GetActorQualities later.
      expect((await composed.ports.card.readHolder()).ssin).toBe(composed.simulated?.fakeCard?.holder.ssin);
      expect(composed.ports.clock).toBe(composed.simulated?.clock);
      const types = await composed.ports.registry.getGenericOrganizationTypes();
      expect(types.length).toBeGreaterThan(0);
    } finally {
      await composed.close();
    }
    expect(existsSync(join(keystoreDir, SIM_STATE_FOLDER, SIMULATOR_STATE_FILE))).toBe(true);
    expect(existsSync(composed.simulated?.fakeCard?.dir as string)).toBe(false);
    await composed.close(); // idempotent
  });

  it('starts no simulator and makes no card when the caller brings the registry and the card', async () => {
    const world = fakeWorld();
    const keystoreDir = join(dir, 'given');
    const composed = await createPorts({ env: 'sim', keystoreDir, processEnv: {} }, { registry: world.registry, card: world.card, clock: world.clock });
    try {
      expect(composed.simulated).toBeUndefined();
      expect(composed.ports.registry).toBe(world.registry);
      expect(composed.ports.card).toBe(world.card);
      expect(composed.ports.clock).toBe(world.clock);
      expect(existsSync(join(keystoreDir, SIM_STATE_FOLDER))).toBe(false);
    } finally {
      await composed.close();
    }
  });
});

describe('createPorts in env acc', () => {
  it('simulates nothing and keeps the system clock', async () => {
    const composed = await createPorts({ env: 'acc', keystoreDir: join(dir, 'acc'), processEnv: {} });
    try {
      expect(composed.simulated).toBeUndefined();
      expect(Math.abs(composed.ports.clock.now().getTime() - Date.now())).toBeLessThan(60_000);
    } finally {
      await composed.close();
    }
  });
});
