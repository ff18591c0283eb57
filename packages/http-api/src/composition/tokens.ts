/** DI tokens of the API's container; each shares its port's name (STYLE.md "DI"). */
export const TOKENS = {
  EidCard: Symbol.for('ehealth-cert.EidCard'),
  CertificateRegistry: Symbol.for('ehealth-cert.CertificateRegistry'),
  EtkRegistry: Symbol.for('ehealth-cert.EtkRegistry'),
  KeyFactory: Symbol.for('ehealth-cert.KeyFactory'),
  KeystoreVault: Symbol.for('ehealth-cert.KeystoreVault'),
  PendingRequests: Symbol.for('ehealth-cert.PendingRequests'),
  Clock: Symbol.for('ehealth-cert.Clock'),
  Progress: Symbol.for('ehealth-cert.Progress'),
  /** All the ports as one object, the use cases' constructor argument. */
  Ports: Symbol.for('ehealth-cert.http-api.Ports'),
  AppDeps: Symbol.for('ehealth-cert.http-api.AppDeps'),
} as const;
