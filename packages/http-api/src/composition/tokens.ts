import { PORT_TOKENS } from '@ehealth-cert/core';

/** DI tokens of the API's container: core's port tokens, plus what only the API binds. */
export const TOKENS = {
  ...PORT_TOKENS,
  /** All the ports as one object, the use cases' constructor argument. */
  Ports: Symbol.for('ehealth-cert.http-api.Ports'),
  AppDeps: Symbol.for('ehealth-cert.http-api.AppDeps'),
} as const;
