import type { Bytes } from './binary.js';

/** Which eID key (DOMAIN.md 6): `authentication` = key ID 2, `signature` = key ID 3 (non-repudiation). */
export type EidKey = 'authentication' | 'signature';

/** The key that a signature is made with, as DOMAIN.md 2.3/2.5 name them (eID-Auth, eID-Sign, eH-Auth). */
export type SignerRole = EidKey | 'ehealth-authentication';

/**
 * XML-DSig / JCA names of what `Signer.sign` does. `RSA-SHA256`: PKCS#1 v1.5 over SHA-256.
 * `ECDSA-SHA256` / `ECDSA-SHA384`: ECDSA on the key's curve (P-384 on eID applet 1.8) over a SHA-256
 * or SHA-384 digest, output raw r||s (IEEE P1363, 96 bytes for P-384), which is the XML-DSig form;
 * convert to DER where CMS or X.509 need it.
 */
export type SignatureAlgorithm = 'RSA-SHA256' | 'ECDSA-SHA256' | 'ECDSA-SHA384';

/** Card generation from the key type (DOMAIN.md 6): applet 1.1, 1.7 and 1.8. */
export type CardGeneration = 'rsa1024' | 'rsa2048' | 'ecp384';

/** Something that signs with a private key it never hands out: an eID key or a software key. */
export interface Signer {
  readonly role: SignerRole;
  /** The key's natural algorithm: RSA-SHA256 for RSA keys, ECDSA-SHA384 for P-384 keys. */
  readonly algorithm: SignatureAlgorithm;
  /** DER certificates, leaf first, then intermediates, then (when known) the root. */
  readonly certificateChain: readonly Bytes[];
  /**
   * Hashes `data` and signs it (see SignatureAlgorithm for the output form) with `algorithm`, by
   * default `this.algorithm`. An EC key signs ECDSA-SHA256 and ECDSA-SHA384 (the digest is made
   * before the key signs it); an algorithm the key cannot use is an INTERNAL error.
   */
  sign(data: Bytes, algorithm?: SignatureAlgorithm): Promise<Bytes>;
}

/** The holder of the card, read without a PIN. */
export interface CardHolder {
  /** National number (SSIN) from the Authentication certificate's serialNumber attribute. */
  readonly ssin: string;
  readonly givenNames: string;
  readonly surname: string;
  readonly generation: CardGeneration;
  /** Token serial, to choose among several cards. */
  readonly tokenSerial: string;
  /** Leaf, Citizen CA, Root (DER). */
  readonly authenticationChain: readonly Bytes[];
  readonly signatureChain: readonly Bytes[];
}

/** What the token says about the PIN (PKCS#11 token flags), without trying it. */
export interface PinStatus {
  readonly state: 'ok' | 'count-low' | 'final-try' | 'blocked';
  /** The reader has a PIN pad (CKF_PROTECTED_AUTHENTICATION_PATH): the PIN is typed there. */
  readonly pinpad: boolean;
}

/** A token that looks like an eID, for choosing among several. */
export interface CardSlot {
  readonly tokenSerial: string;
  readonly label: string;
  readonly holder?: string;
}

/**
 * The Belgian eID card. Errors: CARD_ABSENT, CARD_AMBIGUOUS, CARD_REMOVED, PIN_INCORRECT (details
 * `triesLeft` when the token tells), PIN_BLOCKED, PKCS11_MODULE_NOT_FOUND. A wrong PIN is never
 * retried by the adapter.
 */
export interface EidCard {
  listCards(): Promise<readonly CardSlot[]>;
  readHolder(): Promise<CardHolder>;
  pinStatus(): Promise<PinStatus>;
  /**
   * Runs `operation` with a Signer for `key`. The PIN is asked through `pin` at most once, only
   * when the card needs it, and the session is closed whatever happens.
   */
  withSigner<T>(key: EidKey, pin: PinEntry, operation: (signer: Signer) => Promise<T>): Promise<T>;
}

/** Why the PIN is asked, so that the person knows what they approve (manual steps 7 and 14). */
export interface PinRequest {
  readonly key: EidKey;
  readonly holderName?: string;
  /** Tries left when the token tells (after a wrong PIN in an earlier operation). */
  readonly triesLeft?: number;
}

/** The person typing a PIN: a masked prompt, an API request body, or an environment variable. */
export interface PinEntry {
  /** Returns the PIN; throws PIN_UNAVAILABLE or CANCELLED when there is none. */
  askPin(request: PinRequest): Promise<string>;
  /** Called instead of askPin when the reader's PIN pad collects the PIN. */
  notifyPinpad?(request: PinRequest): void;
}
