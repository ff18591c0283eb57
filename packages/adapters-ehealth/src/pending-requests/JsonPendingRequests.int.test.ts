import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PendingRequest } from '@ehealth-cert/core';
import { nodeKeystoreFileSystem } from '../keystore/KeystoreFileSystem.js';
import { failingFileSystem } from '../keystore/testing/FailingFileSystem.js';
import { JsonPendingRequests, PENDING_REQUESTS_FILE } from './JsonPendingRequests.js';

const request: PendingRequest = {
  reference: '0123456789abcdef0123456789abcdef01234567',
  environment: 'acc',
  certificateName: 'SSIN=85073003328',
  dn: 'CN=SSIN\\=85073003328,OU=eHealth-platform Belgium,O=Federal Government,C=BE',
  keystorePath: '/home/u/ehealth/keystore/SSIN=85073003328 20251117-122425.acc-p12',
  requestedAt: new Date('2025-11-17T11:24:25.000Z'),
  automaticallyValidated: false,
  lastStatus: 'sent',
};

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'ehealth-pending-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const clock = { now: () => new Date(2025, 10, 18, 9, 0, 0) };

describe('JsonPendingRequests', () => {
  it('records, updates and lists requests across instances', async () => {
    await new JsonPendingRequests({ folder }).record(request);
    const other = new JsonPendingRequests({ folder });
    await other.update(request.reference, { lastStatus: 'pending', lastCheckedAt: new Date('2025-11-18T08:00:00Z') });
    const read = await new JsonPendingRequests({ folder }).get(request.reference.toUpperCase());
    expect(read).toEqual({ ...request, lastStatus: 'pending', lastCheckedAt: new Date('2025-11-18T08:00:00Z') });
    expect(await other.list()).toHaveLength(1);
    expect((await stat(join(folder, PENDING_REQUESTS_FILE))).mode & 0o777).toBe(0o600);
  });

  it('replaces a request recorded again with the same reference', async () => {
    const record = new JsonPendingRequests({ folder });
    await record.record(request);
    await record.record({ ...request, lastStatus: 'issued' });
    expect(await record.list()).toEqual([{ ...request, lastStatus: 'issued' }]);
  });

  it('returns an empty list when nothing was recorded', async () => {
    expect(await new JsonPendingRequests({ folder: join(folder, 'absent') }).list()).toEqual([]);
  });

  it('ignores an update of an unknown reference (a missing record never blocks completion)', async () => {
    const record = new JsonPendingRequests({ folder });
    await record.record(request);
    const before = await readFile(join(folder, PENDING_REQUESTS_FILE));
    await expect(record.update('ff'.repeat(20), { lastStatus: 'issued' })).resolves.toBeUndefined();
    await expect(new JsonPendingRequests({ folder: join(folder, 'absent') }).update(request.reference, { lastStatus: 'issued' })).resolves.toBeUndefined();
    expect(await readFile(join(folder, PENDING_REQUESTS_FILE))).toEqual(before);
  });

  it('keeps the readable requests of a record with one damaged request, the file kept aside', async () => {
    const stored = { ...request, requestedAt: request.requestedAt.toISOString() };
    const damaged = JSON.stringify({ version: 1, requests: [stored, { ...stored, reference: 'cd'.repeat(20), lastStatus: 'lost' }] });
    await writeFile(join(folder, PENDING_REQUESTS_FILE), damaged);
    const record = new JsonPendingRequests({ folder, clock });
    expect(await record.list()).toEqual([request]);
    expect(await readFile(join(folder, `${PENDING_REQUESTS_FILE}.corrupt-20251118-090000`), 'utf8')).toBe(damaged);
    await record.update(request.reference, { lastStatus: 'issued' });
    expect(await record.list()).toEqual([{ ...request, lastStatus: 'issued' }]);
  });

  it('never replaces a record it cannot read: record() fails, update() leaves it, list() is empty', async () => {
    await new JsonPendingRequests({ folder }).record(request);
    const before = await readFile(join(folder, PENDING_REQUESTS_FILE));
    const unreadable = () => new JsonPendingRequests({ folder, fileSystem: failingFileSystem(nodeKeystoreFileSystem, 'readFile', 'EACCES') });
    await expect(unreadable().record({ ...request, reference: 'ab'.repeat(20) })).rejects.toMatchObject({ code: 'KEYSTORE_WRITE_FAILED' });
    await expect(unreadable().update(request.reference, { lastStatus: 'issued' })).resolves.toBeUndefined();
    expect(await unreadable().list()).toEqual([]);
    expect(await readFile(join(folder, PENDING_REQUESTS_FILE))).toEqual(before);
    expect(await readdir(folder)).toEqual([PENDING_REQUESTS_FILE]);
  });

  it.each([
    ['not JSON', '{"version":1,"requests":[{"refer'],
    ['wrong shape', '{"version":1,"requests":[{"reference":42}]}'],
    ['unknown version', '{"version":9,"requests":[]}'],
  ])('never throws on a damaged file (%s): empty list, the file kept aside', async (_what, damaged) => {
    await writeFile(join(folder, PENDING_REQUESTS_FILE), damaged);
    const record = new JsonPendingRequests({ folder, clock });
    expect(await record.list()).toEqual([]);
    const names = await readdir(folder);
    expect(names).toEqual([`${PENDING_REQUESTS_FILE}.corrupt-20251118-090000`]);
    expect(await readFile(join(folder, names[0]!), 'utf8')).toBe(damaged);
    await record.record(request);
    expect(await record.list()).toEqual([request]);
  });

  it('keeps the previous record when a write fails (disk full)', async () => {
    await new JsonPendingRequests({ folder }).record(request);
    const before = await readFile(join(folder, PENDING_REQUESTS_FILE));
    const failing = new JsonPendingRequests({ folder, fileSystem: failingFileSystem(nodeKeystoreFileSystem, 'write', 'ENOSPC') });
    await expect(failing.record({ ...request, reference: 'ab'.repeat(20) })).rejects.toMatchObject({ code: 'KEYSTORE_WRITE_FAILED' });
    expect(await readFile(join(folder, PENDING_REQUESTS_FILE))).toEqual(before);
    expect(await readdir(folder)).toEqual([PENDING_REQUESTS_FILE]);
  });
});
