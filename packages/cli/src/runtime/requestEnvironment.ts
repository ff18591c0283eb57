import { basename } from 'node:path';
import { EhealthCertError, parseKeystoreFileName } from '@ehealth-cert/core';
import { recordedRequests } from '@ehealth-cert/composition';
import type { Environment } from '../settings/CliSettings.js';
import type { CommandContext } from './CommandContext.js';
import { environmentName } from '../i18n/environmentName.js';
import { wrapFor } from '../terminal/wrapForTerminal.js';

/**
 * Issue 13: `complete` and `status` go to the environment the request was sent to. The environment
 * of a keystore is in the record of requests and in its file name (`.acc-p12`, DOMAIN.md 3); with
 * no --env (nor EHEALTH_CERT_ENV) it replaces the default (prd), and an --env that contradicts it
 * is refused, so that a command printed for acceptance never goes to production. Without a
 * keystore and without --env: the environment of the newest unfinished request recorded here.
 */
export async function contextForRequest(ctx: CommandContext, keystorePath: string | undefined): Promise<CommandContext> {
  const requests = await recordedRequests(ctx.settings.keystoreDir, ctx.adapters.pending);
  let recorded: Environment | undefined;
  let source = '';
  if (keystorePath !== undefined) {
    const record = (await requests.execute()).find((r) => r.keystorePath === keystorePath);
    recorded = record?.environment ?? parseKeystoreFileName(basename(keystorePath))?.environment;
    source = keystorePath;
  } else if (ctx.settings.envChosen !== true) {
    const [newest] = await requests.execute({ state: 'open', order: 'newest-first' });
    recorded = newest?.environment;
    source = newest?.keystorePath ?? '';
  }
  if (recorded === undefined || recorded === ctx.settings.env) return ctx;
  if (ctx.settings.envChosen === true) {
    throw new EhealthCertError(
      'INVALID_INPUT',
      `${source} belongs to eHealth ${recorded.toUpperCase()}, not ${ctx.settings.env.toUpperCase()}: use --env ${recorded}`,
      { field: 'env', value: ctx.settings.env, expected: recorded, actual: ctx.settings.env },
    );
  }
  ctx.io.stderr.write(`${wrapFor(ctx.io.stderr, ctx.i18n.t((m) => m.complete.environmentOfRequest, { env: environmentName(recorded, ctx.i18n) }))}\n`);
  return { ...ctx, settings: { ...ctx.settings, env: recorded } };
}
