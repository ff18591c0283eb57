/** Pure domain of ehealth-cert: identifiers, rules, ports and use cases (ARCHITECTURE.md). */
export * from './errors/EhealthCertError.js';
export * from './identifiers/Identifier.js';
export type * from './ports/binary.js';
export type * from './ports/Clock.js';
export type * from './ports/EidCard.js';
export type * from './ports/CertificateRegistry.js';
export type * from './ports/EtkRegistry.js';
export type * from './ports/KeyFactory.js';
export type * from './ports/KeystoreVault.js';
export type * from './ports/PendingRequests.js';
export type * from './ports/RequestReview.js';
export * from './ports/Progress.js';
