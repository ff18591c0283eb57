import type { CertificateRegistry } from './CertificateRegistry.js';
import type { Clock } from './Clock.js';
import type { EidCard } from './EidCard.js';
import type { EtkRegistry } from './EtkRegistry.js';
import type { KeyFactory } from './KeyFactory.js';
import type { KeystoreVault } from './KeystoreVault.js';
import type { PendingRequests } from './PendingRequests.js';
import type { Progress } from './Progress.js';

/**
 * Every port the use cases take, as one object: what a composition root builds once and hands to
 * each use case's constructor (each use case reads the subset it declares, e.g. CompletionPorts).
 */
export interface UseCasePorts {
  readonly card: EidCard;
  readonly registry: CertificateRegistry;
  readonly etkRegistry: EtkRegistry;
  readonly keys: KeyFactory;
  readonly vault: KeystoreVault;
  readonly pending: PendingRequests;
  readonly clock: Clock;
  readonly progress: Progress;
}
