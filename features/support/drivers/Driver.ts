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
  /** Stops what the driver started. */
  close(): Promise<void>;
}
