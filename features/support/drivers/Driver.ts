import type { Outcome } from './Outcome.js';

/** Contact data of manual step 10 as the person types it. */
export interface ContactDataDraft {
  readonly emailPrivate: string;
  readonly emailGeneral: string;
  readonly phonePrivate: string;
}

/** Which organisation the request is for: picked from the list (8A) or typed in (8M-9M). */
export type OrganisationDraft =
  | { readonly kind: 'listed'; readonly identifier: string }
  | { readonly kind: 'manual'; readonly identifierType: string; readonly identifierValue: string; readonly officialName: string };

/** Everything the person gave at manual steps 2-14. */
export interface RequestDraft {
  readonly organisation: OrganisationDraft;
  readonly applicationId?: string;
  readonly contactData: ContactDataDraft;
  readonly password: string;
  readonly pin: string;
  readonly termsAccepted: boolean;
}

/** The holder read from the card at step 5. */
export interface CardView {
  readonly ssin: string;
  readonly givenNames: string;
  readonly surname: string;
}

/** One line of the drop-down list of step 8A. */
export interface OrganisationView {
  /** `TYPE=VALUE`. */
  readonly identifier: string;
  readonly name: string;
}

/** What a sent request shows (steps 12 and 15). */
export interface RequestView {
  /** The "secret key" of step 15 (PublicKeyIdentifier, 40 hex digits). */
  readonly secretKey: string;
  readonly dn: string;
  readonly automaticallyValidated: boolean;
  readonly keystorePath: string;
  /** The text shown at step 12 (overview), as far as the front end shows it. */
  readonly overview: string;
}

/** What the completion of steps 16-19 answered. */
export type CompletionView =
  | { readonly status: 'pending' }
  | { readonly status: 'installed'; readonly keystorePath: string; readonly etkToBeActivated: boolean };

/** A keystore's content as the front end inspects it. */
export interface KeystoreView {
  readonly aliases: readonly string[];
  readonly dn?: string;
}

/** Where the keystore is and its password. */
export interface KeystoreAccess {
  readonly keystorePath?: string;
  readonly password: string;
}

/** What an export gave the person: files holding the PEM and, with an export password, the separate .p12. */
export interface ExportView {
  /** The certificate then its chain, PEM, as the front end gave it (a file it wrote, or the answer saved to one). */
  readonly pemFile: string;
  /** The key and certificate chain as a PKCS#12 under the export password. */
  readonly p12File?: string;
}

/** One certificate of the keystore folder, as the expiry monitoring lists it. */
export interface ExpiryLine {
  readonly certificateName: string;
  /** valid, expiring, expired, pending or unreadable. */
  readonly state: string;
  readonly dn?: string;
  readonly daysToExpiry?: number;
}

/** What the expiry monitoring answered. */
export interface ExpiryView {
  readonly certificates: readonly ExpiryLine[];
  /** How many certificates expire within the period (or have expired). */
  readonly needingRenewal: number;
  /** The exit code, when the front end is a command (the CLI: 7 when something expires, else 0). */
  readonly exitCode?: number;
}

/** What eHealth's support team (played by the simulator in env sim) decided on a manual request. */
export interface SupportDecisionView {
  readonly decision: 'APPROVED' | 'REFUSED';
  readonly reason?: string;
}

/**
 * One front end seen from the features: each method is one thing the person does, and answers
 * what the person would see (a result, or an error code with the message shown).
 */
export interface Driver {
  readonly name: string;
  /** Step 9M and the identifier rules: checks `TYPE=VALUE` and answers the normalised form. */
  checkIdentifier(text: string): Promise<Outcome<{ readonly identifier: string }>>;
  /** Step 5: reads the holder from the inserted card. */
  readCard(): Promise<Outcome<CardView>>;
  /** Steps 6-7: the organisations the holder may manage (asks the PIN once). */
  listOrganisations(pin: string): Promise<Outcome<readonly OrganisationView[]>>;
  /** Steps 10-15: sends the request. */
  request(draft: RequestDraft): Promise<Outcome<RequestView>>;
  /** Steps 16-19: completes the request with the keystore and its password. */
  complete(access: KeystoreAccess): Promise<Outcome<CompletionView>>;
  /** Renews the certificate of this keystore (same flow, inside the renewal window). */
  renew(access: Required<KeystoreAccess> & { readonly pin: string; readonly contactData: ContactDataDraft }): Promise<Outcome<RequestView>>;
  /** Revokes the certificate whose secret key (PublicKeyIdentifier) is given, kept in this keystore. */
  revoke(access: Required<KeystoreAccess> & { readonly reference: string; readonly pin: string; readonly reason: string }): Promise<Outcome<void>>;
  /** Activates the ETK of a renewed certificate. */
  activateEtk(access: Required<KeystoreAccess>): Promise<Outcome<void>>;
  /** Changes the keystore password; answers the new keystore file. */
  changePassword(access: Required<KeystoreAccess> & { readonly newPassword: string }): Promise<Outcome<{ readonly keystorePath: string }>>;
  /** Opens a keystore and lists what it holds. */
  inspect(access: Required<KeystoreAccess>): Promise<Outcome<KeystoreView>>;
  /** Exports the certificate and chain as PEM and, with `exportPassword`, key + chain as a separate .p12. */
  exportCertificate(access: Required<KeystoreAccess> & { readonly exportPassword?: string }): Promise<Outcome<ExportView>>;
  /** Expiry monitoring over the keystore folder: which certificates expire within `within` (90d, 12w). */
  expiringWithin(query: { readonly password: string; readonly within: string }): Promise<Outcome<ExpiryView>>;
  /** Env sim: eHealth's support team, played by the simulator the front end runs, approves or refuses a manual request. */
  supportTeamDecides(decision: { readonly reference: string; readonly approve: boolean; readonly reason?: string }): Promise<Outcome<SupportDecisionView>>;
  /** Stops what the driver started. */
  close(): Promise<void>;
}
