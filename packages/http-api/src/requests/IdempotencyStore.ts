import { createHash } from 'node:crypto';
import { ApiError } from '../errors/ApiError.js';

/** Body fields left out of the fingerprint: a secret is never hashed into memory. */
const SECRET_FIELDS = new Set(['pin', 'password', 'oldPassword', 'newPassword']);

interface Entry {
  readonly fingerprint: string;
  readonly jobId: string;
  readonly createdAt: number;
}

/**
 * `Idempotency-Key` (draft-ietf-httpapi-idempotency-key-header): the first POST with a key starts
 * the job, a retry with the same key and body gets the same job back, so GenerateCertificate is
 * sent to eHealth once whatever the client retries. The same key with another body is refused.
 */
export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs = 24 * 3600_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The job already started for `key`, or the one `start` starts now. */
  jobFor(scope: string, key: string, body: unknown, start: () => string): { jobId: string; replayed: boolean } {
    this.expire();
    const fingerprint = fingerprintOf(body);
    const existing = this.entries.get(`${scope} ${key}`);
    if (existing !== undefined) {
      if (existing.fingerprint !== fingerprint) {
        throw new ApiError(
          'IDEMPOTENCY_KEY_REUSED',
          `Idempotency-Key "${key}" was already used with another request body; use a new key for a new request.`,
          { field: 'headers.idempotency-key' },
        );
      }
      return { jobId: existing.jobId, replayed: true };
    }
    const jobId = start();
    this.entries.set(`${scope} ${key}`, { fingerprint, jobId, createdAt: this.now() });
    return { jobId, replayed: false };
  }

  private expire(): void {
    const oldest = this.now() - this.ttlMs;
    for (const [key, entry] of this.entries) {
      if (entry.createdAt < oldest) {
        this.entries.delete(key);
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
