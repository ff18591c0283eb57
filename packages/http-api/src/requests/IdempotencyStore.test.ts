import { describe, expect, it } from 'vitest';
import { IdempotencyStore } from './IdempotencyStore.js';

describe('IdempotencyStore', () => {
  it('returns the first job for a retry with the same key and body, starting nothing new', () => {
    const store = new IdempotencyStore();
    let started = 0;
    const start = () => `job-${++started}`;
    const first = store.jobFor('POST /requests', 'k1', { a: 1, b: [1, 2] }, start);
    const retry = store.jobFor('POST /requests', 'k1', { b: [1, 2], a: 1 }, start);
    expect(first).toEqual({ jobId: 'job-1', replayed: false });
    expect(retry).toEqual({ jobId: 'job-1', replayed: true });
    expect(started).toBe(1);
  });

  it('ignores the secrets when comparing bodies (they are never hashed)', () => {
    const store = new IdempotencyStore();
    store.jobFor('s', 'k', { org: 'x', pin: '1234', password: 'a' }, () => 'j');
    expect(store.jobFor('s', 'k', { org: 'x', pin: '9999', password: 'b' }, () => 'other').jobId).toBe('j');
  });

  it('refuses the same key with another body', () => {
    const store = new IdempotencyStore();
    store.jobFor('s', 'k', { org: 'x' }, () => 'j');
    expect(() => store.jobFor('s', 'k', { org: 'y' }, () => 'other')).toThrow(
      expect.objectContaining({ code: 'IDEMPOTENCY_KEY_REUSED' }),
    );
  });

  it('forgets keys after their time to live', () => {
    let now = 0;
    const store = new IdempotencyStore(1000, () => now);
    store.jobFor('s', 'k', {}, () => 'j1');
    now = 2000;
    expect(store.jobFor('s', 'k', {}, () => 'j2')).toEqual({ jobId: 'j2', replayed: false });
  });
});
