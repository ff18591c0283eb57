import { EhealthCertError } from '@ehealth-cert/core';
import { EXIT } from '../exit-codes/exitCodeFor.js';
import type { CommandContext, CommandResult } from '../runtime/CommandContext.js';
import type { CliSettings } from '../settings/CliSettings.js';
import { launchWizard } from '../web-ui/launchWizard.js';
import { openBrowser } from '../web-ui/openBrowser.js';
import { environmentName } from '../i18n/environmentName.js';

/**
 * `ehealth-cert ui`: the manual's screens in the browser. Starts ehealth-cert-api on loopback with
 * a fresh token and one-time ticket, opens the default browser on the web wizard (or prints the
 * address when no browser can be opened), and stops the API on Ctrl-C.
 */
export async function run(ctx: CommandContext, _args: readonly string[], options: Record<string, unknown>): Promise<CommandResult> {
  return serveWizard(ctx, ctx.settings, { port: portOf(options['port']), open: options['open'] !== false });
}

/** Serves the wizard with `settings` until Ctrl-C (also `demo --ui`). */
export async function serveWizard(ctx: CommandContext, settings: CliSettings, options: { port?: number; open: boolean }): Promise<CommandResult> {
  const { i18n } = ctx;
  const wizard = await launchWizard({
    settings,
    env: ctx.io.env,
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(ctx.verbose ? { log: ctx.io.stderr } : {}),
  });
  // Manual step 1 ("open the software"): the browser opens on step 2, the welcome screen.
  ctx.steps.show('1');
  const opened = options.open && (await openBrowser(wizard.urlWithTicket, ctx.io.env));
  ctx.say(i18n.t((m) => m.ui.serving, { url: wizard.url, env: environmentName(settings.env, i18n) }));
  // The one-time address goes to this terminal only when no browser took it (never to a log).
  if (!opened) ctx.say(i18n.t((m) => m.ui.openThis, { url: wizard.urlWithTicket }));
  ctx.say(i18n.m.ui.stop);
  // Under --json stdout holds only the final document: where to go is said on stderr.
  if (ctx.json) ctx.io.stderr.write(`${JSON.stringify({ url: wizard.url, ...(opened ? {} : { open: wizard.urlWithTicket }), opened })}\n`);
  const stopped = new Promise<'stopped'>((resolve) => {
    if (ctx.io.signal?.aborted) resolve('stopped');
    ctx.io.signal?.addEventListener('abort', () => resolve('stopped'), { once: true });
  });
  const ended = await Promise.race([stopped, wizard.exited]);
  if (ended === 'stopped') {
    await wizard.stop();
    return { exitCode: EXIT.done, json: { ok: true, url: wizard.url, stopped: true } };
  }
  // The API ended by itself (a crash): say so, with its status.
  throw new EhealthCertError('INTERNAL', `ehealth-cert-api stopped with status ${ended}`, { command: 'ehealth-cert-api', status: ended });
}

/** The --port option: an integer from 0 to 65535 (0: a free port), or undefined. */
export function portOf(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) {
    throw new EhealthCertError('INVALID_INPUT', `--port "${text}" must be an integer from 0 to 65535`, { flag: '--port', value: text });
  }
  return Number(text);
}
