import type { Contract, ContactData, RevocationContract } from './CertificateRegistry.js';

/** What the person sees at manual step 12 (overview) before sending. */
export interface RequestOverview {
  readonly holderName: string;
  readonly ssin: string;
  readonly certificateName: string;
  readonly organisationName?: string;
  readonly applicationId?: string;
  readonly contactData: ContactData;
  readonly baseServiceUsages: readonly string[];
  readonly environment: 'prd' | 'acc' | 'sim';
  readonly renewal: boolean;
}

/**
 * The person's approvals: the contract text from eHealth (must be shown and accepted) and the
 * overview of manual steps 12-13. The CLI prompts; scripted runs and the API pass `--accept-terms`.
 */
export interface RequestReview {
  approveRequest(contract: Contract, overview: RequestOverview): Promise<boolean>;
  approveRevocation(contract: RevocationContract): Promise<boolean>;
}
