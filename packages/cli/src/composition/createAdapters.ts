import { dirname } from 'node:path';
import {
  type CertificateRegistry,
  type Clock,
  type EidCard,
  type EtkRegistry,
  type KeyFactory,
  type KeystoreVault,
  type PendingRequests,
} from '@ehealth-cert/core';
import type { CliSettings } from '../settings/CliSettings.js';
import { loopbackSimulatorClock, trustAnchors } from './loopbackSimulator.js';
import { startInProcessSimulator, type InProcessSimulator } from './startInProcessSimulator.js';

/** One adapter per port, plus the in-process simulator when there is one. */
export interface Adapters {
  readonly card: EidCard;
  readonly registry: CertificateRegistry;
  readonly etkRegistry: EtkRegistry;
  readonly keys: KeyFactory;
  readonly vault: KeystoreVault;
  readonly pending: PendingRequests;
  readonly clock: Clock;
  readonly simulator?: InProcessSimulator;
  close(): Promise<void>;
}

const systemClock: Clock = { now: () => new Date() };

/**
 * Builds the adapters the settings choose. The heavy modules (pkcs11js, pkijs, msw, the simulator)
 * are imported here, when a command needs them, never at start-up (TOOLCHAIN.md 3).
 */
export async function createAdapters(settings: CliSettings, overrides: Partial<Adapters> = {}): Promise<Adapters> {
  // SoftHSM reads SOFTHSM2_CONF when the module is initialised (TOOLCHAIN.md 4): the native
  // environment must hold it before the first card operation.
  if (settings.softhsmConf !== undefined) process.env['SOFTHSM2_CONF'] = settings.softhsmConf;

  const simulator =
    overrides.simulator ??
    (settings.env === 'sim' && settings.endpointBase === undefined && overrides.registry === undefined
      ? await startInProcessSimulator(settings)
      : undefined);
  const clock = overrides.clock ?? simulator?.clock ?? settings.clock ?? (await loopbackSimulatorClock(settings)) ?? systemClock;
  const environment = settings.env;

  const ehealth = await import('@ehealth-cert/adapters-ehealth');
  const endpoints =
    settings.endpointBase !== undefined
      ? ehealth.endpointsFromBase(settings.endpointBase)
      : simulator !== undefined
        ? ehealth.endpointsFromBase(simulator.baseUrl)
        : ehealth.ehealthEndpoints(environment === 'sim' ? 'acc' : environment, '');

  // A SoftHSM fake card in sim mode goes through the simulator's PIN-locking wrapper, so that it
  // blocks after 3 wrong PINs and can be "pulled out" like an eID (TOOLCHAIN.md 4, issue 3).
  const fakeCardDir = settings.env === 'sim' && settings.softhsmConf !== undefined ? dirname(settings.softhsmConf) : undefined;
  const PinLocking = fakeCardDir !== undefined ? (await import('@ehealth-cert/simulator')).PinLockingPkcs11 : undefined;
  const card =
    overrides.card ??
    new (await import('@ehealth-cert/adapters-eid')).Pkcs11EidCard({
      ...(PinLocking !== undefined && fakeCardDir !== undefined ? { moduleFactory: () => new PinLocking(fakeCardDir) } : {}),
      ...(settings.pkcs11Module !== undefined ? { pkcs11Module: settings.pkcs11Module } : {}),
      ...(settings.cardSerial !== undefined ? { tokenSerial: settings.cardSerial } : {}),
      env: settings.processEnv ?? process.env,
    });

  // EHEALTH_CERT_TRUST_ANCHORS adds PEM roots (acc has none built in); sim replaces the built-in ones.
  const keys = overrides.keys ?? new ehealth.NodeKeyFactory({ ...ehealth.trustAnchorsFor(settings.env, settings.processEnv ?? process.env), ...(await trustAnchors(settings, simulator)) });
  return {
    card,
    registry: overrides.registry ?? new ehealth.SoapCertificateRegistry({ endpoints, clock }),
    etkRegistry: overrides.etkRegistry ?? new ehealth.SoapEtkRegistry({ endpoints, clock }),
    keys,
    // Pkcs12KeystoreVault reads a pending key back with its C=Dummy placeholder as the chain
    // (DOMAIN.md 2.4 item 9), which is how completion recognises a pending request.
    vault: overrides.vault ?? new ehealth.Pkcs12KeystoreVault({ environment, folder: settings.keystoreDir, clock }),
    pending: overrides.pending ?? new ehealth.JsonPendingRequests({ folder: settings.keystoreDir, clock }),
    clock,
    ...(simulator !== undefined ? { simulator } : {}),
    close: async () => {
      // A simulator handed in (the demo's) belongs to the caller, which closes it.
      if (overrides.simulator === undefined) await simulator?.close();
    },
  };
}
