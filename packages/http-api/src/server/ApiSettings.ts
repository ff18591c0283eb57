import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { EhealthCertError } from '@ehealth-cert/core';
import type { PortSettings } from '@ehealth-cert/composition';
import type { ApiAuth } from '../auth/bearerAuth.js';
import { hostNameKey } from '../auth/hostCheck.js';

/** Everything the API process needs, from flags and environment (the CLI's names). */
/** The API's settings: the shared PortSettings (what createPorts builds the adapters from) and HTTP's own. */
export interface ApiSettings extends PortSettings {
  readonly env: 'prd' | 'acc' | 'sim';
  readonly host: string;
  readonly port: number;
  readonly auth: ApiAuth;
  /** The file the token was read from: its mode is checked at start (a warning when others can read it). */
  readonly tokenFile?: string;
  /** Host names answered beyond the loopback names and the bound host (`--allowed-host`, DNS rebinding defence). */
  readonly allowedHosts?: readonly string[];
  readonly tls?: { readonly keyFile: string; readonly certFile: string };
  /** Keystore folder (DOMAIN.md 3: `~/ehealth/keystore` by default, like the CLI). */
  readonly keystoreDir: string;
  readonly pkcs11Module?: string;
  /** SoftHSM2 configuration of a fake card (SOFTHSM2_CONF), set before the module loads. */
  readonly softhsmConf?: string;
  /** Token serial of the card when several are inserted (`--card`, as in the CLI). */
  readonly cardSerial?: string;
  /** A loopback eHealth simulator (`ehealth-sim serve`) instead of the in-process one (env sim). */
  readonly endpointBase?: string;
  readonly logLevel: string;
  /** Serve /openapi.json and /docs without a token (they hold no data). */
  readonly publicDocs: boolean;
  /** Requests per minute per client on routes that take a PIN or password (default 10). */
  readonly secretRateLimit?: number;
  /** One-time ticket of the web wizard (EHEALTH_CERT_API_UI_TICKET, set by `ehealth-cert ui`; never a flag). */
  readonly uiTicket?: string;
}

/** The usage text of `ehealth-cert-api --help`. */
export const API_USAGE = `Usage: ehealth-cert-api [options]

  --env prd|acc|sim        eHealth environment (EHEALTH_CERT_ENV, default prd, as the CLI);
                           sim: the eHealth simulator at EHEALTH_CERT_ENDPOINT_BASE, else in this process
                           with its state in <keystore folder>/.ehealth-sim (EHEALTH_CERT_SIM_STATE_DIR),
                           as the CLI; without a PKCS#11 module or SOFTHSM2_CONF, a fresh fake eID on
                           SoftHSM (PIN 1234), removed at shutdown
  --host H                 address to bind (EHEALTH_CERT_API_HOST, default 127.0.0.1)
  --port N                 port (EHEALTH_CERT_API_PORT, default 8443 with TLS, else 8080)
  --token-file F           file holding the bearer token (EHEALTH_CERT_API_TOKEN_FILE);
                           or the token itself in EHEALTH_CERT_API_TOKEN
  --no-auth                no token (refused unless the host is loopback, and refused with --env prd)
  --allowed-host NAME      also answer requests whose Host header is NAME (repeatable;
                           EHEALTH_CERT_API_ALLOWED_HOSTS, comma-separated). Only 127.0.0.1, localhost,
                           [::1] and the --host address are answered otherwise: a web page cannot reach
                           the API through DNS rebinding. Add the name clients use behind a reverse proxy
  --tls-key F --tls-cert F serve HTTPS with this PEM key and certificate
  --keystore-dir D         keystore folder (EHEALTH_CERT_KEYSTORE_DIR, default ~/ehealth/keystore)
  --pkcs11-module F        PKCS#11 module of the eID (EHEALTH_CERT_PKCS11_MODULE; SOFTHSM2_CONF for SoftHSM)
  --card SERIAL            token serial of the card when several are inserted
  --endpoint-base URL      eHealth base URL, e.g. a loopback simulator (EHEALTH_CERT_ENDPOINT_BASE)
  --log-level L            pino level (EHEALTH_CERT_LOG_LEVEL, default info)
  --public-docs            serve /openapi.json and /docs without a token
  --rate-limit N           wrong PINs or passwords per minute per client, summed over all routes taking a
                           PIN or password (EHEALTH_CERT_API_RATE_LIMIT, default 10)
  --help                   this text

The web wizard is at /ui/ (its files need no token; its calls do). \`ehealth-cert ui\` starts this
server with a one-time ticket in EHEALTH_CERT_API_UI_TICKET that the page trades for the token.
`;

/** Reads settings from argv (without node and script) and the environment; throws INVALID_INPUT. */
export function parseApiSettings(argv: readonly string[], env: NodeJS.ProcessEnv, cwd = process.cwd()): ApiSettings | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      env: { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      'token-file': { type: 'string' },
      'no-auth': { type: 'boolean' },
      'allowed-host': { type: 'string', multiple: true },
      'tls-key': { type: 'string' },
      'tls-cert': { type: 'string' },
      'keystore-dir': { type: 'string' },
      'pkcs11-module': { type: 'string' },
      card: { type: 'string' },
      'endpoint-base': { type: 'string' },
      'log-level': { type: 'string' },
      'public-docs': { type: 'boolean' },
      'rate-limit': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help === true) {
    return 'help';
  }
  const environment = (values.env ?? env.EHEALTH_CERT_ENV ?? 'prd').toLowerCase();
  if (environment !== 'prd' && environment !== 'acc' && environment !== 'sim') {
    throw invalid('--env', environment, 'one of prd, acc, sim');
  }
  const host = values.host ?? env.EHEALTH_CERT_API_HOST ?? '127.0.0.1';
  const tls = tlsOf(values['tls-key'], values['tls-cert']);
  const portText = values.port ?? env.EHEALTH_CERT_API_PORT ?? (tls === undefined ? '8080' : '8443');
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) {
    throw invalid('--port', portText, 'an integer from 0 to 65535');
  }
  const tokenFile = nonEmpty(values['token-file'] ?? env.EHEALTH_CERT_API_TOKEN_FILE);
  const noAuth = values['no-auth'] === true;
  if (noAuth && environment === 'prd') throw noAuthInPrd();
  const allowedHosts = allowedHostsOf(values['allowed-host'] ?? (env.EHEALTH_CERT_API_ALLOWED_HOSTS ?? '').split(','));
  const settings: ApiSettings = {
    env: environment,
    host,
    port,
    auth: authOf(noAuth, host, tokenFile, env.EHEALTH_CERT_API_TOKEN),
    ...(tokenFile === undefined || noAuth ? {} : { tokenFile }),
    ...(allowedHosts.length === 0 ? {} : { allowedHosts }),
    keystoreDir: resolve(cwd, values['keystore-dir'] ?? env.EHEALTH_CERT_KEYSTORE_DIR ?? join(homedir(), 'ehealth', 'keystore')),
    logLevel: values['log-level'] ?? env.EHEALTH_CERT_LOG_LEVEL ?? 'info',
    publicDocs: values['public-docs'] === true,
    ...(tls === undefined ? {} : { tls }),
  };
  const pkcs11Module = nonEmpty(values['pkcs11-module'] ?? env.EHEALTH_CERT_PKCS11_MODULE);
  const endpointBase = nonEmpty(values['endpoint-base'] ?? env.EHEALTH_CERT_ENDPOINT_BASE);
  const softhsmConf = nonEmpty(env.SOFTHSM2_CONF);
  const simulatorStateDir = nonEmpty(env.EHEALTH_CERT_SIM_STATE_DIR);
  const rateLimitText = nonEmpty(values['rate-limit'] ?? env.EHEALTH_CERT_API_RATE_LIMIT);
  const uiTicket = nonEmpty(env.EHEALTH_CERT_API_UI_TICKET);
  if (uiTicket !== undefined && uiTicket.length < 16) {
    throw new EhealthCertError('INVALID_INPUT', `EHEALTH_CERT_API_UI_TICKET has ${uiTicket.length} characters; at least 16 are required.`, {
      field: 'EHEALTH_CERT_API_UI_TICKET',
      rule: 'min-length-16',
    });
  }
  if (rateLimitText !== undefined && !/^[1-9]\d{0,5}$/.test(rateLimitText)) {
    throw invalid('--rate-limit', rateLimitText, 'an integer from 1 to 999999');
  }
  return {
    ...settings,
    ...(rateLimitText === undefined ? {} : { secretRateLimit: Number(rateLimitText) }),
    ...(uiTicket === undefined ? {} : { uiTicket }),
    ...(softhsmConf === undefined ? {} : { softhsmConf }),
    ...(values.card === undefined ? {} : { cardSerial: values.card }),
    ...(pkcs11Module === undefined ? {} : { pkcs11Module }),
    ...(endpointBase === undefined ? {} : { endpointBase }),
    ...(simulatorStateDir === undefined ? {} : { simulatorStateDir: resolve(cwd, simulatorStateDir) }),
  };
}

/** Issue 13: production is never served without a token, whatever the host. */
export function noAuthInPrd(): EhealthCertError {
  return new EhealthCertError(
    'INVALID_INPUT',
    '--no-auth is refused with --env prd: production requests carry real certificates and the holder\'s PIN, so the API needs a token there (--token-file F or EHEALTH_CERT_API_TOKEN). Use --no-auth only with --env acc or --env sim.',
    { field: '--no-auth', value: 'prd', rule: 'no-auth-not-with-env-prd' },
  );
}

/** `--allowed-host` names (or EHEALTH_CERT_API_ALLOWED_HOSTS), normalised; each must be a host name or an IP address. */
function allowedHostsOf(names: readonly string[]): string[] {
  return names
    .map((name) => name.trim())
    .filter((name) => name !== '')
    .map((name) => {
      const key = hostNameKey(name);
      if (key === undefined) throw invalid('--allowed-host', name, 'a host name or an IP address, without scheme, port or path (e.g. certs.example.org)');
      return key;
    });
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/** True for 127.0.0.0/8, ::1 and `localhost`: only this machine can connect. */
export function isLoopback(host: string): boolean {
  if (host === 'localhost') {
    return true;
  }
  if (isIP(host) === 4) {
    return host.startsWith('127.');
  }
  return host === '::1' || host === '::ffff:127.0.0.1';
}

function authOf(noAuth: boolean, host: string, tokenFile: string | undefined, tokenValue: string | undefined): ApiAuth {
  if (noAuth) {
    if (!isLoopback(host)) {
      throw invalid('--host', host, 'a loopback host (127.0.0.1, ::1, localhost) with --no-auth; give a token to listen elsewhere');
    }
    return { kind: 'none' };
  }
  const token = tokenFile === undefined ? tokenValue : readToken(tokenFile);
  if (token === undefined) {
    throw new EhealthCertError('INVALID_INPUT', 'A bearer token is required: give --token-file F or EHEALTH_CERT_API_TOKEN (or --no-auth on loopback).', {
      field: '--token-file',
      rule: 'required',
    });
  }
  if (token.length < 16) {
    // The token itself is never put in a message.
    throw new EhealthCertError('INVALID_INPUT', `The bearer token has ${token.length} characters; at least 16 are required.`, {
      field: '--token-file',
      rule: 'min-length-16',
    });
  }
  return { kind: 'token', token };
}

function readToken(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (cause) {
    throw new EhealthCertError('INVALID_INPUT', `--token-file "${file}" cannot be read.`, { field: '--token-file', rule: 'readable' }, { cause });
  }
}

function tlsOf(keyFile: string | undefined, certFile: string | undefined): ApiSettings['tls'] {
  if (keyFile === undefined && certFile === undefined) {
    return undefined;
  }
  if (keyFile === undefined || certFile === undefined) {
    throw invalid(keyFile === undefined ? '--tls-key' : '--tls-cert', '', 'required together with the other TLS flag');
  }
  return { keyFile, certFile };
}

function invalid(field: string, value: string, rule: string): EhealthCertError {
  return new EhealthCertError('INVALID_INPUT', `${field} "${value}" is invalid: expected ${rule}.`, { field, value, rule });
}
