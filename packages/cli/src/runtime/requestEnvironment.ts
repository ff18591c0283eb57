import { basename } from 'node:path';
import { EhealthCertError, isUnfinishedRequest, parseKeystoreFileName, type PendingRequest, type PendingRequests } from '@ehealth-cert/core';
import { JsonPendingRequests } from '@ehealth-cert/adapters-ehealth';
import type { Environment } from '../settings/CliSettings.js';
import type { CommandContext } from './CommandContext.js';

/** The record of requests of the keystore folder (the one the command's adapters would use). */
export function pendingRequestsOf(ctx: CommandContext): PendingRequests {
  return ctx.adapters.pending ?? new JsonPendingRequests({ folder: ctx.settings.keystoreDir });
}

/** The newest request not finished (sending, sent, pending, issued), in `environment` or any. */
export async function newestUnfinishedRequest(ctx: CommandContext, environment?: Environment): Promise<PendingRequest | undefined> {
  return (await pendingRequestsOf(ctx).list())
    .filter((r) => isUnfinishedRequest(r) && (environment === undefined || r.environment === environment))
    .sort((a, b) => b.requestedAt.getTime() - a.requestedAt.getTime())[0];
}

/**
 * Issue 13: `complete` and `status` go to the environment the request was sent to. The environment
 * of a keystore is in its file name (`.acc-p12`, DOMAIN.md 3) and in the record of requests; with
 * no --env (nor EHEALTH_CERT_ENV) it replaces the default (prd), and an --env that contradicts it
 * is refused, so that a command printed for acceptance never goes to production.
 */
export async function contextForRequest(ctx: CommandContext, keystorePath: string | undefined): Promise<CommandContext> {
  let recorded: Environment | undefined;
  let source = '';
  if (keystorePath !== undefined) {
    const record = (await pendingRequestsOf(ctx).list()).find((r) => r.keystorePath === keystorePath);
    recorded = record?.environment ?? parseKeystoreFileName(basename(keystorePath))?.environment;
    source = keystorePath;
  } else if (ctx.settings.envChosen !== true) {
    const newest = await newestUnfinishedRequest(ctx);
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
  ctx.io.stderr.write(`${ctx.i18n.t((m) => m.complete.environmentOfRequest, { env: recorded.toUpperCase() })}\n`);
  return { ...ctx, settings: { ...ctx.settings, env: recorded } };
}
