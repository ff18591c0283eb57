import type { X509Certificate } from 'node:crypto';
import type { SimulatedClock } from '../clock/SimulatedClock.js';
import type { Mailbox } from '../mailbox/Mailbox.js';
import type { EhealthCa } from '../pki/EhealthCa.js';
import type { SeededRandom } from '../random/SeededRandom.js';
import type { AuthenticSources } from '../sources/AuthenticSources.js';
import type { Actor, CertificateRecord } from '../state/CertificateRecord.js';

/** What GenerateContract / GenerateRevocationContract issued, kept to detect edited contracts. */
export interface IssuedContract {
  readonly kind: 'certificate' | 'revocation';
  readonly entityType: 'NaturalPerson' | 'Organization';
  readonly actor: Actor;
  readonly applicationId?: string;
  readonly publicKeyIdentifier?: string;
}

/** Timing knobs of the simulated platform. */
export interface SimulatorTimings {
  /** From validation to delivery (GetCertificate answers CERT_NOT_YET_DELIVERED until then). */
  issuanceDelayMs: number;
  /** When set, a pending manual validation approves itself after this long; otherwise the admin decides. */
  manualValidationDelayMs: number | null;
}

/** The shared state and services the operations work on. */
export interface SimulatorContext {
  readonly clock: SimulatedClock;
  readonly random: SeededRandom;
  readonly ca: EhealthCa;
  readonly sources: AuthenticSources;
  readonly mailbox: Mailbox;
  readonly timings: SimulatorTimings;
  readonly eidAnchors: () => readonly X509Certificate[];
  readonly ehealthAnchors: readonly X509Certificate[];
  /** By PublicKeyIdentifier (hex, lower case). */
  readonly records: Map<string, CertificateRecord>;
  /** By contract fingerprint (SHA-256 of its canonical form). */
  readonly contracts: Map<string, IssuedContract>;
  /** Makes sure time-driven events (approval, issuance, reminders) up to now have happened. */
  readonly tick: () => Promise<void>;
}
