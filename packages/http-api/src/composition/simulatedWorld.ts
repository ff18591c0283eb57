import type { Clock } from '@ehealth-cert/core';
import type { EhealthSimulator, FakeEid, SimulatedEhealth } from '@ehealth-cert/simulator';
import type { ApiSettings } from '../server/ApiSettings.js';

export type { SimulatedEhealth };

/** What env `sim` adds: the simulated eHealth and, if needed, a fake card. */
export interface SimulatedWorld extends SimulatedEhealth {
  /** The in-process simulator (absent when a loopback one at `endpointBase` answers). */
  readonly simulator?: EhealthSimulator;
  /** The SoftHSM card made for this server (absent when a PKCS#11 module was configured). */
  readonly fakeCard?: FakeEid;
  close(): Promise<void>;
}

/**
 * Env `sim` (ARCHITECTURE.md "Composition"): the simulator at EHEALTH_CERT_ENDPOINT_BASE when
 * set, otherwise one in this process behind msw; and, without a configured PKCS#11 module, a fresh
 * fake eID on SoftHSM in a temporary folder, removed at close. A loopback simulator's clock is
 * asked only when the caller brings none. The simulator package is imported
 * only here, so prd/acc servers never load it.
 */
export async function startSimulatedWorld(settings: ApiSettings, options: { readonly withCard: boolean; readonly clock?: Clock }): Promise<SimulatedWorld> {
  const sim = await import('@ehealth-cert/simulator');
  const closers: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const closer of closers.reverse()) await closer();
  };
  try {
    const fakeCard = options.withCard && settings.pkcs11Module === undefined ? await sim.provisionTemporaryFakeEid() : undefined;
    if (fakeCard !== undefined) closers.push(fakeCard.remove);
    const withCard = fakeCard === undefined ? {} : { fakeCard };
    if (settings.endpointBase !== undefined) {
      const { pemCertificates } = await import('@ehealth-cert/adapters-ehealth');
      const loopback = await sim.connectLoopbackSimulator(settings.endpointBase, pemCertificates, options.clock === undefined ? {} : { clock: options.clock });
      return { ...loopback, ...withCard, close };
    }
    const inProcess = await sim.startInProcessSimulator();
    closers.push(inProcess.close);
    const { baseUrl, trustAnchors, clock, simulator, supportTeam } = inProcess;
    return { baseUrl, trustAnchors, clock, simulator, supportTeam, ...withCard, close };
  } catch (error) {
    await close();
    throw error;
  }
}
