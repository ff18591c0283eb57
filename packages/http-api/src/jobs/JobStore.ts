import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Progress, ProgressEvent } from '@ehealth-cert/core';
import { problemFromError } from '../errors/ProblemDocument.js';
import type { Job, JobStep } from './Job.js';

/** Progress events kept per job: a request reports about twenty. */
const MAX_STEPS = 100;

/**
 * The jobs of this process, in memory. Keeps at most `capacity` jobs and forgets the oldest
 * finished ones first; a running job is never forgotten.
 */
export class JobStore {
  private readonly jobs = new Map<string, Job>();
  private readonly settled = new Map<string, Promise<Job>>();
  private readonly current = new AsyncLocalStorage<string>();

  /**
   * The Progress port to give the use cases: an event reported while a job runs is added to that
   * job (AsyncLocalStorage follows the job's awaits), so that one use case instance serves every job.
   * Details are left out: they are for logs, and a job is shown to any token holder.
   */
  readonly progress: Progress = {
    report: (event: ProgressEvent) => {
      const id = this.current.getStore();
      const job = id === undefined ? undefined : this.jobs.get(id);
      if (job === undefined || job.status !== 'running') {
        return;
      }
      const step: JobStep = { ...(event.step === undefined ? {} : { step: event.step }), activity: event.activity, phase: event.phase };
      this.jobs.set(job.id, { ...job, progress: [...job.progress, step].slice(-MAX_STEPS) });
    },
  };

  private readonly now: () => Date;
  private readonly capacity: number;
  /** Told of every failure, so that server-side ones reach the log with their cause. */
  onFailure: (error: unknown, job: Job) => void = () => undefined;

  constructor(options: { readonly now?: () => Date; readonly capacity?: number } = {}) {
    this.now = options.now ?? (() => new Date());
    this.capacity = options.capacity ?? 1000;
  }

  /** Starts `work` now and returns the running job; its failure becomes the job's problem. */
  start(kind: string, work: () => Promise<unknown>): Job {
    const job: Job = { id: randomUUID(), kind, status: 'running', createdAt: this.now(), progress: [] };
    this.jobs.set(job.id, job);
    const latest = () => this.jobs.get(job.id) ?? job;
    const settled = this.current.run(job.id, work).then(
      (result): Job => ({ ...latest(), status: 'succeeded', finishedAt: this.now(), result }),
      (error: unknown): Job => {
        this.onFailure(error, job);
        return { ...latest(), status: 'failed', finishedAt: this.now(), problem: problemFromError(error).document };
      },
    );
    this.settled.set(
      job.id,
      settled.then((finished) => {
        this.jobs.set(job.id, finished);
        this.evict();
        return finished;
      }),
    );
    return job;
  }

  /** A job that finished in an earlier run of the server (Idempotency-Key replay). */
  replay(kind: string, outcome: Pick<Job, 'status' | 'result' | 'problem'>): Job {
    const now = this.now();
    const job: Job = { id: randomUUID(), kind, createdAt: now, finishedAt: now, progress: [], ...outcome };
    this.jobs.set(job.id, job);
    this.settled.set(job.id, Promise.resolve(job));
    this.evict();
    return job;
  }

  get(id: string): Job | undefined {
    return this.jobs.get(id);
  }

  /** Resolves with the job once it has finished (undefined for an unknown id). */
  finished(id: string): Promise<Job> | undefined {
    return this.settled.get(id);
  }

  /** The job once finished, or as it is after `timeoutMs` (RFC 7240 `Prefer: wait`). */
  async waitFor(id: string, timeoutMs: number): Promise<Job | undefined> {
    const settled = this.settled.get(id);
    if (settled === undefined || timeoutMs <= 0) {
      return this.jobs.get(id);
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), timeoutMs);
    });
    try {
      return (await Promise.race([settled, timeout])) ?? this.jobs.get(id);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Resolves when every running job has finished (graceful shutdown). */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.settled.values()]);
  }

  private evict(): void {
    for (const [id, job] of this.jobs) {
      if (this.jobs.size <= this.capacity) {
        return;
      }
      if (job.status !== 'running') {
        this.jobs.delete(id);
        this.settled.delete(id);
      }
    }
  }
}
