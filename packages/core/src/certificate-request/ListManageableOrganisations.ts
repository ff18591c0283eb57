import type { CertificateRegistry, ManageableOrganisation } from '../ports/CertificateRegistry.js';
import type { CardHolder, EidCard, PinEntry } from '../ports/EidCard.js';
import type { Progress } from '../ports/Progress.js';
import { trackStep } from './trackStep.js';

/** The holder and what GetActorQualities says they may request. */
export interface ManageableOrganisations {
  readonly holder: CardHolder;
  /** A personal certificate is possible (the holder has a healthcare quality). */
  readonly naturalPersonAuthorization: boolean;
  readonly organisations: readonly ManageableOrganisation[];
}

/** Manual steps 6-7 (the automatic path of 8A): GetActorQualities signed with eID-Auth (DOMAIN.md 2.3). */
export class ListManageableOrganisations {
  constructor(private readonly ports: { readonly card: EidCard; readonly registry: CertificateRegistry; readonly progress: Progress }) {}

  async execute(input: { readonly pinEntry: PinEntry }): Promise<ManageableOrganisations> {
    const { card, registry, progress } = this.ports;
    const holder = await trackStep(progress, '6', 'card.readHolder', () => card.readHolder());
    const qualities = await trackStep(progress, '7', 'ehealth.GetActorQualities', () =>
      card.withSigner('authentication', input.pinEntry, (signer) => registry.getActorQualities(signer, holder.ssin)),
    );
    return { holder, naturalPersonAuthorization: qualities.naturalPersonAuthorization, organisations: qualities.organisations };
  }
}
