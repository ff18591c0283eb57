import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EhealthCertError } from '@ehealth-cert/core';

/**
 * The `ehealth-cert-api` command that `ehealth-cert ui` runs as a child process: the CLI imports
 * no code of the API (ARCHITECTURE.md: no front end imports another), it starts its command.
 * EHEALTH_CERT_API_BIN names it; otherwise the one npm linked beside this CLI
 * (node_modules/.bin of this package or of a folder above it, as in the repository and in an
 * installation with both packages).
 */
export function findApiCommand(env: Readonly<Record<string, string | undefined>>, from = dirname(fileURLToPath(import.meta.url))): string {
  const given = env['EHEALTH_CERT_API_BIN'];
  if (given !== undefined && given !== '') {
    if (!existsSync(given)) throw notFound(`EHEALTH_CERT_API_BIN "${given}" does not exist`);
    return realpathSync(given);
  }
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', '.bin', 'ehealth-cert-api');
    if (existsSync(candidate)) return realpathSync(candidate);
    if (dirname(dir) === dir) break;
  }
  throw notFound('no ehealth-cert-api was found in node_modules/.bin beside ehealth-cert; install @ehealth-cert/http-api or set EHEALTH_CERT_API_BIN');
}

function notFound(message: string): EhealthCertError {
  return new EhealthCertError('INVALID_INPUT', message, { field: 'EHEALTH_CERT_API_BIN', rule: 'ehealth-cert-api-installed' });
}
