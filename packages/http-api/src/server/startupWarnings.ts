import { statSync } from 'node:fs';
import { hostNameKey } from '../auth/hostCheck.js';
import { isLoopback, type ApiSettings } from './ApiSettings.js';

/** A start-up warning: the server starts, but something makes it readable or reachable by others. */
export interface StartupWarning {
  readonly code: 'TOKEN_FILE_READABLE_BY_OTHERS' | 'NO_TLS_OFF_LOOPBACK' | 'WILDCARD_HOST_NAMES';
  readonly message: string;
}

/**
 * Issue 13: a token file other users of the machine can read (any group or other permission bit),
 * a non-loopback address served without TLS (the token, PINs and passwords would cross the
 * network in clear), and an all-addresses bind whose clients' names are not listed.
 */
export function startupWarnings(settings: Pick<ApiSettings, 'host' | 'tls' | 'tokenFile' | 'allowedHosts'>): StartupWarning[] {
  const warnings: StartupWarning[] = [];
  if (settings.tokenFile !== undefined) {
    const mode = modeOf(settings.tokenFile);
    if (mode !== undefined && (mode & 0o077) !== 0) {
      const octal = (mode & 0o777).toString(8).padStart(4, '0');
      warnings.push({
        code: 'TOKEN_FILE_READABLE_BY_OTHERS',
        message: `the token file ${settings.tokenFile} is readable or writable by other users of this machine (mode ${octal}): run "chmod 600 ${settings.tokenFile}" and consider replacing the token.`,
      });
    }
  }
  if (!isLoopback(settings.host) && settings.tls === undefined) {
    warnings.push({
      code: 'NO_TLS_OFF_LOOPBACK',
      message: `listening on ${settings.host} without TLS: the bearer token, PINs and keystore passwords cross the network in clear. Give --tls-cert F --tls-key F, or listen on 127.0.0.1 behind a reverse proxy that serves HTTPS (and name it with --allowed-host).`,
    });
  }
  const bound = hostNameKey(settings.host);
  if ((bound === '0.0.0.0' || bound === '[::]') && (settings.allowedHosts ?? []).length === 0) {
    warnings.push({
      code: 'WILDCARD_HOST_NAMES',
      message: `listening on all addresses (${settings.host}), but only requests naming 127.0.0.1, localhost or [::1] in their Host header are answered: give the names or addresses clients use with --allowed-host NAME.`,
    });
  }
  return warnings;
}

function modeOf(file: string): number | undefined {
  try {
    return statSync(file).mode;
  } catch {
    // Read at parse time already; gone since: nothing to warn about.
    return undefined;
  }
}
