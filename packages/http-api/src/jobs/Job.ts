import type { ManualStep } from '@ehealth-cert/core';
import type { ProblemDocument } from '../errors/ProblemDocument.js';

/** One progress event of a job: which manual step and activity started or finished. */
export interface JobStep {
  readonly step?: ManualStep;
  readonly activity: string;
  readonly phase: 'start' | 'done';
}

/** A long operation (a card signature, an eHealth round trip) that a client polls at /jobs/{id}. */
export interface Job {
  readonly id: string;
  /** What runs, e.g. `certificate-request`, `completion`, `revocation`. */
  readonly kind: string;
  readonly status: 'running' | 'succeeded' | 'failed';
  readonly createdAt: Date;
  readonly finishedAt?: Date;
  /** What the use case reported so far, oldest first (e.g. step 14 `ehealth.GenerateCertificate`). */
  readonly progress: readonly JobStep[];
  /** The use case's outcome when `succeeded`. */
  readonly result?: unknown;
  /** The failure when `failed`, as the synchronous routes would have answered it. */
  readonly problem?: ProblemDocument;
}
