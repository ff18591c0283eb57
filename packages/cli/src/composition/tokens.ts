/**
 * DI tokens of the ports, named like the ports (STYLE.md "DI"). `Symbol.for` so that the adapter
 * modules that bind the same port (e.g. adapters-eid's EID_CARD) share the token.
 */
export const TOKENS = {
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
  /** The in-process simulator when env is `sim` without EHEALTH_CERT_ENDPOINT_BASE (demo, tests). */
  Simulator: Symbol.for('ehealth-cert.Simulator'),
  Settings: Symbol.for('ehealth-cert.CliSettings'),
} as const;
