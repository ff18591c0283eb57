import { isIP } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../errors/ApiError.js';

/** The names a loopback server answers for whatever the settings: only this machine uses them. */
export const LOOPBACK_HOST_NAMES: readonly string[] = ['127.0.0.1', 'localhost', '[::1]'];

/** The host names this server answers for (the Host header's name part, any port). */
export interface HostPolicy {
  /** Normalised names (hostNameKey): loopback names, the bound host, `--allowed-host` names. */
  readonly names: readonly string[];
}

/** The policy of a server with no settings (buildApp for tests and the features): loopback names only. */
export const LOOPBACK_ONLY: HostPolicy = { names: LOOPBACK_HOST_NAMES };

/**
 * The name as compared: lower case, no trailing dot (`localhost.` is `localhost`), an IPv6 address
 * in brackets as in a Host header (RFC 3986 section 3.2.2). Undefined for what is not a host name.
 */
export function hostNameKey(name: string): string | undefined {
  let text = name.trim().toLowerCase();
  if (text.endsWith('.')) text = text.slice(0, -1);
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  if (isIP(bare) === 6) return `[${bare}]`;
  if (isIP(bare) === 4) return bare;
  // RFC 1123 host names: letters, digits, hyphens, dots; each label 1-63 characters.
  if (bare.length > 253 || !/^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))*$/.test(bare)) return undefined;
  return bare;
}

/** The name part of a Host header (`name`, `name:port`, `[v6]`, `[v6]:port`); undefined when malformed. */
export function hostHeaderName(header: string): string | undefined {
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d{1,5}))?$/.exec(header.trim());
  if (match === null) return undefined;
  return hostNameKey(match[1] ?? '');
}

/** Longest Host value quoted back in a problem. */
const MAX_ECHOED_HOST = 100;

/**
 * Answers only requests whose Host header names this server (issue 13): a web page whose own name
 * is made to resolve to 127.0.0.1 (DNS rebinding) sends its own name as Host and is refused here,
 * before the bearer token is checked and before any route, the wizard's files and POST /session
 * included. The port is not compared: the defence is the name, and a reverse proxy may forward
 * the Host it received on another port.
 */
export function installHostCheck(app: FastifyInstance, policy: HostPolicy): void {
  const allowed = new Set(policy.names);
  app.addHook('onRequest', async (request) => {
    const header = request.headers.host;
    const name = header === undefined ? undefined : hostHeaderName(header);
    if (name !== undefined && allowed.has(name)) return;
    const shown = header === undefined ? 'none' : `"${header.slice(0, MAX_ECHOED_HOST)}"`;
    throw new ApiError(
      'HOST_NOT_ALLOWED',
      `Host ${shown} is not a name of this server (rule allowed-host: only 127.0.0.1, localhost, [::1], the address it listens on, and names given with --allowed-host are answered, so that a web page cannot reach the API by DNS rebinding). Reach it by one of those names, or restart it with --allowed-host NAME.`,
      { field: 'headers.host', rule: 'allowed-host' },
    );
  });
}
