import { EhealthCertError, type Bytes, type Clock } from '@ehealth-cert/core';
import type { CliSettings } from '../settings/CliSettings.js';
import type { InProcessSimulator } from './startInProcessSimulator.js';

/** DER certificates from a PEM bundle. */
function pemCertificates(pem: string): Bytes[] {
  return [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map((m) => new Uint8Array(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64')));
}

/** GETs a JSON or text resource of the loopback simulator's admin API. */
async function askSimulator(settings: CliSettings & { endpointBase: string }, path: string): Promise<Response> {
  const url = `${settings.endpointBase.replace(/\/+$/, '')}/admin/${path}`;
  let response: Response;
  try {
    response = await fetch(url);
  } catch (cause) {
    throw new EhealthCertError('EHEALTH_UNAVAILABLE', `The simulator at ${settings.endpointBase} does not answer (${url}).`, { url }, { cause });
  }
  if (!response.ok) throw new EhealthCertError('EHEALTH_UNAVAILABLE', `The simulator at ${settings.endpointBase} answered HTTP ${response.status} for ${url}.`, { url });
  return response;
}

const isLoopbackSim = (settings: CliSettings): settings is CliSettings & { endpointBase: string } => settings.env === 'sim' && settings.endpointBase !== undefined;

/**
 * In sim mode against `ehealth-sim serve`, the client's clock follows the simulator's (GET
 * /admin/clock), so that renewal windows and validity dates agree after the clock is advanced.
 */
export async function loopbackSimulatorClock(settings: CliSettings): Promise<Clock | undefined> {
  if (!isLoopbackSim(settings)) return undefined;
  const { now } = (await (await askSimulator(settings, 'clock')).json()) as { now: string };
  const offset = new Date(now).getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

/**
 * Where an issued chain must end (KeyFactory.verifyIssuedChain): the production roots for prd, the
 * acceptance roots for acc, the simulator's fake eHealth root in sim (asked from the loopback
 * simulator's admin API when it runs in another process).
 */
export async function trustAnchors(settings: CliSettings, simulator: InProcessSimulator | undefined): Promise<{ trustAnchors?: readonly Bytes[] }> {
  if (simulator !== undefined) return { trustAnchors: simulator.trustAnchors };
  if (isLoopbackSim(settings)) return { trustAnchors: pemCertificates(await (await askSimulator(settings, 'trust-anchors')).text()) };
  // prd: NodeKeyFactory's embedded production roots. acc: none built in (DOMAIN.md 4.3), only
  // EHEALTH_CERT_TRUST_ANCHORS (ehealth.trustAnchorsFor); completion fails without it.
  return {};
}
