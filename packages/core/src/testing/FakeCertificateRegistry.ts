import type { Bytes } from '../ports/binary.js';
import type { Clock } from '../ports/Clock.js';
import type { Signer, SignerRole } from '../ports/EidCard.js';
import type {
  ActorQualities,
  AuthenticationCertificateStatus,
  CertificateDelivery,
  CertificateIdentifier,
  CertificateInfo,
  CertificateRegistry,
  CertRaOperation,
  ContactData,
  Contract,
  EtkStatus,
  ManageableOrganisation,
  OrganisationType,
  RevocationContract,
  RevocationReason,
  SubmittedRequest,
  Actor,
} from '../ports/CertificateRegistry.js';
import type { Identifier } from '../identifiers/Identifier.js';
import { EhealthCertError } from '../errors/EhealthCertError.js';
import { buildEhealthDn } from '../distinguished-name/buildEhealthDn.js';
import { decodeFakeCertificate, encodeFakeCertificate, fromHex } from './FakeCertificate.js';
import type { FakeCsr } from './FakeKeyFactory.js';
import { FailurePlan } from './FailurePlan.js';
import { FAKE_ISSUING_CA, FAKE_ROOT_CA } from './fakeCas.js';
import { decodeFake, encodeFake, fakeDigest } from './fakeEncoding.js';

/** One call the fake eHealth received. */
export interface FakeEhealthCall {
  readonly operation: string;
  readonly signerRole?: SignerRole;
}

/** A certificate request as the fake eHealth keeps it (mutable: tests release, refuse, expire). */
export interface FakeRequestRecord {
  readonly publicKeyIdentifier: string;
  readonly dn: string;
  readonly certificateIdentifier: CertificateIdentifier;
  readonly entityType: 'NaturalPerson' | 'Organization';
  readonly signerSsin: string;
  readonly contactData: ContactData;
  readonly baseServiceUsages: readonly string[];
  readonly requestedAt: Date;
  readonly automaticallyValidated: boolean;
  readonly publicKey: Bytes;
  readonly replacesCertificate?: string;
  status: AuthenticationCertificateStatus;
  etkStatus: EtkStatus;
  chain?: readonly Bytes[];
  etk?: Bytes;
}

const DAY = 24 * 3600_000;
/** DOMAIN.md 4.3: renewable from 90 days before expiry. */
const REPLACEMENT_PERIOD = 90 * DAY;

/** The SSIN in a fake eID certificate's subject (`SERIALNUMBER=`). */
export function ssinOfSigner(signer: Signer): string {
  const leaf = signer.certificateChain[0];
  const match = leaf ? /SERIALNUMBER=(\d{11})/.exec(decodeFakeCertificate(leaf).subject) : null;
  return match?.[1] ?? '';
}

/** The organisation types the fake eHealth returns (a small subset of DOMAIN.md 4.2). */
export const FAKE_ORGANISATION_TYPES: readonly OrganisationType[] = [
  {
    name: { fr: 'Service ambulancier', nl: 'Ambulancedienst' },
    identifierType: 'NIHII-AMBU_SERVICE',
    validationRegEx: '[0-9]{8}',
    checkDigitAlgorithms: ['MOD97'],
    availableBaseServices: ['tsa', 'consultrn', 'codage', 'other'],
  },
  {
    name: { fr: 'Hôpital', nl: 'Ziekenhuis' },
    identifierType: 'NIHII-HOSPITAL',
    validationRegEx: '[0-9]{8}',
    checkDigitAlgorithms: ['MOD97'],
    availableBaseServices: ['tsa', 'consultrn', 'codage', 'other'],
  },
];

/**
 * CertRA v2 in memory (DOMAIN.md 2.3): mandates, contracts whose DN comes from buildEhealthDn,
 * requests pending until released (or issued at once when validated automatically), refusals,
 * revocation, fault injection per operation; records every call.
 */
export class FakeCertificateRegistry implements CertificateRegistry {
  /** Every call, in order. */
  readonly calls: FakeEhealthCall[] = [];
  /** Fault injection per operation. */
  readonly failures = new FailurePlan<CertRaOperation>();
  /** Requests by PublicKeyIdentifier. */
  readonly requests = new Map<string, FakeRequestRecord>();
  /** Issue automatically validated requests at once (false: every request waits for `release`). */
  issueAutomatically = true;
  organisationTypes: readonly OrganisationType[] = FAKE_ORGANISATION_TYPES;
  private readonly mandates = new Map<string, ManageableOrganisation[]>();
  private readonly personal = new Set<string>();
  private readonly contracts = new Map<string, { readonly dn: string; readonly signerSsin: string; readonly identifier: CertificateIdentifier }>();
  private serial = 4000;

  constructor(private readonly clock: Clock) {}

  /** The holder `ssin` may manage `organisation` (GetActorQualities). */
  grantMandate(ssin: string, organisation: ManageableOrganisation): this {
    this.mandates.set(ssin, [...(this.mandates.get(ssin) ?? []), organisation]);
    return this;
  }

  /** The holder `ssin` has a healthcare quality (a personal certificate is validated automatically). */
  allowPersonalCertificate(ssin: string): this {
    this.personal.add(ssin);
    return this;
  }

  /** The support team validates a waiting request: the certificate is issued. */
  release(publicKeyIdentifier: string): void {
    this.issue(this.requireRequest(publicKeyIdentifier));
  }

  /** The support team refuses a waiting request. */
  refuse(publicKeyIdentifier: string): void {
    this.requireRequest(publicKeyIdentifier).status = 'REFUSED';
  }

  getActorQualities(signer: Signer, ssin: string): Promise<ActorQualities> {
    return this.call('GetActorQualities', signer, () => {
      this.requireRole(signer, 'authentication');
      if (ssinOfSigner(signer) !== ssin) reject('SIGNER_MISMATCH', 'The signer is not the SSIN asked for.');
      return { naturalPersonAuthorization: this.personal.has(ssin), organisations: this.mandates.get(ssin) ?? [] };
    });
  }

  getGenericOrganizationTypes(): Promise<readonly OrganisationType[]> {
    return this.call('GetGenericOrganizationTypes', undefined, () => this.organisationTypes);
  }

  getExistingApplicationIds(organisation: Identifier): Promise<readonly (string | null)[]> {
    return this.call('GetExistingApplicationIds', undefined, () =>
      [...this.requests.values()]
        .filter((r) => sameIdentifier(r.certificateIdentifier.actor.ids[0], organisation))
        .map((r) => r.certificateIdentifier.applicationId ?? null),
    );
  }

  generateContract(input: { readonly contactData: ContactData; readonly signer: Actor; readonly certificateIdentifier: CertificateIdentifier }): Promise<Contract> {
    return this.call('GenerateContract', undefined, () => {
      const signerSsin = input.signer.ids.find((id) => id.type === 'SSIN')?.value;
      const identifier = input.certificateIdentifier.actor.ids[0];
      if (!signerSsin || !identifier) reject('INVALID_ACTOR', 'The signer needs an SSIN and the certificate an identifier.');
      const dn = buildEhealthDn({
        identifier,
        // DOMAIN.md 4.1: a person's NAME is "<FIRSTNAMES> <SURNAME>".
        name: [...(input.certificateIdentifier.actor.firstNames ?? []), input.certificateIdentifier.actor.name].join(' '),
        applicationId: input.certificateIdentifier.applicationId,
      });
      const id = `contract-${this.contracts.size + 1}`;
      this.contracts.set(id, { dn, signerSsin, identifier: input.certificateIdentifier });
      return {
        dn,
        signer: input.signer,
        text: { fr: `<p>Contrat pour ${dn}</p>`, nl: `<p>Contract voor ${dn}</p>` },
        source: id,
      };
    });
  }

  generateCertificate(
    signer: Signer,
    input: { readonly contactData: ContactData; readonly csr: Bytes; readonly contract: Contract; readonly baseServiceUsages: readonly string[] },
  ): Promise<SubmittedRequest> {
    return this.call('GenerateCertificate', signer, () => {
      this.requireRole(signer, 'signature');
      const contract = this.contracts.get(input.contract.source);
      if (!contract) reject('UNKNOWN_CONTRACT', 'The contract was not issued by GenerateContract.');
      const ssin = ssinOfSigner(signer);
      if (ssin !== contract.signerSsin) reject('SIGNER_MISMATCH', 'The eID signer is not the contract signer.');
      const csr = decodeFake<FakeCsr>('CSR', input.csr);
      // DOMAIN.md 2.4 item 7: the CSR subject must be the contract DN exactly.
      if (csr.dn !== contract.dn) reject('CSR_DN_MISMATCH', `The CSR subject "${csr.dn}" is not the contract DN "${contract.dn}".`);
      const publicKey = fromHex(csr.publicKey);
      const publicKeyIdentifier = fakeDigest(publicKey);
      if (this.requests.has(publicKeyIdentifier)) reject('DUPLICATE_KEY', 'This public key was already submitted.');
      const replaced = this.activeFor(contract.dn);
      if (replaced && !this.inReplacementPeriod(replaced)) {
        reject('ACTIVE_CERTIFICATE_EXISTS', `An active certificate exists for ${contract.dn} outside its replacement period.`);
      }
      const actorId = contract.identifier.actor.ids[0] as Identifier;
      const entityType = actorId.type === 'SSIN' ? 'NaturalPerson' : 'Organization';
      const automaticallyValidated =
        entityType === 'NaturalPerson'
          ? this.personal.has(ssin) && actorId.value === ssin
          : (this.mandates.get(ssin) ?? []).some((o) => sameIdentifier(o.identifier, actorId));
      const record: FakeRequestRecord = {
        publicKeyIdentifier,
        dn: contract.dn,
        certificateIdentifier: contract.identifier,
        entityType,
        signerSsin: ssin,
        contactData: input.contactData,
        baseServiceUsages: input.baseServiceUsages,
        requestedAt: this.clock.now(),
        automaticallyValidated,
        publicKey,
        ...(replaced ? { replacesCertificate: replaced.publicKeyIdentifier } : {}),
        status: 'IN_PROGRESS',
        etkStatus: 'NOT_REQUESTED',
      };
      this.requests.set(publicKeyIdentifier, record);
      if (automaticallyValidated && this.issueAutomatically) this.issue(record);
      return {
        publicKeyIdentifier,
        automaticallyValidated,
        ...(record.replacesCertificate ? { replacesCertificate: record.replacesCertificate } : {}),
      };
    });
  }

  getCertificate(publicKeyIdentifier: string): Promise<CertificateDelivery> {
    return this.call('GetCertificate', undefined, () => {
      const record = this.requireRequest(publicKeyIdentifier);
      if (record.status === 'IN_PROGRESS') return { status: 'pending' };
      if (record.status === 'REFUSED' || !record.chain) reject('REQUEST_REFUSED', 'The request was refused by eHealth.');
      return { status: 'issued', chain: record.chain };
    });
  }

  generateRevocationContract(input: { readonly publicKeyIdentifier: string; readonly signer: Actor; readonly reason: RevocationReason }): Promise<RevocationContract> {
    return this.call('GenerateRevocationContract', undefined, () => {
      const record = this.requireRequest(input.publicKeyIdentifier);
      if (record.status !== 'VALID_ACTIVE') reject('NOT_REVOCABLE', `The certificate is ${record.status}, not revocable.`);
      const id = `revocation-${this.contracts.size + 1}`;
      this.contracts.set(id, { dn: record.dn, signerSsin: input.signer.ids[0]?.value ?? '', identifier: record.certificateIdentifier });
      return {
        dn: record.dn,
        signer: input.signer,
        revocationReason: input.reason,
        text: { fr: `<p>Révocation de ${record.dn}</p>`, nl: `<p>Intrekking van ${record.dn}</p>` },
        source: id,
      };
    });
  }

  revoke(signer: Signer, input: { readonly publicKeyIdentifier: string; readonly contract: RevocationContract }): Promise<void> {
    return this.call('Revoke', signer, () => {
      this.requireRole(signer, 'signature');
      const contract = this.contracts.get(input.contract.source);
      if (!contract || contract.signerSsin !== ssinOfSigner(signer)) reject('SIGNER_MISMATCH', 'The eID signer is not the revocation contract signer.');
      const record = this.requireRequest(input.publicKeyIdentifier);
      // XSD-CERTRA2: revoking the certificate also revokes its ETK.
      record.status = 'REVOKED';
      if (record.etkStatus !== 'NOT_REQUESTED') record.etkStatus = 'REVOKED';
    });
  }

  getCertificateInfoForCitizen(signer: Signer): Promise<readonly CertificateInfo[]> {
    return this.call('GetCertificateInfoForCitizen', signer, () => {
      this.requireRole(signer, 'authentication');
      const ssin = ssinOfSigner(signer);
      return [...this.requests.values()].filter((r) => r.signerSsin === ssin).map((r) => this.info(r));
    });
  }

  getCertificateInfoForAuthenticationCertificate(signer: Signer): Promise<CertificateInfo> {
    return this.call('GetCertificateInfoForAuthenticationCertificate', signer, () => this.info(this.recordOfEhealthSigner(signer)));
  }

  /** The request whose issued certificate `signer` holds (signer role `ehealth-authentication`). */
  recordOfEhealthSigner(signer: Signer): FakeRequestRecord {
    this.requireRole(signer, 'ehealth-authentication');
    const leaf = signer.certificateChain[0];
    const record = leaf ? this.requests.get(fakeDigest(fromHex(decodeFakeCertificate(leaf).publicKey))) : undefined;
    if (!record?.chain) reject('UNKNOWN_CERTIFICATE', 'The signing certificate was not issued by eHealth.');
    return record;
  }

  /** Records the call, applies injected failures, runs `body`. */
  async call<T>(operation: string, signer: Signer | undefined, body: () => T, failures: FailurePlan<string> = this.failures): Promise<T> {
    // The SOAP adapter signs the request body (DOMAIN.md 2.2) before sending it.
    if (signer) await signer.sign(encodeFake('SOAP-BODY', { operation }));
    this.calls.push({ operation, ...(signer ? { signerRole: signer.role } : {}) });
    return failures.run(operation, body);
  }

  /** The operation names received, in order. */
  operations(): string[] {
    return this.calls.map((c) => c.operation);
  }

  private issue(record: FakeRequestRecord): void {
    const now = this.clock.now();
    this.serial += 1;
    // DOMAIN.md 4.3: three years minus one second; chain = leaf + issuing CA, root excluded.
    const leaf = encodeFakeCertificate({
      subject: record.dn,
      issuer: FAKE_ISSUING_CA.subject,
      serialNumber: String(this.serial),
      notBefore: now,
      notAfter: new Date(Date.UTC(now.getUTCFullYear() + 3, now.getUTCMonth(), now.getUTCDate(), now.getUTCHours(), now.getUTCMinutes(), now.getUTCSeconds() - 1)),
      publicKey: record.publicKey,
      placeholder: false,
      signedBy: FAKE_ISSUING_CA.publicKey,
    });
    const issuing = encodeFakeCertificate({
      subject: FAKE_ISSUING_CA.subject,
      issuer: FAKE_ROOT_CA.subject,
      serialNumber: '2',
      notBefore: new Date('2019-01-01T00:00:00Z'),
      notAfter: new Date('2044-01-01T00:00:00Z'),
      publicKey: FAKE_ISSUING_CA.publicKey,
      placeholder: false,
      signedBy: FAKE_ROOT_CA.publicKey,
    });
    record.chain = [leaf, issuing];
    record.status = 'VALID_ACTIVE';
  }

  private info(record: FakeRequestRecord): CertificateInfo {
    const leaf = record.chain?.[0] ? decodeFakeCertificate(record.chain[0]) : undefined;
    const notAfter = leaf ? new Date(leaf.notAfter) : undefined;
    return {
      requestedDate: record.requestedAt,
      publicKeyIdentifier: record.publicKeyIdentifier,
      entityType: record.entityType,
      certificateIdentifier: record.certificateIdentifier,
      status: this.effectiveStatus(record),
      etkStatus: record.etkStatus,
      automaticallyValidated: record.automaticallyValidated,
      ...(leaf && notAfter
        ? {
            details: {
              serialNumber: leaf.serialNumber,
              dn: leaf.subject,
              issuerDn: leaf.issuer,
              validNotBefore: new Date(leaf.notBefore),
              validNotAfter: notAfter,
            },
            replacementPeriodStartDate: new Date(notAfter.getTime() - REPLACEMENT_PERIOD),
          }
        : {}),
      revocable: this.effectiveStatus(record) === 'VALID_ACTIVE',
      replaceable: this.inReplacementPeriod(record),
      contactData: record.contactData,
      baseServiceUsages: record.baseServiceUsages,
    };
  }

  private effectiveStatus(record: FakeRequestRecord): AuthenticationCertificateStatus {
    const leaf = record.chain?.[0];
    if (record.status === 'VALID_ACTIVE' && leaf && new Date(decodeFakeCertificate(leaf).notAfter) < this.clock.now()) return 'EXPIRED';
    return record.status;
  }

  private activeFor(dn: string): FakeRequestRecord | undefined {
    return [...this.requests.values()].find((r) => r.dn === dn && this.effectiveStatus(r) === 'VALID_ACTIVE');
  }

  private inReplacementPeriod(record: FakeRequestRecord): boolean {
    const leaf = record.chain?.[0];
    if (!leaf || this.effectiveStatus(record) !== 'VALID_ACTIVE') return false;
    return this.clock.now().getTime() >= new Date(decodeFakeCertificate(leaf).notAfter).getTime() - REPLACEMENT_PERIOD;
  }

  private requireRequest(publicKeyIdentifier: string): FakeRequestRecord {
    const record = this.requests.get(publicKeyIdentifier);
    if (!record) reject('UNKNOWN_PUBLIC_KEY_IDENTIFIER', `No request has PublicKeyIdentifier ${publicKeyIdentifier}.`);
    return record;
  }

  private requireRole(signer: Signer, role: SignerRole): void {
    if (signer.role !== role) reject('WRONG_SIGNER', `Expected a signature with ${role}, got ${signer.role}.`);
  }
}

/** Throws what the SOAP adapter makes of an eHealth business error. */
export function reject(ehealthCode: string, ehealthMessage: string): never {
  throw new EhealthCertError('EHEALTH_REJECTED', `eHealth refused: ${ehealthMessage}`, { ehealthCode, ehealthMessage });
}

function sameIdentifier(a: Identifier | undefined, b: Identifier | undefined): boolean {
  return a !== undefined && b !== undefined && a.type === b.type && a.value === b.value;
}
