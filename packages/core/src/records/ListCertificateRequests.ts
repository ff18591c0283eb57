import type { KeystoreEnvironment } from '../distinguished-name/keystoreFileName.js';
import { isUnfinishedRequest, type PendingRequest, type PendingRequests } from '../ports/PendingRequests.js';

/** Which recorded requests: all, the open ones (isOpenRequest), or those whose last status is one. */
export type RequestState = 'all' | 'open' | PendingRequest['lastStatus'];

/**
 * A request is open while eHealth may still issue its certificate, or has and it is not yet
 * installed: sending (outcome not known yet, issue 13), sent, pending or issued (manual steps
 * 15-16). Completed, refused and unsent ones are closed.
 */
export function isOpenRequest(request: Pick<PendingRequest, 'lastStatus'>): boolean {
  return isUnfinishedRequest(request);
}

/** What ListCertificateRequests selects. */
export interface RequestSelection {
  readonly state?: RequestState;
  /** Only the requests made in this environment. */
  readonly environment?: KeystoreEnvironment;
  /** `recorded` (default): the record's order; `newest-first`: by request time, newest first. */
  readonly order?: 'recorded' | 'newest-first';
}

/** The certificate requests recorded on this machine (the pending-requests record, DOMAIN.md 3). */
export class ListCertificateRequests {
  constructor(private readonly ports: { readonly pending: PendingRequests }) {}

  async execute(selection: RequestSelection = {}): Promise<readonly PendingRequest[]> {
    const state = selection.state ?? 'all';
    const chosen = (await this.ports.pending.list()).filter(
      (request) =>
        (selection.environment === undefined || request.environment === selection.environment) &&
        (state === 'all' ? true : state === 'open' ? isOpenRequest(request) : request.lastStatus === state),
    );
    return selection.order === 'newest-first' ? [...chosen].sort((a, b) => b.requestedAt.getTime() - a.requestedAt.getTime()) : chosen;
  }
}

/** One recorded request by its reference (eHealth's, compared without case); undefined if none. */
export class FindCertificateRequest {
  constructor(private readonly ports: { readonly pending: PendingRequests }) {}

  execute(reference: string): Promise<PendingRequest | undefined> {
    return this.ports.pending.get(reference.toLowerCase());
  }
}
