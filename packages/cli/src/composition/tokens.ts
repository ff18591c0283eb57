import { PORT_TOKENS } from '@ehealth-cert/core';

/** DI tokens of the CLI's container: core's port tokens, plus what only the CLI binds. */
export const TOKENS = {
  ...PORT_TOKENS,
  /** The in-process simulator when env is `sim` without EHEALTH_CERT_ENDPOINT_BASE (demo, tests). */
  Simulator: Symbol.for('ehealth-cert.Simulator'),
  SupportTeam: Symbol.for('ehealth-cert.SupportTeam'),
  Settings: Symbol.for('ehealth-cert.CliSettings'),
} as const;
