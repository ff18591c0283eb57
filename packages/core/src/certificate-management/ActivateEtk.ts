import type { EtkRegistry } from '../ports/EtkRegistry.js';
import type { CertificateInspection, RequestKeys } from '../ports/KeyFactory.js';
import type { KeystoreVault } from '../ports/KeystoreVault.js';
import type { Progress } from '../ports/Progress.js';
import { trackStep } from '../certificate-request/trackStep.js';
import { openIssuedKeystore } from './openIssuedKeystore.js';

/** The replacement ETK of the keystore's certificate is now the one ETKDepot publishes. */
export interface ActivatedEtk {
  readonly status: 'activated';
  readonly dn: string;
}

/**
 * ActivateETK signed with the keystore's (new) eHealth key (DOMAIN.md 2.5): after a renewal, once
 * the new keys are deployed, so that old and new ETK overlap without a service gap.
 */
export class ActivateEtk {
  constructor(
    private readonly ports: { readonly etkRegistry: EtkRegistry; readonly keys: CertificateInspection & Pick<RequestKeys, 'softwareSigner'>; readonly vault: KeystoreVault; readonly progress: Progress },
  ) {}

  async execute(input: { readonly keystorePath: string; readonly password: string }): Promise<ActivatedEtk> {
    const keystore = await openIssuedKeystore(this.ports.vault, this.ports.keys, input.keystorePath, input.password);
    const signer = this.ports.keys.softwareSigner(keystore.keyPair, keystore.authentication.chain);
    await trackStep(this.ports.progress, undefined, 'ehealth.ActivateETK', () => this.ports.etkRegistry.activateEtk(signer));
    return { status: 'activated', dn: keystore.leaf.subject };
  }
}
