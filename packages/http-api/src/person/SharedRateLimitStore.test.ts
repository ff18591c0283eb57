import { afterEach, describe, expect, it, vi } from 'vitest';
import { SharedRateLimitStore } from './SharedRateLimitStore.js';

function incr(store: SharedRateLimitStore, key: string, timeWindow = 60_000) {
  let result: { current: number; ttl: number } | undefined;
  store.incr(key, (error, value) => {
    expect(error).toBeNull();
    result = value;
  }, timeWindow);
  return result;
}

describe('SharedRateLimitStore', () => {
  afterEach(() => vi.useRealTimers());

  it('is its own child, so every route counts in one table', () => {
    const store = new SharedRateLimitStore();
    const child = store.child() as SharedRateLimitStore;
    expect(child).toBe(store);
    incr(store, 'client');
    expect(incr(child, 'client')?.current).toBe(2);
    expect(incr(child, 'other')?.current).toBe(1);
  });

  it('starts a new window once the previous one is over', () => {
    vi.useFakeTimers({ now: 0 });
    const store = new SharedRateLimitStore();
    incr(store, 'client');
    vi.setSystemTime(59_999);
    expect(incr(store, 'client')).toEqual({ current: 2, ttl: 1 });
    vi.setSystemTime(60_000);
    expect(incr(store, 'client')).toEqual({ current: 1, ttl: 60_000 });
  });
});
