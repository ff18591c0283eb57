import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { EhealthCertError } from '@ehealth-cert/core';
import { ApiError } from '../errors/ApiError.js';
import { problemFromError } from '../errors/ProblemDocument.js';
import type { Job } from '../jobs/Job.js';
import type { JobStore } from '../jobs/JobStore.js';

/** Body fields left out of the fingerprint: a secret is never hashed, kept or written. */
const SECRET_FIELDS = new Set(['pin', 'password', 'oldPassword', 'newPassword']);

/** What the file keeps of a key: enough to answer a retry after a restart, no secret. */
interface KeptEntry {
  readonly id: string;
  readonly fingerprint: string;
  readonly kind: string;
  readonly createdAt: number;
  /** Absent while the job runs: found so after a restart, the job was interrupted. */
  readonly outcome?: Pick<Job, 'status' | 'result' | 'problem'>;
}

/** Options of IdempotencyStore. */
export interface IdempotencyStoreOptions {
  readonly jobs: JobStore;
  /** JSON file that keeps the keys across restarts (none: memory only). */
  readonly file?: string;
  readonly ttlMs?: number;
  readonly now?: () => number;
}

/**
 * `Idempotency-Key` (draft-ietf-httpapi-idempotency-key-header): the first POST with a key starts
 * the job, a retry with the same key and body gets that job back, so GenerateCertificate is sent
 * to eHealth once whatever the client retries. The same key with another body is refused. With a
 * file, a key is written BEFORE its job starts and its outcome when it ends, so a retry after a
 * restart gets the outcome, or REQUEST_INTERRUPTED when the server stopped mid-way (eHealth may
 * have the request: the client must look before asking again).
 */
export class IdempotencyStore {
  private readonly jobIds = new Map<string, { readonly fingerprint: string; readonly jobId: Promise<string> }>();
  private readonly kept = new Map<string, KeptEntry>();
  private writing: Promise<void> = Promise.resolve();
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(private readonly options: IdempotencyStoreOptions) {
    this.ttlMs = options.ttlMs ?? 24 * 3600_000;
    this.now = options.now ?? Date.now;
  }

  /** Reads the keys of earlier runs; a missing or damaged file means none (it is rewritten). */
  async load(): Promise<void> {
    if (this.options.file === undefined) {
      return;
    }
    try {
      const saved = JSON.parse(await readFile(this.options.file, 'utf8')) as { entries?: KeptEntry[] };
      for (const entry of saved.entries ?? []) {
        this.kept.set(entry.id, entry);
      }
    } catch {
      // No file yet, or damaged: nothing to replay.
    }
  }

  /** Resolves once every write asked so far is on disk (tests, shutdown). */
  flush(): Promise<void> {
    return this.writing;
  }

  /** The job id for `key`: the one already started (or replayed), or a new job running `work`. */
  jobFor(scope: string, key: string, body: unknown, kind: string, work: () => Promise<unknown>): Promise<string> {
    this.expire();
    const id = `${scope} ${key}`;
    const fingerprint = fingerprintOf(body);
    const live = this.jobIds.get(id);
    const earlier = live ?? this.kept.get(id);
    if (earlier !== undefined && earlier.fingerprint !== fingerprint) {
      throw new ApiError('IDEMPOTENCY_KEY_REUSED', `Idempotency-Key "${key}" was already used with another request body; use a new key for a new request.`, {
        field: 'headers.idempotency-key',
      });
    }
    if (live !== undefined) {
      return live.jobId;
    }
    const kept = this.kept.get(id);
    // Set synchronously, so that a concurrent retry finds it before anything is awaited.
    const jobId = kept === undefined ? this.start(id, fingerprint, kind, work) : Promise.resolve(this.replay(kept));
    this.jobIds.set(id, { fingerprint, jobId });
    jobId.catch(() => this.jobIds.delete(id));
    return jobId;
  }

  private async start(id: string, fingerprint: string, kind: string, work: () => Promise<unknown>): Promise<string> {
    const entry: KeptEntry = { id, fingerprint, kind, createdAt: this.now() };
    this.kept.set(id, entry);
    // Written before the job starts: a crash after this point is seen as an interruption.
    await this.save();
    const job = this.options.jobs.start(kind, work);
    void this.options.jobs.finished(job.id)?.then((finished) => {
      const { status, result, problem } = finished;
      this.kept.set(id, { ...entry, outcome: { status, ...(result === undefined ? {} : { result }), ...(problem === undefined ? {} : { problem }) } });
      // A failed write leaves the entry without outcome: a retry after a restart is then told
      // REQUEST_INTERRUPTED, the safe answer.
      return this.save().catch(() => undefined);
    });
    return job.id;
  }

  /** A finished job standing for a key of an earlier run: its outcome, or the interruption. */
  private replay(kept: KeptEntry): string {
    const interrupted = new ApiError(
      'REQUEST_INTERRUPTED',
      'The server stopped while this operation ran; eHealth may have received it. Look at GET /requests?status=pending before asking again with a new Idempotency-Key.',
      { field: 'headers.idempotency-key', see: '/requests?status=pending' },
    );
    const outcome = kept.outcome ?? { status: 'failed' as const, problem: problemFromError(interrupted).document };
    return this.options.jobs.replay(kept.kind, outcome).id;
  }

  private save(): Promise<void> {
    const file = this.options.file;
    if (file === undefined) {
      return Promise.resolve();
    }
    const text = JSON.stringify({ version: 1, entries: [...this.kept.values()] });
    // One write at a time, each complete: temp file then rename (never a half-written file).
    this.writing = this.writing.then(async () => {
      try {
        await mkdir(dirname(file), { recursive: true, mode: 0o700 });
        await writeFile(`${file}.tmp`, text, { mode: 0o600 });
        await rename(`${file}.tmp`, file);
      } catch (cause) {
        throw new EhealthCertError('KEYSTORE_WRITE_FAILED', `The Idempotency-Key record ${file} cannot be written.`, { path: file }, { cause });
      }
    });
    const written = this.writing;
    this.writing = written.catch(() => undefined);
    return written;
  }

  private expire(): void {
    const oldest = this.now() - this.ttlMs;
    for (const [id, entry] of this.kept) {
      if (entry.createdAt < oldest) {
        this.kept.delete(id);
        this.jobIds.delete(id);
      }
    }
  }
}

/** SHA-256 of the body in canonical JSON (sorted keys), secrets left out. */
function fingerprintOf(body: unknown): string {
  return createHash('sha256').update(canonical(body)).digest('hex');
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonical).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const fields = Object.entries(value as Record<string, unknown>)
      .filter(([name]) => !SECRET_FIELDS.has(name))
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, field]) => `${JSON.stringify(name)}:${canonical(field)}`);
    return `{${fields.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
