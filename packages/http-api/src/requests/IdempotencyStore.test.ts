import { describe, expect, it } from 'vitest';
import { JobStore } from '../jobs/JobStore.js';
import { IdempotencyStore } from './IdempotencyStore.js';

function counting() {
  let runs = 0;
  return { work: async () => ++runs, runs: () => runs };
}

describe('IdempotencyStore (memory)', () => {
  it('returns the first job for a retry with the same key and body, running the work once', async () => {
    const store = new IdempotencyStore({ jobs: new JobStore() });
    const { work, runs } = counting();
    const first = await store.jobFor('POST /requests', 'k1', { a: 1, b: [1, 2] }, 'test', work);
    const retry = await store.jobFor('POST /requests', 'k1', { b: [1, 2], a: 1 }, 'test', work);
    expect(retry).toBe(first);
    expect(runs()).toBe(1);
  });

  it('gives concurrent retries the same job', async () => {
    const store = new IdempotencyStore({ jobs: new JobStore() });
    const { work, runs } = counting();
    const ids = await Promise.all([1, 2, 3].map(() => store.jobFor('s', 'k', { a: 1 }, 'test', work)));
    expect(new Set(ids).size).toBe(1);
    expect(runs()).toBe(1);
  });

  it('ignores the secrets when comparing bodies (they are never hashed)', async () => {
    const store = new IdempotencyStore({ jobs: new JobStore() });
    const first = await store.jobFor('s', 'k', { org: 'x', pin: '1234', password: 'a' }, 'test', async () => 1);
    expect(await store.jobFor('s', 'k', { org: 'x', pin: '9999', password: 'b' }, 'test', async () => 2)).toBe(first);
  });

  it('refuses the same key with another body', async () => {
    const store = new IdempotencyStore({ jobs: new JobStore() });
    await store.jobFor('s', 'k', { org: 'x' }, 'test', async () => 1);
    expect(() => store.jobFor('s', 'k', { org: 'y' }, 'test', async () => 2)).toThrow(expect.objectContaining({ code: 'IDEMPOTENCY_KEY_REUSED' }));
  });

  it('forgets keys after their time to live', async () => {
    let now = 0;
    const store = new IdempotencyStore({ jobs: new JobStore(), ttlMs: 1000, now: () => now });
    const first = await store.jobFor('s', 'k', {}, 'test', async () => 1);
    now = 2000;
    expect(await store.jobFor('s', 'k', {}, 'test', async () => 2)).not.toBe(first);
  });
});
