import { randomUUID } from 'node:crypto';
import { problemFromError } from '../errors/ProblemDocument.js';
import type { Job } from './Job.js';

/**
 * The jobs of this process, in memory. Keeps at most `capacity` jobs and forgets the oldest
 * finished ones first; a running job is never forgotten.
 */
export class JobStore {
  private readonly jobs = new Map<string, Job>();
  private readonly settled = new Map<string, Promise<Job>>();

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
    const job: Job = { id: randomUUID(), kind, status: 'running', createdAt: this.now() };
    this.jobs.set(job.id, job);
    const settled = work().then(
      (result): Job => ({ ...job, status: 'succeeded', finishedAt: this.now(), result }),
      (error: unknown): Job => {
        this.onFailure(error, job);
        return { ...job, status: 'failed', finishedAt: this.now(), problem: problemFromError(error).document };
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

  get(id: string): Job | undefined {
    return this.jobs.get(id);
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
