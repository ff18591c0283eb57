import type { ContactDataInput, ManageableOrganisation, OrganisationChoice, OrganisationType } from '@ehealth-cert/core';

/** Whose certificate (manual step 6): an organisation, or the holder personally. */
export type Whose = 'organisation' | 'personal';

/** Automatic (8A, recommended) or manual (8M) choice of the organisation. */
export type OrganisationMode = 'automatic' | 'manual';

/** What the keystore password must not contain (manual step 11). */
export interface PasswordContext {
  readonly identifiers: readonly string[];
  readonly names: readonly string[];
}

/**
 * The answers of manual steps 2-11, asked at the terminal (the wizard) or read from the flags
 * (scripted runs); the request flow is the same for both.
 */
export interface RequestAnswers {
  /** Steps 2-4: welcome, "Request a new certificate", general terms. */
  start(): Promise<'request' | 'complete'>;
  /** Step 5 when no card is found: true when the person inserted it and wants to try again. */
  retryCard(): Promise<boolean>;
  /** Step 6. */
  whose(): Promise<Whose>;
  /** Whether the list of manageable organisations is fetched (step 7) before choosing. */
  needsOrganisationList(): boolean;
  /** Choice between 8A and 8M. */
  mode(organisations: readonly ManageableOrganisation[]): Promise<OrganisationMode>;
  /** Step 8A. */
  pickOrganisation(organisations: readonly ManageableOrganisation[]): Promise<ManageableOrganisation>;
  /** Steps 8M-9M. */
  manualOrganisation(types: readonly OrganisationType[]): Promise<Extract<OrganisationChoice, { kind: 'manual' }>>;
  applicationId(): Promise<string | undefined>;
  /** Step 10. */
  contactData(previous?: ContactDataInput): Promise<ContactDataInput>;
  /**
   * The base services: `available` is what eHealth provides for the organisation's type (the
   * default); undefined leaves the choice to core (the same default).
   */
  baseServices(available: readonly string[]): Promise<string[] | undefined>;
  /** Step 11. */
  password(context: PasswordContext): Promise<string>;
  /** After a wrong PIN: the person may type it again (never an automatic retry). */
  retryPin(): Promise<boolean>;
}
