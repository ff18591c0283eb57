import { AsyncLocalStorage } from 'node:async_hooks';
import { ApiError } from '../errors/ApiError.js';

/** How many clients the budget remembers at most; the least recently seen is forgotten first. */
const MAX_CLIENTS = 5000;

/**
 * The codes that mean "a secret was checked and was wrong": a wrong PIN (the card said so), a PIN
 * the card now blocks, a keystore password that does not open the keystore. A missing PIN, a weak
 * new password or any other failure is not a guess and is not counted.
 */
const FAILED_SECRET_CHECKS: ReadonlySet<string> = new Set(['PIN_INCORRECT', 'PIN_BLOCKED', 'KEYSTORE_PASSWORD_WRONG']);

type Window = { failures: number; startedAt: number };

/** The budget and client of the secret-taking route whose handler runs in this async context. */
const runningRoute = new AsyncLocalStorage<{ readonly budget: SecretFailureBudget; readonly client: string }>();

/**
 * Counts a failed secret check that a route answers without failing (e.g. the expiry query lists
 * a keystore its password does not open as `unreadable`) against the client of the running
 * secret-taking route; false outside one, or when `code` is not a failed secret check.
 */
export function recordFailedSecretCheck(code: string): boolean {
  const running = runningRoute.getStore();
  return running === undefined ? false : running.budget.record(running.client, code);
}

/**
 * One budget of failed secret checks per client, shared by every route that takes a PIN or a
 * password (decision 0008): it slows guessing of keystore passwords (the card itself blocks after
 * three wrong PINs, DOMAIN.md 6) without ever slowing a client whose secrets are right, e.g. a
 * monitoring job that reads a keystore's status every minute.
 *
 * Fixed windows of `windowMs`: once a client has `max` failures in the current window, its next
 * secret-taking request is refused with RATE_LIMITED until the window ends.
 */
export class SecretFailureBudget {
  readonly #windows = new Map<string, Window>();
  /** The client of the secret-taking request whose handler (and jobs) run in this async context. */
  readonly #client = new AsyncLocalStorage<string>();

  constructor(
    readonly max: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Runs a route handler with its client known to the jobs it starts (see failedInContext). */
  inClientContext<T>(client: string, handler: () => T): T {
    return this.#client.run(client, () => runningRoute.run({ budget: this, client }, handler));
  }

  /** Refuses with RATE_LIMITED (retryAfter in whole seconds, and Retry-After) a client over budget. */
  assertAllowed(client: string): void {
    const window = this.#current(client);
    if (window === undefined || window.failures < this.max) {
      return;
    }
    const retryAfter = Math.max(1, Math.ceil((window.startedAt + this.windowMs - this.now()) / 1000));
    throw new ApiError(
      'RATE_LIMITED',
      `Too many wrong PINs or passwords from this client (${window.failures} in ${this.windowMs / 1000} s); retry in ${retryAfter} s.`,
      { limit: this.max, retryAfter },
      { 'retry-after': String(retryAfter) },
    );
  }

  /** Counts `code` against `client` when it is a failed secret check; true when counted. */
  record(client: string | undefined, code: string): boolean {
    if (client === undefined || !FAILED_SECRET_CHECKS.has(code)) {
      return false;
    }
    const window = this.#current(client) ?? { failures: 0, startedAt: this.now() };
    window.failures += 1;
    // Re-inserting moves the key to the end: Map order is then least recently seen first.
    this.#windows.delete(client);
    this.#windows.set(client, window);
    if (this.#windows.size > MAX_CLIENTS) {
      const oldest = this.#windows.keys().next().value;
      if (oldest !== undefined) {
        this.#windows.delete(oldest);
      }
    }
    return true;
  }

  /** Counts a failure of a job started by a secret-taking route (its client is in the async context). */
  recordInContext(code: string): boolean {
    return this.record(this.#client.getStore(), code);
  }

  #current(client: string): Window | undefined {
    const window = this.#windows.get(client);
    return window === undefined || window.startedAt + this.windowMs <= this.now() ? undefined : window;
  }
}
