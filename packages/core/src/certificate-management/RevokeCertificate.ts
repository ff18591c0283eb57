import type { CertificateRegistry, RevocationReason } from '../ports/CertificateRegistry.js';
import type { EidCard, PinEntry } from '../ports/EidCard.js';
import type { Progress } from '../ports/Progress.js';
import type { RequestReview } from '../ports/RequestReview.js';
import { EhealthCertError } from '../errors/EhealthCertError.js';
import { holderActor } from '../certificate-request/submitCertificateRequest.js';
import { trackStep } from '../certificate-request/trackStep.js';

/** Which certificate (its PublicKeyIdentifier), why, and the person who approves and signs. */
export interface RevokeCertificateInput {
  readonly publicKeyIdentifier: string;
  readonly reason: RevocationReason;
  readonly pinEntry: PinEntry;
  readonly review: RequestReview;
}

/** The certificate and its ETK are revoked (DOMAIN.md 4.3). */
export interface RevokedCertificate {
  readonly status: 'revoked';
  readonly publicKeyIdentifier: string;
  readonly dn: string;
}

/** GenerateRevocationContract, the person's approval, then Revoke signed with eID-Sign (DOMAIN.md 2.3). */
export class RevokeCertificate {
  constructor(private readonly ports: { readonly card: EidCard; readonly registry: CertificateRegistry; readonly progress: Progress }) {}

  async execute(input: RevokeCertificateInput): Promise<RevokedCertificate> {
    const { card, registry, progress } = this.ports;
    const publicKeyIdentifier = input.publicKeyIdentifier.trim().toLowerCase();
    if (!/^[0-9a-f]{40}$/.test(publicKeyIdentifier)) {
      throw new EhealthCertError('INVALID_INPUT', `publicKeyIdentifier: "${input.publicKeyIdentifier}" is not 40 hexadecimal digits (DOMAIN.md 2.1).`, {
        field: 'publicKeyIdentifier',
        value: input.publicKeyIdentifier,
      });
    }
    const holder = await trackStep(progress, '5', 'card.readHolder', () => card.readHolder());
    const contract = await trackStep(progress, undefined, 'ehealth.GenerateRevocationContract', () =>
      registry.generateRevocationContract({ publicKeyIdentifier, signer: holderActor(holder), reason: input.reason }),
    );
    if (!(await input.review.approveRevocation(contract))) {
      throw new EhealthCertError('CANCELLED', `The revocation of ${contract.dn} was not approved; nothing was revoked.`);
    }
    await trackStep(progress, undefined, 'ehealth.Revoke', () =>
      card.withSigner('signature', input.pinEntry, (signer) => registry.revoke(signer, { publicKeyIdentifier, contract })),
    );
    return { status: 'revoked', publicKeyIdentifier, dn: contract.dn };
  }
}
