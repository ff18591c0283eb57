import { chmod, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { EhealthCertError, type Clock, type EidCard, type UseCasePorts } from '@ehealth-cert/core';
import type { EhealthSimulator, FakeEid, SimulatedEhealth } from '@ehealth-cert/simulator';
import type { PortSettings } from './PortSettings.js';

/** Every port but the person-facing ones (Progress; PIN entry and review come with each call). */
export type Ports = Omit<UseCasePorts, 'progress'>;

/** Ports a caller brings instead of the built ones (tests, features, the demo), and a simulated eHealth it runs. */
export interface PortOverrides extends Partial<Ports> {
  /** A simulated eHealth the caller runs and closes (the demo's, a scenario's): no other is started. */
  readonly simulator?: SimulatedEhealth;
}

/** What env `sim` started or connected to. */
export interface SimulatedWorld extends SimulatedEhealth {
  /** The in-process simulator (absent when a loopback one at `endpointBase` answers, or one was handed in). */
  readonly simulator?: EhealthSimulator;
  /** The temporary SoftHSM card made for this composition (absent when a card was configured or handed in). */
  readonly fakeCard?: FakeEid;
}

/** The built ports, what env `sim` added, and how to release them. */
export interface ComposedPorts {
  readonly ports: Ports;
  /** Present in env `sim` unless the caller brought the eHealth side. */
  readonly simulated?: SimulatedWorld;
  /** Stops what was started here (msw, the in-process simulator, the temporary card folder); idempotent. */
  close(): Promise<void>;
}

/** Folder, inside the keystore folder, where the in-process simulator keeps its state. */
export const SIM_STATE_FOLDER = '.ehealth-sim';

// `sleep`: the bounded waits of the use cases (ETKDepot publication checks after an ETK registration).
const systemClock: Clock = { now: () => new Date(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

/**
 * The in-process simulator's state folder: `simulatorStateDir`, else `.ehealth-sim` in the
 * keystore folder. Owner-only (0700): it holds the simulated CA's keys and the requests' contact data.
 */
async function simulatorStateDir(settings: PortSettings): Promise<string> {
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
 * Builds every adapter the settings choose, for every front end alike (docs/decisions/0014):
 *
 * - prd/acc: the published eHealth hosts (or `endpointBase`) and their trust anchors, the PKCS#11
 *   eID (`pkcs11Module`, else discovery; `cardSerial` among several).
 * - sim: eHealth is the simulator at `endpointBase` (`ehealth-sim serve`) when set, else one in
 *   this process behind msw whose state is kept in `<keystoreDir>/.ehealth-sim` (or
 *   `simulatorStateDir`), so that separate runs and server restarts meet the same simulated
 *   eHealth; the card is the configured one (`softhsmConf` and/or `pkcs11Module`, a SoftHSM card
 *   counting wrong PINs like an eID), else a fresh fake eID (PIN 1234) in a temporary folder,
 *   removed at close.
 *
 * Overrides win port by port; a simulator handed in, or a registry, means no simulator is started.
 * The heavy modules (pkcs11js, pkijs, msw, the simulator) are imported here, when a front end
 * composes, never when it loads (TOOLCHAIN.md 3).
 */
export async function createPorts(settings: PortSettings, overrides: PortOverrides = {}): Promise<ComposedPorts> {
  const processEnv = settings.processEnv ?? process.env;
  // SoftHSM reads SOFTHSM2_CONF when the module is initialised (TOOLCHAIN.md 4).
  if (settings.softhsmConf !== undefined) process.env['SOFTHSM2_CONF'] = settings.softhsmConf;
  const ehealth = await import('@ehealth-cert/adapters-ehealth');
  const sim = settings.env === 'sim' ? await import('@ehealth-cert/simulator') : undefined;
  const closers: (() => Promise<void>)[] = [];
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      for (const closer of closers.reverse()) await closer();
    })());

  try {
    let fakeCard: FakeEid | undefined;
    let ehealthSide: (SimulatedEhealth & { readonly simulator?: EhealthSimulator }) | undefined;
    if (sim !== undefined) {
      if (overrides.card === undefined && settings.pkcs11Module === undefined && settings.softhsmConf === undefined) {
        fakeCard = await sim.provisionTemporaryFakeEid();
        closers.push(fakeCard.remove);
      }
      // A clock handed in (tests, features) wins; the loopback simulator's is then not asked.
      const given = overrides.clock ?? settings.clock;
      if (overrides.simulator !== undefined) {
        ehealthSide = overrides.simulator;
      } else if (overrides.registry !== undefined) {
        ehealthSide = undefined;
      } else if (settings.endpointBase !== undefined) {
        ehealthSide = await sim.connectLoopbackSimulator(settings.endpointBase, ehealth.pemCertificates, given === undefined ? {} : { clock: given });
      } else {
        const inProcess = await sim.startInProcessSimulator({ stateDir: await simulatorStateDir(settings) });
        closers.push(inProcess.close);
        ehealthSide = inProcess;
      }
    }
    const clock = overrides.clock ?? settings.clock ?? ehealthSide?.clock ?? systemClock;

    // In sim the simulator's base URL and fake eHealth root replace the published hosts and roots.
    const ehealthPorts = ehealth.createEhealthAdapters(
      {
        environment: settings.env,
        endpointBase: ehealthSide?.baseUrl ?? settings.endpointBase,
        keystoreDir: settings.keystoreDir,
        clock,
        trustAnchors: ehealthSide?.trustAnchors,
        processEnv,
      },
      overrides,
    );
    const card = overrides.card ?? (await eidCard(settings, processEnv, fakeCard));
    const simulated: SimulatedWorld | undefined =
      ehealthSide === undefined
        ? undefined
        : {
            baseUrl: ehealthSide.baseUrl,
            trustAnchors: ehealthSide.trustAnchors,
            ...(ehealthSide.clock === undefined ? {} : { clock: ehealthSide.clock }),
            ...(ehealthSide.simulator === undefined ? {} : { simulator: ehealthSide.simulator }),
            ...(ehealthSide.supportTeam === undefined ? {} : { supportTeam: ehealthSide.supportTeam }),
            ...(fakeCard === undefined ? {} : { fakeCard }),
          };
    return {
      ports: { card, ...ehealthPorts, clock },
      ...(simulated === undefined ? {} : { simulated }),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

async function eidCard(settings: PortSettings, processEnv: Readonly<Record<string, string | undefined>>, fake: FakeEid | undefined): Promise<EidCard> {
  const { Pkcs11EidCard } = await import('@ehealth-cert/adapters-eid');
  if (fake !== undefined) process.env['SOFTHSM2_CONF'] = fake.softhsmConf;
  // A SoftHSM card in sim goes through PinLockingPkcs11, which counts wrong PINs like a real eID
  // (SoftHSM alone never blocks).
  const softhsmConf = fake?.softhsmConf ?? (settings.env === 'sim' ? settings.softhsmConf : undefined);
  const moduleFactory = softhsmConf === undefined ? undefined : (await import('@ehealth-cert/simulator')).fakeCardModule(softhsmConf);
  const pkcs11Module = fake?.modulePath ?? settings.pkcs11Module;
  return new Pkcs11EidCard({
    ...(pkcs11Module === undefined ? {} : { pkcs11Module }),
    ...(moduleFactory === undefined ? {} : { moduleFactory }),
    ...(settings.cardSerial === undefined || fake !== undefined ? {} : { tokenSerial: settings.cardSerial }),
    env: { ...processEnv, ...fake?.env },
  });
}
