import type { Bytes } from '../ports/binary.js';
import type { CertificateInfo, CertificateRegistry } from '../ports/CertificateRegistry.js';
import type { EidCard, PinEntry } from '../ports/EidCard.js';
import type { CertificateInspection, RequestKeys } from '../ports/KeyFactory.js';
import type { KeystoreVault } from '../ports/KeystoreVault.js';
import type { Progress } from '../ports/Progress.js';
import { certificateSituation, type CertificateSituation } from '../lifecycle/certificateSituation.js';
import { authenticationEntry } from '../certificate-completion/authenticationEntry.js';
import { trackStep } from '../certificate-request/trackStep.js';

/** Whose status: every certificate the card holder requested or manages, or one keystore's. */
export type ShowCertificateStatusInput =
  | { readonly source: 'card'; readonly pinEntry: PinEntry }
  | { readonly source: 'keystore'; readonly keystorePath: string; readonly password: string };

/** A CertificateInfo with what its two statuses mean together. */
export interface CertificateStatus {
  readonly info: CertificateInfo;
  readonly situation: CertificateSituation;
}

/** The statuses eHealth reports; a keystore whose request is pending is answered by GetCertificate. */
export type CertificateStatusReport =
  | { readonly source: 'card'; readonly certificates: readonly CertificateStatus[] }
  | { readonly source: 'keystore'; readonly certificate: CertificateStatus }
  | { readonly source: 'keystore-request'; readonly reference: string; readonly delivery: 'pending' | 'issued' };

/**
 * GetCertificateInfoForCitizen signed with eID-Auth, or GetCertificateInfoForAuthenticationCertificate
 * signed with the keystore's eHealth key (DOMAIN.md 2.3).
 */
export class ShowCertificateStatus {
  constructor(
    private readonly ports: {
      readonly card: EidCard;
      readonly registry: CertificateRegistry;
      readonly keys: CertificateInspection & Pick<RequestKeys, 'softwareSigner'>;
      readonly vault: KeystoreVault;
      readonly progress: Progress;
    },
  ) {}

  async execute(input: ShowCertificateStatusInput): Promise<CertificateStatusReport> {
    const { registry, keys, progress } = this.ports;
    if (input.source === 'card') {
      const infos = await trackStep(progress, undefined, 'ehealth.GetCertificateInfoForCitizen', () =>
        this.ports.card.withSigner('authentication', input.pinEntry, (signer) => registry.getCertificateInfoForCitizen(signer)),
      );
      return { source: 'card', certificates: infos.map(withSituation) };
    }
    const content = await this.ports.vault.open(input.keystorePath, input.password);
    const auth = authenticationEntry(content, input.keystorePath);
    if (keys.describeCertificate(auth.chain[0] as Bytes).placeholder) {
      // The dummy certificate cannot sign: ask GetCertificate, which needs no signature.
      const reference = await keys.publicKeyIdentifier(auth.publicKey);
      const delivery = await trackStep(progress, undefined, 'ehealth.GetCertificate', () => registry.getCertificate(reference));
      return { source: 'keystore-request', reference, delivery: delivery.status };
    }
    const signer = keys.softwareSigner({ privateKey: auth.privateKey, publicKey: auth.publicKey }, auth.chain);
    const info = await trackStep(progress, undefined, 'ehealth.GetCertificateInfoForAuthenticationCertificate', () =>
      registry.getCertificateInfoForAuthenticationCertificate(signer),
    );
    return { source: 'keystore', certificate: withSituation(info) };
  }
}

function withSituation(info: CertificateInfo): CertificateStatus {
  return { info, situation: certificateSituation(info.status, info.etkStatus) };
}
