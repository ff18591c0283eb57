import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EhealthCertError, type Bytes, type Clock } from '@ehealth-cert/core';
import type { EhealthSimulator, FakeEid } from '@ehealth-cert/simulator';
import type { ApiSettings } from '../server/ApiSettings.js';

/** Where a simulated eHealth answers, what it is trusted by, and its clock (the CLI's InProcessSimulator shape). */
export interface SimulatedEhealth {
  readonly baseUrl: string;
  readonly trustAnchors: readonly Bytes[];
  readonly clock?: Clock;
}

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
 * set, otherwise one in this process behind msw (which also catches the real ACC and PRD hosts,
 * so nothing reaches eHealth by mistake); and, without a configured PKCS#11 module, a fresh fake
 * eID on SoftHSM in a temporary folder, removed at close. The simulator and msw are imported only
 * here, so prd/acc servers never load them.
 */
export async function startSimulatedWorld(settings: ApiSettings, options: { readonly withCard: boolean }): Promise<SimulatedWorld> {
  const closers: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const closer of closers.reverse()) await closer();
  };
  try {
    const simulatorPackage = await import('@ehealth-cert/simulator');
    let fakeCard: FakeEid | undefined;
    if (options.withCard && settings.pkcs11Module === undefined) {
      const dir = await mkdtemp(join(tmpdir(), 'ehealth-cert-api-card-'));
      closers.push(() => rm(dir, { recursive: true, force: true }));
      fakeCard = await simulatorPackage.provisionFakeEid({ dir });
    }
    if (settings.endpointBase !== undefined) {
      const trustAnchors = await loopbackTrustAnchors(settings.endpointBase);
      return { baseUrl: settings.endpointBase, trustAnchors, ...(fakeCard ? { fakeCard } : {}), close };
    }
    const { setupServer } = await import('msw/node');
    const simulator = await simulatorPackage.EhealthSimulator.create({});
    const baseUrl = simulatorPackage.DEFAULT_SIMULATOR_BASE_URL;
    const interceptor = setupServer(...simulatorPackage.createEhealthHandlers(simulator, { baseUrls: [baseUrl], includeRealHosts: true }));
    // Bypass: the API's own clients (tests fetching it over loopback) are not eHealth.
    interceptor.listen({ onUnhandledRequest: 'bypass' });
    closers.push(async () => interceptor.close());
    return { baseUrl, trustAnchors: simulator.trustAnchors(), clock: simulator.clock, simulator, ...(fakeCard ? { fakeCard } : {}), close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The fake eHealth root of a loopback simulator, from its admin API (`ehealth-sim serve`). */
async function loopbackTrustAnchors(endpointBase: string): Promise<Bytes[]> {
  const url = `${endpointBase.replace(/\/+$/, '')}/admin/trust-anchors`;
  let response: Response;
  try {
    response = await fetch(url);
  } catch (cause) {
    throw new EhealthCertError('EHEALTH_UNAVAILABLE', `The simulator at ${endpointBase} does not answer (${url}).`, { url }, { cause });
  }
  if (!response.ok) {
    throw new EhealthCertError('EHEALTH_UNAVAILABLE', `The simulator at ${endpointBase} answered HTTP ${response.status} for ${url}.`, { url });
  }
  const { pemCertificates } = await import('@ehealth-cert/adapters-ehealth');
  return pemCertificates(await response.text());
}
