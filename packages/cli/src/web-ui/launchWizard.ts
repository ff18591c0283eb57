import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { EhealthCertError } from '@ehealth-cert/core';
import type { CliSettings } from '../settings/CliSettings.js';
import { findApiCommand } from './findApiCommand.js';

/** The API serving the wizard for this run. */
export interface LaunchedWizard {
  /** `http://127.0.0.1:PORT/ui/`: what the person may bookmark (no secret in it). */
  readonly url: string;
  /** The same with the one-time ticket in the fragment: opened once, worthless afterwards. */
  readonly urlWithTicket: string;
  /** Settles when the API process ends (its exit status). */
  readonly exited: Promise<number>;
  /** Stops the API (SIGTERM: it lets running jobs finish) and waits for it. */
  stop(): Promise<number>;
}

/** Longest wait for the API to listen: env sim makes a fake card (RSA keys on SoftHSM) first. */
const START_TIMEOUT_MS = 60_000;

/**
 * The wizard's usual port: the same address from one run to the next keeps the page's origin, and
 * with it the chosen language and a request interrupted at step 14 (localStorage is per origin).
 * When it is taken, any free port.
 */
export const USUAL_WIZARD_PORT = 8089;

/**
 * Starts `ehealth-cert-api` on 127.0.0.1 (a free port unless one is given) as a child process,
 * with a fresh bearer token and a fresh one-time ticket, both in its environment (never in argv,
 * which other users of the machine can read, and never logged). The page trades the ticket for the
 * token (POST /session); the token itself never appears in a URL.
 */
export async function launchWizard(options: Parameters<typeof launchOn>[0]): Promise<LaunchedWizard> {
  if (options.port !== undefined) return launchOn(options);
  try {
    return await launchOn({ ...options, port: USUAL_WIZARD_PORT });
  } catch (error) {
    if (!(EhealthCertError.is(error) && /EADDRINUSE/.test(error.message))) throw error;
    return launchOn({ ...options, port: 0 });
  }
}

async function launchOn(options: {
  readonly settings: CliSettings;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly port?: number;
  /** Where the API's own log lines go (JSON); by default they are dropped. */
  readonly log?: NodeJS.WritableStream;
}): Promise<LaunchedWizard> {
  const { settings } = options;
  const command = findApiCommand(options.env);
  const token = randomBytes(32).toString('base64url');
  const ticket = randomBytes(32).toString('base64url');
  const args = [
    command,
    '--host', '127.0.0.1',
    '--port', String(options.port ?? 0),
    '--env', settings.env,
    '--keystore-dir', settings.keystoreDir,
    ...(settings.pkcs11Module === undefined ? [] : ['--pkcs11-module', settings.pkcs11Module]),
    ...(settings.cardSerial === undefined ? [] : ['--card', settings.cardSerial]),
    ...(settings.endpointBase === undefined ? [] : ['--endpoint-base', settings.endpointBase]),
  ];
  const { EHEALTH_CERT_API_TOKEN_FILE: _file, ...inherited } = options.env;
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...inherited,
      ...(settings.softhsmConf === undefined ? {} : { SOFTHSM2_CONF: settings.softhsmConf }),
      EHEALTH_CERT_API_TOKEN: token,
      EHEALTH_CERT_API_UI_TICKET: ticket,
    } as NodeJS.ProcessEnv,
  });
  // The API must not outlive this process, even when it ends abruptly.
  const kill = () => child.kill('SIGTERM');
  process.once('exit', kill);
  const exited = new Promise<number>((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal === null ? 1 : 0))));
  void exited.then(() => process.off('exit', kill));
  const stderr: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')));
  try {
    const base = await listeningUrl(child, exited, options.log, () => stderr.join(''));
    return {
      url: `${base}/ui/`,
      urlWithTicket: `${base}/ui/#ticket=${ticket}`,
      exited,
      stop: async () => {
        child.kill('SIGTERM');
        return exited;
      },
    };
  } catch (error) {
    child.kill('SIGTERM');
    await exited;
    throw error;
  }
}

/** Reads the API's JSON log until its "listening" line, which carries the bound URL. */
function listeningUrl(child: ChildProcess, exited: Promise<number>, log: NodeJS.WritableStream | undefined, stderr: () => string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(failed(`did not start within ${START_TIMEOUT_MS / 1000} s`, stderr())), START_TIMEOUT_MS);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(failed(`stopped with status ${code}`, stderr()));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      log?.write(`${line}\n`);
      try {
        const entry = JSON.parse(line) as { msg?: string; url?: string };
        if (entry.msg === 'ehealth-cert API listening' && typeof entry.url === 'string') {
          clearTimeout(timer);
          resolve(entry.url);
        }
      } catch {
        // Not a log line of the API: ignored.
      }
    });
  });
}

function failed(what: string, stderr: string): EhealthCertError {
  const said = stderr.trim().split('\n').at(-1) ?? '';
  return new EhealthCertError('INTERNAL', `ehealth-cert-api ${what}${said === '' ? '' : `: ${said}`}`, { command: 'ehealth-cert-api' });
}
