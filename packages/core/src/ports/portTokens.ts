/**
 * DI tokens of the ports for the composition roots and adapter modules, each named like its port
 * (STYLE.md "DI tokens share their port's name"); `Symbol.for`, so that a module binding the same
 * port elsewhere (adapters-eid's EID_CARD) shares the token. Core itself does no injection.
 */
export const PORT_TOKENS = {
  EidCard: Symbol.for('ehealth-cert.EidCard'),
  CertificateRegistry: Symbol.for('ehealth-cert.CertificateRegistry'),
  EtkRegistry: Symbol.for('ehealth-cert.EtkRegistry'),
  KeyFactory: Symbol.for('ehealth-cert.KeyFactory'),
  KeystoreVault: Symbol.for('ehealth-cert.KeystoreVault'),
  PendingRequests: Symbol.for('ehealth-cert.PendingRequests'),
  Clock: Symbol.for('ehealth-cert.Clock'),
  Progress: Symbol.for('ehealth-cert.Progress'),
  PinEntry: Symbol.for('ehealth-cert.PinEntry'),
  RequestReview: Symbol.for('ehealth-cert.RequestReview'),
} as const;
