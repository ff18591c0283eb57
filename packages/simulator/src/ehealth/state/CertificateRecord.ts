/** Contact data as sent (certra core ContactDataType). */
export interface ContactData {
  readonly emailPrivate: string;
  readonly emailGeneral?: string;
  readonly phonePrivate: string;
  readonly phoneGeneral?: string;
}

/** An actor as sent (commons core ActorType). */
export interface Actor {
  readonly ids: readonly { readonly type: string; readonly value: string }[];
  readonly firstNames: readonly string[];
  readonly name: string;
}

/** One ETK registered for an authentication certificate (DOMAIN.md 2.5). */
export interface EtkRecord {
  /** Serial of the client's encryption certificate, hex. */
  readonly serialHex: string;
  /** The ETK (CMS SignedData), base64. */
  readonly etk: string;
  status: 'VALID_ACTIVE' | 'WAIT_FOR_ACTIVATION' | 'REVOKED';
  readonly registeredAt: string;
}

/**
 * The simulator's memory of one certificate request (DOMAIN.md 8): from GenerateCertificate to
 * issuance, ETK registration, revocation and expiry. Serialisable as JSON (the state file).
 */
export interface CertificateRecord {
  readonly publicKeyIdentifier: string;
  readonly dn: string;
  readonly entityType: 'NaturalPerson' | 'Organization';
  readonly actor: Actor;
  readonly applicationId?: string;
  readonly signerSsin: string;
  readonly contactData: ContactData;
  readonly baseServiceUsage: readonly string[];
  /** PKCS#10 DER, base64. */
  readonly csr: string;
  readonly requestedAt: string;
  readonly automaticallyValidated: boolean;
  validation: 'AUTOMATIC' | 'PENDING' | 'APPROVED' | 'REFUSED';
  /** Why the support team refused the manual validation (REFUSED only). */
  refusalReason?: string;
  /** When a pending manual validation approves itself (configurable delay), ISO. */
  autoApproveAt?: string;
  /** When the certificate may be delivered (after validation + issuance delay), ISO. */
  deliverableAt?: string;
  readonly replaces?: string;
  /** The issued certificate, base64 DER, once delivered. */
  certificate?: string;
  serialHex?: string;
  notBefore?: string;
  notAfter?: string;
  revokedAt?: string;
  expiryReminderSent?: boolean;
  /** The challenge serial of a running StartETKRegistration, hex, and the key it was for. */
  pendingEtk?: { readonly serialHex: string; readonly spki: string };
  etks: EtkRecord[];
}
