import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The folder of the web wizard's built files (`@ehealth-cert/web-wizard`, `dist/ui`), or
 * undefined when it is not built. Only the files are used: the API imports no code of the wizard,
 * which is a client of the public routes like any other (decision 0009).
 */
export function wizardAssetsDir(): string | undefined {
  let manifest: string;
  try {
    manifest = createRequire(import.meta.url).resolve('@ehealth-cert/web-wizard/package.json');
  } catch {
    return undefined;
  }
  const dir = join(dirname(manifest), 'dist', 'ui');
  return existsSync(join(dir, 'index.html')) ? dir : undefined;
}
