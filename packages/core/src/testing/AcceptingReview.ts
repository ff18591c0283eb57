import type { Contract, RevocationContract } from '../ports/CertificateRegistry.js';
import type { RequestOverview, RequestReview } from '../ports/RequestReview.js';

/** A person who approves every contract and overview; records what was shown. */
export class AcceptingReview implements RequestReview {
  readonly shown: { readonly contract: Contract; readonly overview?: RequestOverview }[] = [];

  constructor(protected readonly answer: boolean = true) {}

  approveRequest(contract: Contract, overview: RequestOverview): Promise<boolean> {
    this.shown.push({ contract, overview });
    return Promise.resolve(this.answer);
  }

  approveRevocation(contract: RevocationContract): Promise<boolean> {
    this.shown.push({ contract });
    return Promise.resolve(this.answer);
  }
}

/** A person who refuses every contract (the request or revocation is cancelled). */
export class RefusingReview extends AcceptingReview {
  constructor() {
    super(false);
  }
}
