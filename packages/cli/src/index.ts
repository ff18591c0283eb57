/** ehealth-cert: the command-line wizard, its composition root and an in-process entry for tests and features. */
export { runCli } from './runCli.js';
export { createContainer, type CliContainer } from './composition/createContainer.js';
export { TOKENS } from './composition/tokens.js';
export { resolveSettings, type CliSettings, type Environment, type Interaction } from './settings/CliSettings.js';
export type { CliIo } from './terminal/CliIo.js';
export { EXIT, exitCodeFor } from './exit-codes/exitCodeFor.js';
