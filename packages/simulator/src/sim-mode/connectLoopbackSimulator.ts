import { EhealthCertError, type Bytes, type Clock } from '@ehealth-cert/core';
import type { SimulatedEhealth, SimulatedSupportTeam } from './SimulatedEhealth.js';

/** A simulator in another process (`ehealth-sim serve`), as a client sees it. */
export interface LoopbackSimulator extends SimulatedEhealth {
  /** The client's clock, following the simulator's so that renewal windows and validity dates agree. */
  readonly clock: Clock;
}

/**
 * Reads what a client needs from a loopback simulator's admin API: its fake eHealth root (GET
 * /admin/trust-anchors, a PEM bundle parsed by `pemCertificates`: the client's own parser,
 * adapters-ehealth's, since the simulator does not share the client's code, ARCHITECTURE.md
 * dependency rule) and, unless the caller brings a clock, its clock (GET /admin/clock, kept as an
 * offset from this machine's).
 */
export async function connectLoopbackSimulator(
  endpointBase: string,
  pemCertificates: (pem: string) => Bytes[],
  options: { readonly clock?: Clock } = {},
): Promise<LoopbackSimulator> {
  const baseUrl = endpointBase.replace(/\/+$/, '');
  const [anchorsAnswer, clock] = await Promise.all([askAdmin(baseUrl, 'trust-anchors'), options.clock ?? simulatorClock(baseUrl)]);
  return { baseUrl: endpointBase, trustAnchors: pemCertificates(await anchorsAnswer.text()), clock, supportTeam: loopbackSupportTeam(baseUrl) };
}

/** The support team of a loopback simulator: its admin routes POST /admin/validations/{reference}/approve|refuse. */
function loopbackSupportTeam(baseUrl: string): SimulatedSupportTeam {
  const decide = async (reference: string, action: 'approve' | 'refuse', body: object): Promise<Record<string, unknown>> => {
    const url = `${baseUrl}/admin/validations/${reference}/${action}`;
    let response: Response;
    try {
      response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    } catch (cause) {
      throw new EhealthCertError('EHEALTH_UNAVAILABLE', `The simulator at ${baseUrl} does not answer (${url}).`, { url }, { cause });
    }
    if (response.status === 404 || response.status === 400 || response.status === 409) {
      throw new EhealthCertError('REQUEST_NOT_FOUND', `No request ${reference} waits for a manual validation by the support team.`, { reference });
    }
    if (!response.ok) throw new EhealthCertError('EHEALTH_UNAVAILABLE', `The simulator at ${baseUrl} answered HTTP ${response.status} for ${url}.`, { url, status: response.status });
    return (await response.json()) as Record<string, unknown>;
  };
  return {
    approve: async (reference) => {
      const answer = await decide(reference, 'approve', {});
      return answer['decision'] === 'REFUSED' ? { decision: 'REFUSED', reason: String(answer['reason']) } : { decision: 'APPROVED' };
    },
    refuse: async (reference, reason) => {
      await decide(reference, 'refuse', { reason });
      return { decision: 'REFUSED', reason };
    },
  };
}

async function simulatorClock(baseUrl: string): Promise<Clock> {
  const { now } = (await (await askAdmin(baseUrl, 'clock')).json()) as { now: string };
  const offset = new Date(now).getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
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
