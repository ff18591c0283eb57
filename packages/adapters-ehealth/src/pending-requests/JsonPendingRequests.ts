import { join } from 'node:path';
import { type Clock, EhealthCertError, type PendingRequest, type PendingRequests } from '@ehealth-cert/core';
import { replaceFileAtomically } from '../keystore/AtomicFile.js';
import { fileTimestamp } from '../keystore/fileTimestamp.js';
import { type KeystoreFileSystem, nodeKeystoreFileSystem } from '../keystore/KeystoreFileSystem.js';

/** Settings of the pending-requests record. */
export interface JsonPendingRequestsOptions {
  /** The keystore folder; the record is `pending-requests.json` in it. */
  readonly folder: string;
  readonly clock?: Clock;
  readonly fileSystem?: KeystoreFileSystem;
}

/** The record's file name in the keystore folder. */
export const PENDING_REQUESTS_FILE = 'pending-requests.json';

const ENVIRONMENTS = new Set(['prd', 'acc', 'sim']);
const STATUSES = new Set(['sent', 'pending', 'issued', 'completed', 'refused']);

type Stored = Omit<PendingRequest, 'requestedAt' | 'lastCheckedAt'> & { requestedAt: string; lastCheckedAt?: string };

function fromStored(value: unknown): PendingRequest {
  const stored = value as Partial<Stored>;
  const text = (field: keyof Stored): string => {
    const v = stored[field];
    if (typeof v !== 'string') throw new Error(`${field} is not a string`);
    return v;
  };
  const date = (v: string): Date => {
    const d = new Date(v);
    if (Number.isNaN(d.getTime())) throw new Error(`${v} is not a date`);
    return d;
  };
  if (!ENVIRONMENTS.has(text('environment'))) throw new Error('bad environment');
  if (!STATUSES.has(text('lastStatus'))) throw new Error('bad lastStatus');
  if (typeof stored.automaticallyValidated !== 'boolean') throw new Error('automaticallyValidated is not a boolean');
  return {
    reference: text('reference'),
    environment: stored.environment!,
    certificateName: text('certificateName'),
    dn: text('dn'),
    keystorePath: text('keystorePath'),
    requestedAt: date(text('requestedAt')),
    automaticallyValidated: stored.automaticallyValidated,
    lastStatus: stored.lastStatus!,
    ...(stored.lastCheckedAt !== undefined && { lastCheckedAt: date(stored.lastCheckedAt) }),
  };
}

/**
 * The record of requests sent and not yet completed (issue 5), a small JSON file written atomically
 * beside the keystores. A damaged file never throws to readers: it is moved aside as
 * `.corrupt-<timestamp>` and the record starts empty, since completion can rebuild from the keystore.
 */
export class JsonPendingRequests implements PendingRequests {
  readonly path: string;
  private readonly folder: string;
  private readonly clock: Clock;
  private readonly fs: KeystoreFileSystem;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: JsonPendingRequestsOptions) {
    this.folder = options.folder;
    this.path = join(options.folder, PENDING_REQUESTS_FILE);
    this.clock = options.clock ?? { now: () => new Date() };
    this.fs = options.fileSystem ?? nodeKeystoreFileSystem;
  }

  record(request: PendingRequest): Promise<void> {
    return this.serial(async () => {
      const requests = (await this.read()).filter((existing) => existing.reference !== request.reference);
      await this.write([...requests, request]);
    });
  }

  update(reference: string, change: Partial<Pick<PendingRequest, 'lastStatus' | 'lastCheckedAt' | 'keystorePath'>>): Promise<void> {
    return this.serial(async () => {
      const requests = await this.read();
      const index = requests.findIndex((request) => request.reference === reference);
      if (index === -1) {
        throw new EhealthCertError('REQUEST_NOT_FOUND', `No pending request with reference ${reference} in ${this.path}`, { reference });
      }
      requests[index] = { ...requests[index]!, ...change };
      await this.write(requests);
    });
  }

  get(reference: string): Promise<PendingRequest | undefined> {
    const wanted = reference.toLowerCase();
    return this.serial(async () => (await this.read()).find((request) => request.reference.toLowerCase() === wanted));
  }

  list(): Promise<readonly PendingRequest[]> {
    return this.serial(() => this.read());
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async read(): Promise<PendingRequest[]> {
    let bytes: Buffer;
    try {
      bytes = await this.fs.readFile(this.path);
    } catch {
      return []; // Absent or unreadable: nothing recorded that we can use.
    }
    try {
      const parsed = JSON.parse(bytes.toString('utf8')) as { version?: unknown; requests?: unknown };
      if (parsed.version !== 1 || !Array.isArray(parsed.requests)) throw new Error('not a version 1 record');
      return parsed.requests.map(fromStored);
    } catch {
      await this.moveAside();
      return [];
    }
  }

  private async moveAside(): Promise<void> {
    const aside = `${this.path}.corrupt-${fileTimestamp(this.clock.now())}`;
    for (let sequence = 1; sequence < 100; sequence++) {
      try {
        await this.fs.link(this.path, sequence > 1 ? `${aside}-${sequence}` : aside);
        await this.fs.unlink(this.path);
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return; // Best effort: readers still get [].
      }
    }
  }

  private async write(requests: readonly PendingRequest[]): Promise<void> {
    const stored = requests.map((request) => ({
      ...request,
      requestedAt: request.requestedAt.toISOString(),
      ...(request.lastCheckedAt !== undefined && { lastCheckedAt: request.lastCheckedAt.toISOString() }),
    }));
    try {
      await this.fs.mkdir(this.folder, 0o700);
      await replaceFileAtomically(this.fs, this.path, Buffer.from(`${JSON.stringify({ version: 1, requests: stored }, null, 2)}\n`));
    } catch (error) {
      throw new EhealthCertError('KEYSTORE_WRITE_FAILED', `Cannot write ${this.path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { path: this.path }, { cause: error });
    }
  }
}
