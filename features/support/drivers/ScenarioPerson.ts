import type { Contract, PinEntry, PinRequest, RequestOverview, RequestReview, RevocationContract } from '@ehealth-cert/core';

/**
 * The person in front of an in-process front end: types the PIN given (never retried: a second
 * ask for the same operation is the front end's bug and is counted), and approves the contract
 * and overview of steps 12-13 when the terms were accepted (step 4), keeping what was shown.
 */
export class ScenarioPerson implements PinEntry, RequestReview {
  /** Every PIN request, in order (step 7 authentication, step 14 signature). */
  readonly pinRequests: PinRequest[] = [];
  /** What step 12 showed: the contract's DN and text and the overview. */
  overview = '';

  constructor(
    private readonly pin: string,
    private readonly acceptsTerms = true,
  ) {}

  async askPin(request: PinRequest): Promise<string> {
    this.pinRequests.push(request);
    return this.pin;
  }

  async approveRequest(contract: Contract, overview: RequestOverview): Promise<boolean> {
    this.overview = [contract.dn, overview.certificateName, overview.organisationName ?? '', overview.holderName, overview.ssin, contract.text.fr ?? contract.text.en ?? ''].join('\n');
    return this.acceptsTerms;
  }

  async approveRevocation(_contract: RevocationContract): Promise<boolean> {
    return this.acceptsTerms;
  }
}
