import type { FastifyRateLimitStore } from '@fastify/rate-limit';

/** How many clients the store remembers at most; the least recently seen is forgotten first. */
const MAX_CLIENTS = 5000;

type Window = { current: number; startedAt: number };

/**
 * A fixed-window @fastify/rate-limit store whose `child` is itself: every route with a rate limit
 * counts in the same table, so routes that share a `groupId` share one budget per client.
 * (The plugin's own LocalStore gives each route a fresh table, and `groupId` then only renames
 * the key: eight routes taking a PIN or password would allow eight budgets.)
 */
export class SharedRateLimitStore implements FastifyRateLimitStore {
  readonly #windows = new Map<string, Window>();

  incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
    const now = Date.now();
    const known = this.#windows.get(key);
    const window = known === undefined || known.startedAt + timeWindow <= now ? { current: 0, startedAt: now } : known;
    window.current += 1;
    // Re-inserting moves the key to the end: Map order is then least recently seen first.
    this.#windows.delete(key);
    this.#windows.set(key, window);
    if (this.#windows.size > MAX_CLIENTS) {
      const oldest = this.#windows.keys().next().value;
      if (oldest !== undefined) {
        this.#windows.delete(oldest);
      }
    }
    callback(null, { current: window.current, ttl: window.startedAt + timeWindow - now });
  }

  child(): FastifyRateLimitStore {
    return this;
  }
}
