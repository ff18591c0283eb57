/** A long operation started on this machine whose end the page has not seen yet. */
export interface Inflight {
  readonly jobId: string;
  readonly kind: 'request' | 'completion';
}

const KEY = 'ehealth-cert.inflight';

/**
 * Kept in localStorage (the job id and its kind only: no PIN, no password, no personal data), so
 * that a page closed or reloaded while a request is being sent finds the job on the next visit.
 */
export const inflight = {
  get(): Inflight | undefined {
    const text = localStorage.getItem(KEY);
    if (text === null) return undefined;
    try {
      const value = JSON.parse(text) as Partial<Inflight>;
      return typeof value.jobId === 'string' && (value.kind === 'request' || value.kind === 'completion') ? { jobId: value.jobId, kind: value.kind } : undefined;
    } catch {
      return undefined;
    }
  },
  set(value: Inflight): void {
    localStorage.setItem(KEY, JSON.stringify(value));
  },
  clear(): void {
    localStorage.removeItem(KEY);
  },
};
