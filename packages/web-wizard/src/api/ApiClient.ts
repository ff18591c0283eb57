import { ApiProblem } from './ApiProblem.js';

/** A job of the API (`GET /jobs/{id}`): what a long operation did so far, then its result. */
export interface Job<T = unknown> {
  readonly id: string;
  readonly kind: string;
  readonly status: 'running' | 'succeeded' | 'failed';
  readonly href: string;
  readonly progress: readonly { readonly step?: string; readonly activity: string; readonly phase: 'start' | 'done' }[];
  readonly result?: T;
  readonly problem?: { readonly code: string; readonly detail: string; readonly status: number; readonly details?: Record<string, unknown> };
}

/** Seconds each poll of a running job may be held by the server (`Prefer: wait`, RFC 7240). */
const POLL_WAIT_SECONDS = 2;

/**
 * The public HTTP API of ehealth-cert-api, as the wizard calls it: the bearer token in the
 * `Authorization` header (never in a URL), the chosen language in `Accept-Language`, problems
 * thrown as ApiProblem. Same origin: the wizard is served by the API it calls.
 */
export class ApiClient {
  constructor(
    private readonly token: string,
    private readonly language: () => string,
    private readonly base = '..',
  ) {}

  async get<T>(path: string): Promise<T> {
    return this.send<T>('GET', path);
  }

  async post<T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
    return this.send<T>('POST', path, body, headers);
  }

  /**
   * Starts a job route and follows it to its end, calling `onProgress` with each new state; a
   * failed job throws its problem. `onStarted` gets the job id as soon as it is known, so that an
   * interrupted page can find the job again on its next visit.
   */
  async runJob<T>(
    path: string,
    body: unknown,
    options: { headers?: Record<string, string>; onStarted?: (jobId: string) => void; onProgress?: (job: Job<T>) => void } = {},
  ): Promise<T> {
    const first = await this.send<Job<T>>('POST', path, body, { ...options.headers, prefer: `wait=${POLL_WAIT_SECONDS}` });
    options.onStarted?.(first.id);
    return this.follow(first, options.onProgress);
  }

  /** Polls a job until it ends (used also to resume a job started by an earlier visit). */
  async follow<T>(job: Job<T>, onProgress?: (job: Job<T>) => void): Promise<T> {
    let current = job;
    onProgress?.(current);
    while (current.status === 'running') {
      current = await this.send<Job<T>>('GET', `/jobs/${current.id}`, undefined, { prefer: `wait=${POLL_WAIT_SECONDS}` });
      onProgress?.(current);
    }
    if (current.status === 'failed') {
      const problem = current.problem;
      throw new ApiProblem(problem?.code ?? 'INTERNAL', problem?.detail ?? 'The operation failed.', problem?.details ?? {}, problem?.status ?? 500);
    }
    return current.result as T;
  }

  private async send<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.token}`,
          'accept-language': this.language(),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        cache: 'no-store',
      });
    } catch {
      throw new ApiProblem('NETWORK', 'The ehealth-cert server cannot be reached.');
    }
    if (!response.ok) throw await ApiProblem.of(response);
    return (await response.json()) as T;
  }
}
