import type { Identifier } from '../identifiers/Identifier.js';
import type { Bytes } from './binary.js';
import type { Signer } from './EidCard.js';

/** A language-tagged text (certra core `TextType` / `LocalizedString`). */
export interface LocalizedText {
  readonly fr?: string;
  readonly nl?: string;
  readonly en?: string;
  readonly de?: string;
}

/** commons core `ActorType`: one or more ids, first names, name. */
export interface Actor {
  readonly ids: readonly Identifier[];
  readonly firstNames?: readonly string[];
  readonly name: string;
}

/** certra core `ContactDataType` (DOMAIN.md 2.3), in the XSD's order. */
export interface ContactData {
  readonly emailPrivate: string;
  readonly emailGeneral?: string;
  readonly phonePrivate: string;
  readonly phoneGeneral?: string;
}

/** An organisation the holder may manage (GetActorQualities `OrganizationAuthorization`). */
export interface ManageableOrganisation {
  readonly name: LocalizedText;
  readonly identifier: Identifier;
}

/** GetActorQualities result. */
export interface ActorQualities {
  /** The holder has at least one healthcare quality: a personal certificate is possible. */
  readonly naturalPersonAuthorization: boolean;
  readonly organisations: readonly ManageableOrganisation[];
}

/** GetGenericOrganizationTypes `OrganizationType` (certra core `OrganizationIdentifierType`). */
export interface OrganisationType {
  readonly name: LocalizedText;
  readonly identifierType: string;
  /** A Java regular expression for the identifier value. */
  readonly validationRegEx?: string;
  readonly checkDigitAlgorithms: readonly string[];
  readonly availableBaseServices: readonly string[];
}

/** What the certificate is for: the actor (person or organisation) and an optional application id. */
export interface CertificateIdentifier {
  readonly actor: Actor;
  readonly applicationId?: string;
}

/** GenerateContract result (certra core `ContractType`). */
export interface Contract {
  /** The DN the CSR must carry, exactly (DOMAIN.md 2.4 item 7). */
  readonly dn: string;
  readonly signer: Actor;
  /** HTML in FR/NL, to show to the person before sending. */
  readonly text: LocalizedText;
  /** The `Contract` element as eHealth returned it, sent back unchanged in GenerateCertificate. */
  readonly source: string;
}

/** GenerateRevocationContract result (certra core `RevocationContractType`). */
export interface RevocationContract extends Contract {
  readonly revocationReason: RevocationReason;
}

/** certra core `RevocationReasonType`. */
export type RevocationReason = 'keyCompromise' | 'affiliationChanged' | 'superseded' | 'cessationOfOperation';

/** GenerateCertificate result. */
export interface SubmittedRequest {
  /** 40 hex digits, lower case: SHA-1 of the subjectPublicKey (DOMAIN.md 2.1). */
  readonly publicKeyIdentifier: string;
  readonly automaticallyValidated: boolean;
  readonly replacesCertificate?: string;
}

/** GetCertificate result: pending (`CERT_NOT_YET_DELIVERED`) is a normal outcome. */
export type CertificateDelivery =
  | { readonly status: 'pending' }
  | { readonly status: 'issued'; readonly chain: readonly Bytes[] };

/** certra core `CertificateStatusType` (DOMAIN.md 2.3). */
export type AuthenticationCertificateStatus = 'IN_PROGRESS' | 'VALID_ACTIVE' | 'REFUSED' | 'REVOKED' | 'EXPIRED';
/** certra core `ETKStatusType` (DOMAIN.md 2.3). */
export type EtkStatus = 'NOT_REQUESTED' | 'IN_REQUEST' | 'WAIT_FOR_ACTIVATION' | 'VALID_ACTIVE' | 'REVOKED' | 'EXPIRED';

/** certra core `CertificateInfoType`. */
export interface CertificateInfo {
  readonly requestedDate: Date;
  readonly publicKeyIdentifier: string;
  readonly entityType: 'NaturalPerson' | 'Organization';
  readonly certificateIdentifier: CertificateIdentifier;
  readonly status: AuthenticationCertificateStatus;
  readonly etkStatus: EtkStatus;
  readonly automaticallyValidated: boolean;
  readonly details?: {
    readonly serialNumber: string;
    readonly dn: string;
    readonly issuerDn: string;
    readonly validNotBefore: Date;
    readonly validNotAfter: Date;
  };
  readonly revocable: boolean;
  readonly replaceable: boolean;
  readonly replacementPeriodStartDate?: Date;
  readonly contactData: ContactData;
  readonly baseServiceUsages: readonly string[];
}

/**
 * The CertRA v2 operations (certra protocol v2 XSD, DOMAIN.md 2.3), by their protocol names: what
 * the SOAP client's SOAPAction table, the fake's call records and fault injection are keyed by.
 */
export type CertRaOperation =
  | 'GetActorQualities'
  | 'GetGenericOrganizationTypes'
  | 'GetExistingApplicationIds'
  | 'GenerateContract'
  | 'GenerateCertificate'
  | 'GetCertificate'
  | 'GenerateRevocationContract'
  | 'Revoke'
  | 'GetCertificateInfoForCitizen'
  | 'GetCertificateInfoForAuthenticationCertificate';

/**
 * CertRA v2 (DOMAIN.md 2.3). Each method signs with the Signer it is given (or not at all, as the
 * table says). Errors: EHEALTH_REJECTED (details `ehealthCode`, `ehealthMessage`),
 * EHEALTH_UNAVAILABLE, EHEALTH_RESPONSE_INVALID.
 */
export interface CertificateRegistry {
  /** Signed with eID-Auth; the signer must be the SSIN asked for. */
  getActorQualities(signer: Signer, ssin: string): Promise<ActorQualities>;
  getGenericOrganizationTypes(): Promise<readonly OrganisationType[]>;
  /** `null` stands for a certificate without application id. */
  getExistingApplicationIds(organisation: Identifier): Promise<readonly (string | null)[]>;
  generateContract(input: {
    readonly contactData: ContactData;
    readonly signer: Actor;
    readonly certificateIdentifier: CertificateIdentifier;
  }): Promise<Contract>;
  /** Signed with eID-Sign. Never re-sent blindly after a timeout (issue 4). */
  generateCertificate(
    signer: Signer,
    input: {
      readonly contactData: ContactData;
      readonly csr: Bytes;
      readonly contract: Contract;
      readonly baseServiceUsages: readonly string[];
    },
  ): Promise<SubmittedRequest>;
  getCertificate(publicKeyIdentifier: string): Promise<CertificateDelivery>;
  generateRevocationContract(input: {
    readonly publicKeyIdentifier: string;
    readonly signer: Actor;
    readonly reason: RevocationReason;
  }): Promise<RevocationContract>;
  /** Signed with eID-Sign; revokes the certificate and its ETK. */
  revoke(signer: Signer, input: { readonly publicKeyIdentifier: string; readonly contract: RevocationContract }): Promise<void>;
  /** Signed with eID-Auth. */
  getCertificateInfoForCitizen(signer: Signer): Promise<readonly CertificateInfo[]>;
  /** Signed with the eHealth authentication key. */
  getCertificateInfoForAuthenticationCertificate(signer: Signer): Promise<CertificateInfo>;
}
