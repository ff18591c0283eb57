import type { Bytes, Clock } from '@ehealth-cert/core';

/**
 * What a front end in env `sim` points its eHealth adapters at (ARCHITECTURE.md "Composition"):
 * where the simulator answers, the fake eHealth root the issued chains end at, and its clock.
 */
export interface SimulatedEhealth {
  /** The base URL the SOAP clients are pointed at (msw intercepts it, or a loopback server answers). */
  readonly baseUrl: string;
  /** The simulator's fake eHealth root CA as DER: the trust anchor of the issued chains. */
  readonly trustAnchors: readonly Bytes[];
  /** The simulated clock; absent, the client keeps its own. */
  readonly clock?: Clock;
  /** eHealth's support team, who approve or refuse manual (8M/9M) requests; absent, none can be played. */
  readonly supportTeam?: SimulatedSupportTeam;
}

/** What the support team decided on a manual request. */
export type SupportDecision = { readonly decision: 'APPROVED' } | { readonly decision: 'REFUSED'; readonly reason: string };

/**
 * The simulated eHealth support team (DOMAIN.md 2.4 item 5): a manual request waits for them.
 * `approve` checks the request against the authentic sources (the identifier is of that type, the
 * name its official name) and may turn into a refusal with the reason; `refuse` always refuses.
 * Both throw REQUEST_NOT_FOUND when no request with that reference waits for a validation.
 */
export interface SimulatedSupportTeam {
  approve(reference: string): Promise<SupportDecision>;
  refuse(reference: string, reason: string): Promise<SupportDecision>;
}
