import { X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulatorServer, type SimulatorServer } from '../server/startSimulatorServer.js';
import { connectLoopbackSimulator } from './connectLoopbackSimulator.js';
import { SIMULATOR_STATE_FILE, startInProcessSimulator } from './startInProcessSimulator.js';

// The client's PEM parser is adapters-ehealth's; the test only needs one certificate per block.
const pemBlocks = (pem: string) =>
  [...pem.matchAll(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g)].map((m) => new Uint8Array(new X509Certificate(m[0]).raw));

describe('env sim for the front ends', () => {
  let dir: string;
  let server: SimulatorServer;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ehealth-sim-mode-'));
    server = await startSimulatorServer();
  });

  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a loopback simulator\'s fake root and follows its clock', async () => {
    await server.simulator.advance(30 * 86_400_000);
    const loopback = await connectLoopbackSimulator(server.url, pemBlocks);
    expect(loopback.baseUrl).toBe(server.url);
    expect(loopback.trustAnchors.map((d) => Buffer.from(d).toString('hex'))).toEqual(server.simulator.trustAnchors().map((d) => Buffer.from(d).toString('hex')));
    // The client's clock is the simulator's, moved 30 days ahead of this machine's.
    expect(Math.abs(loopback.clock.now().getTime() - server.simulator.clock.now().getTime())).toBeLessThan(60_000);
  });

  it('keeps a clock the caller brings', async () => {
    const clock = { now: () => new Date('2026-01-01T00:00:00Z') };
    expect((await connectLoopbackSimulator(server.url, pemBlocks, { clock })).clock).toBe(clock);
  });

  it('names the loopback simulator that does not answer', async () => {
    await expect(connectLoopbackSimulator('http://127.0.0.1:9/', pemBlocks)).rejects.toMatchObject({ code: 'EHEALTH_UNAVAILABLE' });
  });

  it('keeps an in-process simulator\'s state in its folder across restarts', async () => {
    const first = await startInProcessSimulator({ stateDir: dir });
    await first.advance(86_400_000);
    const movedTo = first.clock.now().getTime();
    await first.close();
    expect(existsSync(join(dir, SIMULATOR_STATE_FILE))).toBe(true);

    const second = await startInProcessSimulator({ stateDir: dir });
    try {
      expect(second.clock.now().getTime()).toBeGreaterThanOrEqual(movedTo);
      expect(second.trustAnchors).toEqual(first.trustAnchors);
    } finally {
      await second.close();
    }
  });
});
