import { existsSync } from 'node:fs';
import { readFile, rename } from 'node:fs/promises';
import { mkdirOwnerOnly, writeFileOwnerOnly } from '../files/ownerOnly.js';
import { join } from 'node:path';
import { EhealthCertError, type Clock } from '@ehealth-cert/core';
import { setupServer } from 'msw/node';
import { createEhealthHandlers, DEFAULT_SIMULATOR_BASE_URL } from '../ehealth/createEhealthHandlers.js';
import { EhealthSimulator, type SimulatorState } from '../ehealth/EhealthSimulator.js';
import type { SimulatedEhealth, SimulatedSupportTeam } from './SimulatedEhealth.js';

/** A mail the simulated platform sent. */
export interface SimulatedMail {
  readonly to: readonly string[];
  readonly subject: string;
  readonly kind: string;
}

/** The eHealth simulator answering in this process through msw (ARCHITECTURE.md "The fakes sit at the boundary"). */
export interface InProcessSimulator extends SimulatedEhealth {
  /** The simulated clock, shared with the client so that issuing delays can be skipped. */
  readonly clock: Clock;
  /** The issuing delay of the simulated platform (validation to delivery). */
  readonly issuanceDelayMs: number;
  /** Moves the simulated time forward and runs what became due (the demo skips the issuing delay). */
  advance(ms: number): Promise<void>;
  /** The e-mails the platform "sent" (request received, certificate ready...). */
  mails(): readonly SimulatedMail[];
  /** Stops msw, writes the state a last time and releases the simulator's temporary files; idempotent. */
  close(): Promise<void>;
}

/** An in-process simulator with the simulator itself, for tests that drive it (admin operations). */
export interface StartedInProcessSimulator extends InProcessSimulator {
  readonly simulator: EhealthSimulator;
}

/** The simulator's "no such pending request" (a RangeError) as the REQUEST_NOT_FOUND a front end reports. */
async function waitingOrNotFound<T>(reference: string, decide: () => Promise<T>): Promise<T> {
  try {
    return await decide();
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new EhealthCertError('REQUEST_NOT_FOUND', `No request ${reference} waits for a manual validation by the support team (${error.message}).`, {
      reference,
    });
  }
}

/**
 * The support team of a simulator in this process (DOMAIN.md 2.4 item 5): approval checks the
 * request against the authentic sources and may turn into a refusal; an unknown reference is
 * REQUEST_NOT_FOUND. `afterDecision` runs after each decision (the state file is saved).
 */
export function simulatorSupportTeam(simulator: EhealthSimulator, afterDecision: () => Promise<void> = async () => {}): SimulatedSupportTeam {
  return {
    approve: async (reference) => {
      const review = await waitingOrNotFound(reference, () => simulator.approve(reference));
      await afterDecision();
      return review;
    },
    refuse: async (reference, reason) => {
      await waitingOrNotFound(reference, async () => simulator.refuse(reference, reason));
      await afterDecision();
      return { decision: 'REFUSED', reason };
    },
  };
}

/** Where the state of an in-process simulator goes. */
export interface InProcessSimulatorOptions {
  /** A folder whose state file is loaded at start and rewritten after each change (the CLI's demo --dir). */
  readonly stateDir?: string;
}

/** The state file of the in-process simulator in `stateDir`. */
export const SIMULATOR_STATE_FILE = 'simulator-state.json';

/**
 * Starts the eHealth simulator with msw intercepting fetch to its base URL and to the real ACC and
 * PRD hosts, so nothing can reach eHealth by mistake; other requests (a test calling a loopback
 * server) pass through. With `stateDir`, its state (CA, requests, clock, mailbox) is loaded from
 * and saved to a JSON file there.
 */
export async function startInProcessSimulator(options: InProcessSimulatorOptions = {}): Promise<StartedInProcessSimulator> {
  const { stateDir } = options;
  const stateFile = stateDir === undefined ? undefined : join(stateDir, SIMULATOR_STATE_FILE);
  const state = stateFile !== undefined && existsSync(stateFile) ? (JSON.parse(await readFile(stateFile, 'utf8')) as SimulatorState) : undefined;
  const simulator = await EhealthSimulator.create(state ? { state } : {});
  let saving: Promise<void> = Promise.resolve();
  const save = () => {
    if (stateDir === undefined || stateFile === undefined) return saving;
    const text = JSON.stringify(simulator.toState());
    // Written to a temporary file then renamed: a crash never leaves half a state file.
    saving = saving.then(async () => {
      // Issue 13: the state holds the simulated CA's keys and every request: owner-only.
      await mkdirOwnerOnly(stateDir);
      await writeFileOwnerOnly(`${stateFile}.tmp`, text);
      await rename(`${stateFile}.tmp`, stateFile);
    });
    return saving;
  };
  simulator.onChange(() => void save());
  await save();

  const baseUrl = DEFAULT_SIMULATOR_BASE_URL;
  const server = setupServer(...createEhealthHandlers(simulator, { baseUrls: [baseUrl], includeRealHosts: true }));
  server.listen({ onUnhandledRequest: 'bypass' });
  let closing: Promise<void> | undefined;
  return {
    baseUrl,
    clock: simulator.clock,
    trustAnchors: simulator.trustAnchors(),
    issuanceDelayMs: simulator.timings.issuanceDelayMs,
    simulator,
    advance: async (ms) => {
      await simulator.advance(ms);
      await save();
    },
    mails: () => simulator.mailbox.list(),
    supportTeam: simulatorSupportTeam(simulator, save),
    close: () =>
      (closing ??= (async () => {
        server.close();
        await save();
        // Releases the XSD validator's temporary folder.
        simulator.close();
      })()),
  };
}
