/** ehealth-cert: the command-line wizard, its composition root and an in-process entry for tests and features. */
export { runCli } from './runCli.js';
export { composeCli, type CliComposition } from './composition/composeCli.js';
export { resolveSettings, type CliSettings, type Environment, type Interaction } from './settings/CliSettings.js';
export type { CliIo } from './terminal/CliIo.js';
export { EXIT, exitCodeFor } from './exit-codes/exitCodeFor.js';
