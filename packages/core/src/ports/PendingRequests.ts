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
  readonly lastStatus: 'sent' | 'pending' | 'issued' | 'completed' | 'refused';
  readonly lastCheckedAt?: Date;
}

/**
 * The local record of pending requests. A damaged record never blocks completion: readers get an
 * empty list, and completion rebuilds what it needs from the keystore.
 */
export interface PendingRequests {
  record(request: PendingRequest): Promise<void>;
  update(reference: string, change: Partial<Pick<PendingRequest, 'lastStatus' | 'lastCheckedAt' | 'keystorePath'>>): Promise<void>;
  get(reference: string): Promise<PendingRequest | undefined>;
  list(): Promise<readonly PendingRequest[]>;
}
