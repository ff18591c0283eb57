import type { Identifier } from '../identifiers/Identifier.js';
import type { Bytes } from './binary.js';
import type { Signer } from './EidCard.js';

/**
 * CompleteETKRegistration result. Both elements are optional in the XSD (etkra protocol v2
 * `CompleteETKRegistrationResponseType`, a `sequence minOccurs="0"`) and the connector reads only
 * the status, so either may be absent.
 */
export interface RegisteredEtk {
  /** The ETK: CMS SignedData whose content is our encryption certificate (DOMAIN.md 2.5). */
  readonly etk?: Bytes;
  /** A replacement ETK that waits for ActivateETK (renewal). */
  readonly toBeActivated?: boolean;
}

/** EtkRA v2 (DOMAIN.md 2.5) and ETKDepot GetEtk (DOMAIN.md 2.6); all signed with eH-Auth. */
export interface EtkRegistry {
  /** `publicEncryptionKey` is the SubjectPublicKeyInfo DER of an RSA-2048 key; returns the challenge. */
  startEtkRegistration(signer: Signer, publicEncryptionKey: Bytes): Promise<Bytes>;
  completeEtkRegistration(signer: Signer, toBeRegistered: Bytes): Promise<RegisteredEtk>;
  activateEtk(signer: Signer): Promise<void>;
  /** The ETK(s) ETKDepot publishes for the identifier now (empty when none). */
  getPublishedEtks(identifier: Identifier, applicationId?: string): Promise<readonly Bytes[]>;
}
