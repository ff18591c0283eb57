import type { PendingRequest, PendingRequestChange, PendingRequests } from '../ports/PendingRequests.js';

/** The pending-requests record in memory; `record` replaces a record with the same reference. */
export class FakePendingRequests implements PendingRequests {
  readonly requests = new Map<string, PendingRequest>();

  record(request: PendingRequest): Promise<void> {
    this.requests.set(request.reference, request);
    return Promise.resolve();
  }

  update(reference: string, change: PendingRequestChange): Promise<void> {
    // A missing record never blocks completion (PendingRequests port): ignore it.
    const existing = this.requests.get(reference);
    if (existing) this.requests.set(reference, { ...existing, ...change });
    return Promise.resolve();
  }

  get(reference: string): Promise<PendingRequest | undefined> {
    return Promise.resolve(this.requests.get(reference));
  }

  list(): Promise<readonly PendingRequest[]> {
    return Promise.resolve([...this.requests.values()]);
  }
}
