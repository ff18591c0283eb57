import { chmod, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { EhealthCertError, type Clock, type UseCasePorts } from '@ehealth-cert/core';
import type { InProcessSimulator, SimulatedEhealth } from '@ehealth-cert/simulator';
import type { CliSettings } from '../settings/CliSettings.js';

/** One adapter per port, plus the in-process simulator when there is one. */
export interface Adapters extends Omit<UseCasePorts, 'progress'> {
  readonly simulator?: InProcessSimulator;
  close(): Promise<void>;
}

// `sleep`: the bounded waits of the use cases (ETKDepot publication checks after an ETK registration).
const systemClock: Clock = { now: () => new Date(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

/** Folder, inside the keystore folder, where the in-process simulator keeps its state between runs. */
export const SIM_STATE_FOLDER = '.ehealth-sim';

/**
 * The in-process simulator's state folder: EHEALTH_CERT_SIM_STATE_DIR, else `.ehealth-sim` in the
 * keystore folder, so that `request` and a later `complete`, `status` or `renew` (separate runs)
 * meet the same simulated eHealth: its CA, requests and clock. Owner-only (0700): it holds the
 * simulated CA's keys and the requests' contact data.
 */
async function simulatorStateDir(settings: CliSettings): Promise<string> {
  const dir = settings.simulatorStateDir ?? join(settings.keystoreDir, SIM_STATE_FOLDER);
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    if (settings.simulatorStateDir === undefined) await chmod(dir, 0o700);
  } catch (error) {
    throw new EhealthCertError('KEYSTORE_WRITE_FAILED', `The simulator state folder ${dir} cannot be created`, { folder: dir }, { cause: error });
  }
  return dir;
}

/**
 * Builds the adapters the settings choose. The heavy modules (pkcs11js, pkijs, msw, the simulator)
 * are imported here, when a command needs them, never at start-up (TOOLCHAIN.md 3).
 */
export async function createAdapters(settings: CliSettings, overrides: Partial<Adapters> = {}): Promise<Adapters> {
  // SoftHSM reads SOFTHSM2_CONF when the module is initialised (TOOLCHAIN.md 4): the native
  // environment must hold it before the first card operation.
  if (settings.softhsmConf !== undefined) process.env['SOFTHSM2_CONF'] = settings.softhsmConf;
  const ehealth = await import('@ehealth-cert/adapters-ehealth');
  const sim = settings.env === 'sim' ? await import('@ehealth-cert/simulator') : undefined;

  // Env sim: the simulator handed in (the demo's), the one at EHEALTH_CERT_ENDPOINT_BASE
  // (`ehealth-sim serve`), or one in this process behind msw whose state persists between runs.
  const started =
    sim !== undefined && overrides.simulator === undefined && settings.endpointBase === undefined && overrides.registry === undefined
      ? await sim.startInProcessSimulator({ stateDir: await simulatorStateDir(settings) })
      : undefined;
  const simulator = overrides.simulator ?? started;
  // A clock handed in (tests, features) wins; the loopback simulator's is then not asked.
  const given = overrides.clock ?? settings.clock;
  const simulated: SimulatedEhealth | undefined =
    simulator ??
    (sim !== undefined && settings.endpointBase !== undefined
      ? await sim.connectLoopbackSimulator(settings.endpointBase, ehealth.pemCertificates, given === undefined ? {} : { clock: given })
      : undefined);
  const clock = given ?? simulated?.clock ?? systemClock;

  // In sim the simulator's base URL and fake eHealth root replace the published hosts and roots.
  const endpointBase = simulated?.baseUrl ?? settings.endpointBase;
  const processEnv = settings.processEnv ?? process.env;
  const ehealthPorts = ehealth.createEhealthAdapters(
    { environment: settings.env, endpointBase, keystoreDir: settings.keystoreDir, clock, trustAnchors: simulated?.trustAnchors, processEnv },
    overrides,
  );

  // A SoftHSM fake card in sim mode goes through the simulator's PIN-locking wrapper (issue 3).
  const card =
    overrides.card ??
    new (await import('@ehealth-cert/adapters-eid')).Pkcs11EidCard({
      ...(sim !== undefined && settings.softhsmConf !== undefined ? { moduleFactory: sim.fakeCardModule(settings.softhsmConf) } : {}),
      ...(settings.pkcs11Module !== undefined ? { pkcs11Module: settings.pkcs11Module } : {}),
      ...(settings.cardSerial !== undefined ? { tokenSerial: settings.cardSerial } : {}),
      env: processEnv,
    });
  return {
    card,
    ...ehealthPorts,
    clock,
    ...(simulator !== undefined ? { simulator } : {}),
    // A simulator handed in (the demo's) belongs to the caller, which closes it.
    close: async () => started?.close(),
  };
}
