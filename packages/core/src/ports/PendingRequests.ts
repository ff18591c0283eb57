/** The states of a recorded request, in the order a request normally goes through them. */
export const PENDING_REQUEST_STATUSES = ['sending', 'sent', 'pending', 'issued', 'completed', 'refused', 'unsent'] as const;

export type PendingRequestStatus = (typeof PENDING_REQUEST_STATUSES)[number];

/** States of a request that is not finished: eHealth has (or may have) it and it is not completed. */
export const UNFINISHED_REQUEST_STATUSES: readonly PendingRequestStatus[] = ['sending', 'sent', 'pending', 'issued'];

/** True when the request may still become a certificate: `complete` or `status` are its next step. */
export function isUnfinishedRequest(request: Pick<PendingRequest, 'lastStatus'>): boolean {
  return UNFINISHED_REQUEST_STATUSES.includes(request.lastStatus);
}

/** A request sent to eHealth and not yet completed (issue 5, "Pending requests"). */
export interface PendingRequest {
  /** PublicKeyIdentifier, 40 hex digits: the "secret key" of manual step 15. */
  readonly reference: string;
  readonly environment: 'prd' | 'acc' | 'sim';
  /** `TYPE=ID[,APPID]`. */
  readonly certificateName: string;
  readonly dn: string;
  readonly keystorePath: string;
  readonly requestedAt: Date;
  readonly automaticallyValidated: boolean;
  /**
   * `sending`: recorded before GenerateCertificate left, no answer seen yet (a crash, a lost answer):
   * eHealth may have it, a status check tells. `unsent`: it never reached eHealth (card or PIN
   * failure before sending, or eHealth does not know the key). `refused`: eHealth refused it.
   */
  readonly lastStatus: PendingRequestStatus;
  readonly lastCheckedAt?: Date;
}

/** What an update may change in a recorded request. */
export type PendingRequestChange = Partial<Pick<PendingRequest, 'lastStatus' | 'lastCheckedAt' | 'keystorePath' | 'automaticallyValidated'>>;

/**
 * The local record of pending requests. A damaged record never blocks completion: readers get an
 * empty list, and completion rebuilds what it needs from the keystore.
 */
export interface PendingRequests {
  record(request: PendingRequest): Promise<void>;
  update(reference: string, change: PendingRequestChange): Promise<void>;
  get(reference: string): Promise<PendingRequest | undefined>;
  list(): Promise<readonly PendingRequest[]>;
}
