import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import type { AppDeps } from '../app/AppDeps.js';
import { buildApp } from '../app/buildApp.js';
import { EhealthCertError } from '@ehealth-cert/core';
import { composeApi } from '../composition/composeApi.js';
import { LOOPBACK_HOST_NAMES, hostNameKey, type HostPolicy } from '../auth/hostCheck.js';
import { isLoopback, noAuthInPrd, type ApiSettings } from './ApiSettings.js';
import { loggerOptions } from './loggerOptions.js';
import { startupWarnings } from './startupWarnings.js';

/** What composes the API's dependencies from settings (composeApi, or a test's own). */
export type ComposeDeps = (settings: ApiSettings) => Promise<{ readonly deps: AppDeps; close(): Promise<void> }>;

/** A listening API server. */
export interface RunningServer {
  readonly app: FastifyInstance;
  /** `http(s)://host:port`, with the port actually bound. */
  readonly url: string;
  /** Stops accepting, lets requests and jobs finish, then releases the adapters. */
  close(): Promise<void>;
}

/** Options of startServer beyond the settings. */
export interface StartServerOptions {
  /** Default composeApi: the adapters the settings choose. */
  readonly compose?: ComposeDeps;
  /** Where pino writes (default stdout); tests pass a stream to read the log lines. */
  readonly logStream?: NodeJS.WritableStream;
  /** Close on SIGINT/SIGTERM (the bin does; tests don't). */
  readonly handleSignals?: boolean;
  /** Where the start-up warnings go besides the log (default stderr); tests pass a stream. */
  readonly warningStream?: NodeJS.WritableStream;
}

/** Longest wait for running jobs at shutdown: a card signature or eHealth call may be in flight. */
const DRAIN_TIMEOUT_MS = 30_000;

/** Composes the dependencies, builds the app with the pino logger, listens, and wires shutdown. */
export async function startServer(settings: ApiSettings, options: StartServerOptions = {}): Promise<RunningServer> {
  if (settings.auth.kind === 'none' && !isLoopback(settings.host)) {
    throw new EhealthCertError('INVALID_INPUT', `Running without a token is allowed only on a loopback host, not "${settings.host}".`, {
      field: 'host',
      value: settings.host,
      rule: 'no-auth-loopback-only',
    });
  }
  if (settings.auth.kind === 'none' && settings.env === 'prd') throw noAuthInPrd();
  const composed = await (options.compose ?? composeApi)(settings);
  const logger = { ...loggerOptions(settings.logLevel), ...(options.logStream === undefined ? {} : { stream: options.logStream }) };
  const serverOptions: FastifyServerOptions = {
    logger,
    ...(settings.tls === undefined
      ? {}
      : {
          // RFC 8446: TLS 1.2 at least; the key and certificate are PEM files.
          serverFactory: (handler) =>
            createServer(
              { key: readFileSync(settings.tls!.keyFile), cert: readFileSync(settings.tls!.certFile), minVersion: 'TLSv1.2' },
              handler,
            ),
        }),
  };
  let app: FastifyInstance;
  try {
    app = await buildApp({ ...composed.deps, allowedHosts: hostPolicyOf(settings) }, serverOptions);
    await app.listen({ host: settings.host, port: settings.port });
  } catch (error) {
    await composed.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : settings.port;
  const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
  const url = `${settings.tls === undefined ? 'http' : 'https'}://${host}:${port}`;
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      await app.close();
      await Promise.race([composed.deps.jobs.drain(), new Promise((resolve) => setTimeout(resolve, DRAIN_TIMEOUT_MS).unref())]);
      await composed.deps.idempotency.flush();
      await composed.close();
    })();
    return closing;
  };
  if (options.handleSignals === true) {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        app.log.info({ signal }, 'shutting down');
        close().then(
          () => process.exit(0),
          (error: unknown) => {
            app.log.error({ err: error }, 'shutdown failed');
            process.exit(1);
          },
        );
      });
    }
  }
  // Issue 13: what makes this server reachable or readable by others is said at start, on stderr and in the log.
  for (const warning of startupWarnings(settings)) {
    app.log.warn({ code: warning.code }, warning.message);
    (options.warningStream ?? process.stderr).write(`ehealth-cert-api: warning: ${warning.message}\n`);
  }
  app.log.info({ url, env: settings.env, auth: settings.auth.kind, keystoreDir: settings.keystoreDir, allowedHosts: hostPolicyOf(settings).names }, 'ehealth-cert API listening');
  return { app, url, close };
}

/**
 * The Host names answered: the loopback names, the address bound when it is a particular one (not
 * 0.0.0.0 or ::, which no client puts in a Host header), and `--allowed-host` names.
 */
export function hostPolicyOf(settings: Pick<ApiSettings, 'host' | 'allowedHosts'>): HostPolicy {
  const bound = hostNameKey(settings.host);
  const wildcard = bound === '0.0.0.0' || bound === '[::]';
  const names = new Set([...LOOPBACK_HOST_NAMES, ...(bound === undefined || wildcard ? [] : [bound]), ...(settings.allowedHosts ?? [])]);
  return { names: [...names] };
}
