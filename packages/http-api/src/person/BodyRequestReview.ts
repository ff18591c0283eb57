import type { Contract, RequestReview, RevocationContract } from '@ehealth-cert/core';

/**
 * The person's approvals as an API client gives them: `acceptTerms: true` in the body approves the
 * eHealth contract (manual steps 4 and 12-13). The contract seen is kept for the job's result.
 */
export class BodyRequestReview implements RequestReview {
  contract: Contract | undefined;

  constructor(private readonly acceptTerms: boolean) {}

  async approveRequest(contract: Contract): Promise<boolean> {
    this.contract = contract;
    return this.acceptTerms;
  }

  async approveRevocation(contract: RevocationContract): Promise<boolean> {
    this.contract = contract;
    return this.acceptTerms;
  }
}
