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
}
