import type { ContactDataInput } from '../contact/validateContactData.js';
import type { Actor } from '../ports/CertificateRegistry.js';
import { EhealthCertError } from '../errors/EhealthCertError.js';
import { validateContactData } from '../contact/validateContactData.js';
import { checkKeystorePassword } from '../password/checkKeystorePassword.js';
import { renewalState, renewalWindowStart } from '../lifecycle/renewalState.js';
import { ehealthDnOwner } from '../certificate-completion/ehealthDnOwner.js';
import { trackStep } from '../certificate-request/trackStep.js';
import {
  holderActor,
  submitCertificateRequest,
  settingsOf,
  type RequestPorts,
  type RequestSettings,
  type SubmittedCertificateRequest,
} from '../certificate-request/submitCertificateRequest.js';
import { openIssuedKeystore } from './openIssuedKeystore.js';

/** The keystore to renew, its password (which also protects the new keystore) and the request data. */
export interface RenewCertificateInput extends RequestSettings {
  readonly keystorePath: string;
  readonly contactData: ContactDataInput;
}

/** A renewal request sent: the new request, and the certificate it replaces. */
export interface SubmittedRenewal extends SubmittedCertificateRequest {
  readonly renews: { readonly dn: string; readonly notAfter: Date };
}

/**
 * A new request for the DN of an existing certificate, only inside its replacement period (the
 * last 3 months, DOMAIN.md 4.3); the flow is RequestCertificate's, and the new ETK comes back
 * ToBeActivated at completion (then ActivateEtk).
 */
export class RenewCertificate {
  constructor(private readonly ports: RequestPorts) {}

  /**
   * Opens the keystore and refuses at once when its certificate is outside the renewal window
   * (DOMAIN.md 4.3), so that a front end checks this before asking the contact data or the PIN.
   * The password is needed: the certificates of the PKCS#12 file are encrypted with it (DOMAIN.md 3).
   */
  async checkWindow(input: { readonly keystorePath: string; readonly password: string }): Promise<{ readonly dn: string; readonly notAfter: Date }> {
    const current = await openIssuedKeystore(this.ports.vault, this.ports.keys, input.keystorePath, input.password);
    const { notAfter, subject } = current.leaf;
    assertRenewable(subject, notAfter, this.ports.clock.now());
    return { dn: subject, notAfter };
  }

  async execute(input: RenewCertificateInput): Promise<SubmittedRenewal> {
    const { progress, clock } = this.ports;
    const current = await openIssuedKeystore(this.ports.vault, this.ports.keys, input.keystorePath, input.password);
    const { notAfter, subject } = current.leaf;
    assertRenewable(subject, notAfter, clock.now());
    const owner = ehealthDnOwner(subject);
    const contactData = await trackStep(progress, '10', 'contact.validate', () => validateContactData(input.contactData));
    await trackStep(progress, '11', 'password.check', () =>
      checkKeystorePassword(input.password, { identifiers: [owner.identifier.value], names: [owner.name] }),
    );
    const holder = await trackStep(progress, '5', 'card.readHolder', () => this.ports.card.readHolder());
    checkKeystorePassword(input.password, { identifiers: [holder.ssin, owner.identifier.value], names: [holder.givenNames, holder.surname, owner.name] });

    let actor: Actor;
    if (owner.identifier.type === 'SSIN') {
      // A personal certificate is renewed by its holder only.
      if (owner.identifier.value !== holder.ssin) {
        throw new EhealthCertError('KEYSTORE_MISMATCH', `The keystore is the personal certificate of SSIN ${owner.identifier.value}, not of the card holder.`, {
          keystoreSsin: owner.identifier.value,
        });
      }
      actor = holderActor(holder);
    } else {
      actor = { ids: [owner.identifier], name: owner.name };
    }
    const submitted = await submitCertificateRequest(this.ports, {
      holder,
      actor,
      identifier: owner.identifier,
      ...(owner.applicationId ? { applicationId: owner.applicationId } : {}),
      contactData,
      ...settingsOf(input),
      renewal: true,
      // Old ETK keys stay with the new key, so that messages encrypted for them can still be read (DOMAIN.md 2.6).
      keptEntries: current.content.entries.filter((e) => e.kind === 'key' && e.alias !== 'authentication'),
    });
    return { ...submitted, renews: { dn: subject, notAfter } };
  }
}

/** Throws RENEWAL_NOT_ALLOWED (with the window start or the expiry) outside the last 3 months (DOMAIN.md 4.3). */
function assertRenewable(subject: string, notAfter: Date, now: Date): void {
  const state = renewalState(notAfter, now);
  if (state === 'open') return;
  const windowStart = renewalWindowStart(notAfter);
  const why =
    state === 'expired'
      ? `it expired on ${notAfter.toISOString()}; request a new certificate instead`
      : `renewal opens on ${windowStart.toISOString()} (3 months before expiry on ${notAfter.toISOString()})`;
  throw new EhealthCertError('RENEWAL_NOT_ALLOWED', `The certificate ${subject} cannot be renewed now: ${why}.`, {
    state,
    windowStart,
    notAfter,
  });
}
