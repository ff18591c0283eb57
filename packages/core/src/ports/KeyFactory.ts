import type { Bytes } from './binary.js';
import type { Signer } from './EidCard.js';

/** An RSA key pair held in memory as DER (the private key never leaves the machine). */
export interface KeyPair {
  /** PKCS#8 PrivateKeyInfo DER. */
  readonly privateKey: Bytes;
  /** SubjectPublicKeyInfo DER. */
  readonly publicKey: Bytes;
}

/** What the use cases need to know of an X.509 certificate. */
export interface CertificateSummary {
  /** RFC 2253 subject, as eHealth writes it (DOMAIN.md 4.1). */
  readonly subject: string;
  readonly issuer: string;
  /** Decimal serial number. */
  readonly serialNumber: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** SHA-1 of the subjectPublicKey, 40 lower-case hex digits (DOMAIN.md 2.1). */
  readonly publicKeyIdentifier: string;
  /** The throw-away certificate that stands in for a pending key (DOMAIN.md 2.4 item 9). */
  readonly placeholder: boolean;
}

/**
 * How far a certificate chain was checked: up to a trust anchor of the environment (`anchored`), or
 * only link by link because the environment has no known anchor (`no-trust-anchors`: acc without
 * EHEALTH_CERT_TRUST_ANCHORS), which the use cases report as a warning, never silently.
 */
export type ChainTrust = 'anchored' | 'no-trust-anchors';

/** What an ETK holds once its CMS signature is checked (DOMAIN.md 2.5). */
export interface EtkSummary {
  readonly encryptionCertificate: Bytes;
  readonly serialNumber: string;
  readonly subject: string;
  /** Whether the ETK signer's certificate was checked against eHealth's roots. */
  readonly signerTrust: ChainTrust;
}

/**
 * Local key material and X.509/CMS work (DOMAIN.md 2.4-2.5): RSA-2048 key pairs, the CSR with the
 * contract's DN, the ETK proof of possession, ETK checks. Errors: INVALID_INPUT for bad DER,
 * EHEALTH_RESPONSE_INVALID for a challenge or ETK that does not check out.
 */
/** Request keys and CSR (manual steps 9-15): the new key pair, its CSR, its placeholder, its signer. */
export interface RequestKeys {
  generateKeyPair(): Promise<KeyPair>;
  /** PKCS#10, SHA256withRSA, subject = `dn` exactly (one attribute per RDN, in order). */
  createCsr(keyPair: KeyPair, dn: string): Promise<Bytes>;
  /** Self-signed `C=Dummy`, serial 0, one-minute validity the day before `now` (DOMAIN.md 2.4 item 9). */
  createPlaceholderCertificate(keyPair: KeyPair, now: Date): Promise<Bytes>;
  /** A Signer over a software key (the new eHealth authentication key, role `ehealth-authentication`). */
  softwareSigner(keyPair: KeyPair, certificateChain: readonly Bytes[]): Signer;
}

/** Inspection of keys, certificates and issued chains (completion, status, inspect). */
export interface CertificateInspection {
  /** The identifier eHealth knows a request by (SHA-1 of the public key, hexadecimal; DOMAIN.md 2.4). */
  publicKeyIdentifier(publicKey: Bytes): Promise<string>;
  describeCertificate(certificate: Bytes): CertificateSummary;
  /**
   * Checks an issued chain (leaf first): the leaf holds `keyPair`'s public key and each certificate
   * is signed by the next, always; the last one chains to a trust anchor of the environment when
   * the environment has anchors (`anchored`), else `no-trust-anchors` (EHEALTH_RESPONSE_INVALID
   * when anchors exist and the chain does not reach one).
   */
  verifyIssuedChain(chain: readonly Bytes[], keyPair: KeyPair): Promise<ChainTrust>;
}

/** The ETK (DOMAIN.md 2.5): challenge, self-issued encryption certificate, the published token. */
export interface EtkKeys {
  /** Splits and decrypts the EtkRA challenge, checks its SHA-256, returns the decimal serial. */
  decryptChallenge(encryptionKey: KeyPair, challenge: Bytes): Promise<string>;
  /** The self-issued encryption certificate of DOMAIN.md 2.5, signed with the authentication key. */
  createEncryptionCertificate(input: {
    readonly authenticationCertificate: Bytes;
    readonly authenticationKey: KeyPair;
    readonly encryptionKey: KeyPair;
    readonly serialNumber: string;
  }): Promise<Bytes>;
  /**
   * Verifies the ETK's CMS signature, that it holds `expectedCertificate`, and that its signer
   * chains to eHealth's roots where the environment knows them (`signerTrust`).
   */
  verifyEtk(etk: Bytes, expectedCertificate: Bytes): Promise<EtkSummary>;
}

/** The three roles together: what one adapter (NodeKeyFactory) implements and the composition hands out. */
export interface KeyFactory extends RequestKeys, CertificateInspection, EtkKeys {}
