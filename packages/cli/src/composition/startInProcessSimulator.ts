import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Bytes, Clock } from '@ehealth-cert/core';
import type { CliSettings } from '../settings/CliSettings.js';

/** A mail the simulated platform sent. */
export interface SimulatedMail {
  readonly to: readonly string[];
  readonly subject: string;
  readonly kind: string;
}

/** The eHealth simulator answering in this process through msw (ARCHITECTURE.md "The fakes sit at the boundary"). */
export interface InProcessSimulator {
  /** The URL the SOAP client is pointed at; msw intercepts every fetch to it. */
  readonly baseUrl: string;
  /** The simulated clock, shared with the client so that issuing delays can be skipped. */
  readonly clock: Clock;
  /** The simulator's fake eHealth root CA, trust anchor of the issued chain. */
  readonly trustAnchors: readonly Bytes[];
  /** The issuing delay of the simulated platform (validation to delivery). */
  readonly issuanceDelayMs: number;
  /** Moves the simulated time forward and runs what became due (the demo skips the issuing delay). */
  advance(ms: number): Promise<void>;
  /** The e-mails the platform "sent" (request received, certificate ready...). */
  mails(): readonly SimulatedMail[];
  close(): Promise<void>;
}

/** The state file of the in-process simulator in `simulatorStateDir` (demo --dir). */
export const SIMULATOR_STATE_FILE = 'simulator-state.json';

/**
 * Starts the eHealth simulator with msw intercepting fetch to its base URL and to the real ACC and
 * PRD hosts (nothing can reach eHealth by mistake). With `simulatorStateDir`, its state (CA,
 * requests, clock, mailbox) is loaded from and saved to a JSON file there.
 */
export async function startInProcessSimulator(settings: CliSettings): Promise<InProcessSimulator> {
  const [{ EhealthSimulator, createEhealthHandlers, DEFAULT_SIMULATOR_BASE_URL }, { setupServer }] = await Promise.all([
    import('@ehealth-cert/simulator'),
    import('msw/node'),
  ]);
  const stateFile = settings.simulatorStateDir === undefined ? undefined : join(settings.simulatorStateDir, SIMULATOR_STATE_FILE);
  const state = stateFile !== undefined && existsSync(stateFile) ? JSON.parse(await readFile(stateFile, 'utf8')) : undefined;
  const simulator = await EhealthSimulator.create(state ? { state } : {});
  let saving: Promise<void> = Promise.resolve();
  const save = () => {
    if (stateFile === undefined) return saving;
    const text = JSON.stringify(simulator.toState());
    saving = saving.then(async () => {
      await mkdir(settings.simulatorStateDir!, { recursive: true });
      await writeFile(`${stateFile}.tmp`, text);
      await rename(`${stateFile}.tmp`, stateFile);
    });
    return saving;
  };
  simulator.onChange(() => void save());
  await save();

  const baseUrl = DEFAULT_SIMULATOR_BASE_URL;
  const server = setupServer(...createEhealthHandlers(simulator, { baseUrls: [baseUrl], includeRealHosts: true }));
  server.listen({ onUnhandledRequest: 'bypass' });
  return {
    baseUrl,
    clock: simulator.clock,
    trustAnchors: simulator.trustAnchors(),
    issuanceDelayMs: simulator.timings.issuanceDelayMs,
    advance: async (ms) => {
      await simulator.advance(ms);
      await save();
    },
    mails: () => simulator.mailbox.list(),
    close: async () => {
      server.close();
      await save();
    },
  };
}
