import type { ProblemDocument } from '../errors/ProblemDocument.js';

/** A long operation (a card signature, an eHealth round trip) that a client polls at /jobs/{id}. */
export interface Job {
  readonly id: string;
  /** What runs, e.g. `certificate-request`, `completion`, `revocation`. */
  readonly kind: string;
  readonly status: 'running' | 'succeeded' | 'failed';
  readonly createdAt: Date;
  readonly finishedAt?: Date;
  /** The use case's outcome when `succeeded`. */
  readonly result?: unknown;
  /** The failure when `failed`, as the synchronous routes would have answered it. */
  readonly problem?: ProblemDocument;
}
