import { EhealthCertError, type Bytes, type Clock } from '@ehealth-cert/core';
import type { SimulatedEhealth } from './SimulatedEhealth.js';

/** A simulator in another process (`ehealth-sim serve`), as a client sees it. */
export interface LoopbackSimulator extends SimulatedEhealth {
  /** The client's clock, following the simulator's so that renewal windows and validity dates agree. */
  readonly clock: Clock;
}

/**
 * Reads what a client needs from a loopback simulator's admin API: its clock (GET /admin/clock,
 * kept as an offset from this machine's) and its fake eHealth root (GET /admin/trust-anchors, a
 * PEM bundle parsed by `pemCertificates`: the client's own parser, adapters-ehealth's, since the
 * simulator does not share the client's code, ARCHITECTURE.md dependency rule).
 */
export async function connectLoopbackSimulator(endpointBase: string, pemCertificates: (pem: string) => Bytes[]): Promise<LoopbackSimulator> {
  const baseUrl = endpointBase.replace(/\/+$/, '');
  const [clockAnswer, anchorsAnswer] = await Promise.all([askAdmin(baseUrl, 'clock'), askAdmin(baseUrl, 'trust-anchors')]);
  const { now } = (await clockAnswer.json()) as { now: string };
  const offset = new Date(now).getTime() - Date.now();
  return {
    baseUrl: endpointBase,
    trustAnchors: pemCertificates(await anchorsAnswer.text()),
    clock: { now: () => new Date(Date.now() + offset) },
  };
}

async function askAdmin(baseUrl: string, path: string): Promise<Response> {
  const url = `${baseUrl}/admin/${path}`;
  let response: Response;
  try {
    response = await fetch(url);
  } catch (cause) {
    throw new EhealthCertError('EHEALTH_UNAVAILABLE', `The simulator at ${baseUrl} does not answer (${url}).`, { url }, { cause });
  }
  if (!response.ok) throw new EhealthCertError('EHEALTH_UNAVAILABLE', `The simulator at ${baseUrl} answered HTTP ${response.status} for ${url}.`, { url, status: response.status });
  return response;
}
