import { join } from 'node:path';
import { type Clock, EhealthCertError, PENDING_REQUEST_STATUSES, type PendingRequest, type PendingRequestChange, type PendingRequests } from '@ehealth-cert/core';
import { moveAside, replaceFileAtomically } from '../keystore/AtomicFile.js';
import { fileTimestamp } from '../keystore/fileTimestamp.js';
import { type KeystoreFileSystem, nodeKeystoreFileSystem } from '../keystore/KeystoreFileSystem.js';
import { KeystoreFolderGuard } from '../keystore/KeystoreFolderGuard.js';

/** Settings of the pending-requests record. */
export interface JsonPendingRequestsOptions {
  /** The keystore folder; the record is `pending-requests.json` in it. */
  readonly folder: string;
  readonly clock?: Clock;
  readonly fileSystem?: KeystoreFileSystem;
  /** Shared with the keystore vault of the same folder: a folder gone mid-run is not created again (issue 13). */
  readonly folderGuard?: KeystoreFolderGuard;
}

/** The record's file name in the keystore folder. */
export const PENDING_REQUESTS_FILE = 'pending-requests.json';

const ENVIRONMENTS = new Set(['prd', 'acc', 'sim']);
const STATUSES = new Set<string>(PENDING_REQUEST_STATUSES);

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
  private readonly guard: KeystoreFolderGuard;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: JsonPendingRequestsOptions) {
    this.folder = options.folder;
    this.path = join(options.folder, PENDING_REQUESTS_FILE);
    this.clock = options.clock ?? { now: () => new Date() };
    this.fs = options.fileSystem ?? nodeKeystoreFileSystem;
    this.guard = options.folderGuard ?? new KeystoreFolderGuard(this.folder, this.fs);
  }

  record(request: PendingRequest): Promise<void> {
    return this.serial(async () => {
      const wanted = request.reference.toLowerCase();
      const requests = (await this.read(true)).filter((existing) => existing.reference.toLowerCase() !== wanted);
      await this.write([...requests, request]);
    });
  }

  /**
   * Updates a recorded request. Never blocks completion (PendingRequests port): an unknown reference
   * (record damaged, deleted, or the keystore came from elsewhere), an unreadable record or a failed
   * write leave the record as it is and resolve.
   */
  update(reference: string, change: PendingRequestChange): Promise<void> {
    const wanted = reference.toLowerCase();
    return this.serial(async () => {
      try {
        const requests = await this.read(true);
        const index = requests.findIndex((request) => request.reference.toLowerCase() === wanted);
        if (index === -1) return;
        requests[index] = { ...requests[index]!, ...change };
        await this.write(requests);
      } catch (error) {
        // A folder gone mid-run is not created again for the record (the keystore save says so).
        if (!EhealthCertError.is(error, 'KEYSTORE_WRITE_FAILED') && !EhealthCertError.is(error, 'KEYSTORE_FOLDER_MISSING')) throw error;
      }
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

  /**
   * The recorded requests. Never throws: an absent record is empty; a damaged one is moved aside as
   * `.corrupt-<timestamp>` (kept for the user) and its readable requests are still returned, since
   * completion can rebuild the rest from the keystore. `forWrite` refuses a record that exists but
   * cannot be read (EACCES, EIO): replacing it would silently drop the requests it holds.
   */
  private async read(forWrite = false): Promise<PendingRequest[]> {
    let bytes: Buffer;
    try {
      bytes = await this.fs.readFile(this.path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || !forWrite) return [];
      throw new EhealthCertError('KEYSTORE_WRITE_FAILED', `Cannot read ${this.path} (${code ?? 'error'}) to update it; it is left as it is`, { path: this.path }, { cause: error });
    }
    let entries: unknown[];
    try {
      const parsed = JSON.parse(bytes.toString('utf8')) as { version?: unknown; requests?: unknown };
      if (parsed.version !== 1 || !Array.isArray(parsed.requests)) throw new Error('not a version 1 record');
      entries = parsed.requests;
    } catch {
      await this.moveAside();
      return [];
    }
    const requests: PendingRequest[] = [];
    for (const entry of entries) {
      try {
        requests.push(fromStored(entry));
      } catch {
        // One damaged request does not cost the others.
      }
    }
    if (requests.length !== entries.length) {
      // The damaged file goes aside; the readable requests are written back so they stay recorded.
      await this.moveAside();
      if (requests.length > 0) await this.write(requests).catch(() => undefined);
    }
    return requests;
  }

  private async moveAside(): Promise<void> {
    // Best effort: readers get what could be read either way.
    await moveAside(this.fs, this.path, `${PENDING_REQUESTS_FILE}.corrupt-${fileTimestamp(this.clock.now())}`).catch(() => undefined);
  }

  private async write(requests: readonly PendingRequest[]): Promise<void> {
    const stored = requests.map((request) => ({
      ...request,
      requestedAt: request.requestedAt.toISOString(),
      ...(request.lastCheckedAt !== undefined && { lastCheckedAt: request.lastCheckedAt.toISOString() }),
    }));
    try {
      await this.guard.ensure();
      await replaceFileAtomically(this.fs, this.path, Buffer.from(`${JSON.stringify({ version: 1, requests: stored }, null, 2)}\n`));
    } catch (error) {
      if (EhealthCertError.is(error)) throw error;
      throw new EhealthCertError('KEYSTORE_WRITE_FAILED', `Cannot write ${this.path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { path: this.path }, { cause: error });
    }
  }
}
