import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobStore } from '../jobs/JobStore.js';
import { IdempotencyStore } from './IdempotencyStore.js';

describe('IdempotencyStore (file)', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ehealth-cert-api-idempotency-'));
    file = join(dir, 'keystore', 'http-api-idempotency.json');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  async function restarted() {
    const jobs = new JobStore();
    const store = new IdempotencyStore({ jobs, file });
    await store.load();
    return { jobs, store };
  }

  it('answers a retry after a restart with the first outcome, without running the work again', async () => {
    const before = await restarted();
    const firstId = await before.store.jobFor('POST /requests', 'k', { org: 'x', pin: '1234' }, 'certificate-request', async () => ({ reference: 'ab' }));
    await before.jobs.waitFor(firstId, 10_000);
    await before.store.flush();
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain('1234');
    expect((await stat(file)).mode & 0o777).toBe(0o600);

    const after = await restarted();
    let ran = false;
    const replayedId = await after.store.jobFor('POST /requests', 'k', { org: 'x', pin: '1234' }, 'certificate-request', async () => (ran = true));
    expect(ran).toBe(false);
    expect(after.jobs.get(replayedId)).toMatchObject({ status: 'succeeded', kind: 'certificate-request', result: { reference: 'ab' } });
  });

  it('answers REQUEST_INTERRUPTED when the server stopped while the job ran', async () => {
    const before = await restarted();
    await before.store.jobFor('POST /requests', 'k', { org: 'x' }, 'certificate-request', () => new Promise(() => undefined));
    const after = await restarted();
    const replayedId = await after.store.jobFor('POST /requests', 'k', { org: 'x' }, 'certificate-request', async () => 'again');
    expect(after.jobs.get(replayedId)).toMatchObject({ status: 'failed', problem: { code: 'REQUEST_INTERRUPTED', status: 409 } });
  });

  it('still refuses the same key with another body after a restart', async () => {
    const before = await restarted();
    await before.store.jobFor('s', 'k', { org: 'x' }, 'test', async () => 1);
    const after = await restarted();
    expect(() => after.store.jobFor('s', 'k', { org: 'y' }, 'test', async () => 2)).toThrow(expect.objectContaining({ code: 'IDEMPOTENCY_KEY_REUSED' }));
  });
});
