import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (features/support/scene/../../..). */
export const REPOSITORY_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/** The built `ehealth-cert` (`npm run build`): what a person runs. */
export const BUILT_CLI = join(REPOSITORY_ROOT, 'packages', 'cli', 'dist', 'cli.js');
/** The built `ehealth-sim`. */
export const BUILT_SIMULATOR = join(REPOSITORY_ROOT, 'packages', 'simulator', 'dist', 'cli.js');
