import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { provisionFakeEid, startInProcessSimulator, type FakeEid, type InProcessSimulator } from '@ehealth-cert/simulator';
import { simCardEnv } from './simCardEnv.js';

/** Step 10's contact data, as flags, for scripted runs against the simulator. */
export const SIM_CONTACT = ['--email-private', 'alice@example.org', '--email-general', 'info@ambulance.example.org', '--phone-private', '02 555 01 23'] as const;

/** What a suite of in-process `ehealth-cert` runs shares: a folder, a fake card, its environment, the simulator. */
export interface SimCli {
  readonly dir: string;
  readonly card: FakeEid;
  readonly env: Record<string, string>;
  readonly simulator: InProcessSimulator;
}

/** A fresh folder (`prefix` + random) with a fake eID in it, the scripted environment of simCardEnv, and an in-process simulator. */
export async function startSimCli(prefix: string, options: { lang: string; password: string }): Promise<SimCli> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const card = await provisionFakeEid({ dir: join(dir, 'card') });
  return { dir, card, env: simCardEnv(dir, card, options), simulator: await startInProcessSimulator() };
}

/** Stops the simulator (idempotent) and removes the folder; safe after a failed start. */
export async function stopSimCli(sim: Partial<Pick<SimCli, 'dir' | 'simulator'>>): Promise<void> {
  await sim.simulator?.close();
  if (sim.dir !== undefined) await rm(sim.dir, { recursive: true, force: true });
}
