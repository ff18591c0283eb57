import { setTimeout as sleep } from 'node:timers/promises';
import { EhealthCertError, renewalWindowStart, type CompletionOutcome, type KeystoreFormat } from '@ehealth-cert/core';
import { keystoreFormatChoice } from '../runtime/keystoreFormatChoice.js';
import { longDate } from '../i18n/longDate.js';
import { dnInWords } from '../i18n/identifierInWords.js';
import { wrapFor } from '../terminal/wrapForTerminal.js';
import { completionWarningText, localizedWarnings } from '../i18n/completionWarnings.js';
import { EXIT } from '../exit-codes/exitCodeFor.js';
import { readKeystorePassword } from '../person/readKeystorePassword.js';
import type { CommandContext, CommandResult } from '../runtime/CommandContext.js';
import { openUseCases, type OpenedUseCases } from '../runtime/openUseCases.js';
import { contextForRequest } from '../runtime/requestEnvironment.js';

interface CompleteFlags {
  readonly keystore?: string;
  readonly passwordFile?: string;
  readonly wait?: boolean;
  readonly interval?: string;
}

/** The keystore of `--keystore`, else the newest request of this environment not yet completed. */
export async function keystoreToComplete(ctx: CommandContext, opened: OpenedUseCases, given: string | undefined): Promise<string> {
  if (given !== undefined) return given;
  const open = await opened.useCases.listCertificateRequests.execute({ state: 'open', environment: ctx.settings.env, order: 'newest-first' });
  const latest = open[0];
  if (latest === undefined) throw new EhealthCertError('KEYSTORE_NOT_FOUND', ctx.i18n.m.errors.noKeystore, { flag: '--keystore' });
  return latest.keystorePath;
}

/** Seconds for --interval: a positive number. */
function intervalSeconds(ctx: CommandContext, value: string | undefined): number {
  const seconds = Number(value ?? '60');
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new EhealthCertError('INVALID_INPUT', `--interval "${value}" must be a positive number of seconds`, { flag: '--interval', value });
  }
  return seconds;
}

/**
 * What a pending request can say about its delay: eHealth gives no delivery date (DOMAIN.md 2.3:
 * no such field in GetCertificate's answer), so the request's own record (when it was sent, how it
 * is validated) and the usual delay as the manual states it, labelled as such.
 */
function pendingDelayLines(ctx: CommandContext, outcome: Extract<CompletionOutcome, { status: 'pending' }>): string[] {
  const { m } = ctx.i18n;
  return [
    ...(outcome.requestedAt !== undefined ? [ctx.i18n.t((x) => x.complete.pendingSince, { date: longDate(outcome.requestedAt, ctx.i18n.language) })] : []),
    ...(outcome.automaticallyValidated === undefined ? [] : [outcome.automaticallyValidated ? m.complete.pendingAutomatic : m.complete.pendingManual]),
    m.complete.usualDelay,
  ];
}

/** Steps 16-19 once: pending, or installed with the ETK. */
async function completeOnce(opened: OpenedUseCases, keystorePath: string, password: string, choice: { readonly keystoreFormat?: KeystoreFormat }): Promise<CompletionOutcome> {
  return opened.useCases.completeCertificate.execute({ keystorePath, password, ...choice });
}

/**
 * `ehealth-cert complete`: manual steps 16-19. Pending is a normal outcome (exit 3, "not yet");
 * `--wait` polls every --interval seconds with a progress line until issued or Ctrl-C.
 */
export async function run(given: CommandContext, _args: readonly string[], options: Record<string, unknown>): Promise<CommandResult> {
  const flags = options as CompleteFlags;
  const interval = intervalSeconds(given, flags.interval);
  const keystoreFormat = keystoreFormatChoice(options, given.io.env);
  // Issue 13: the environment the request was sent to, unless --env says it (and then it must agree).
  const ctx = await contextForRequest(given, flags.keystore);
  ctx.steps.show('16');
  const opened = await openUseCases(ctx);
  try {
    const keystorePath = await keystoreToComplete(ctx, opened, flags.keystore);
    ctx.steps.show('17');
    const password = await readKeystorePassword({ passwordFile: flags.passwordFile, env: ctx.io.env, cwd: ctx.io.cwd }, ctx.prompter, ctx.i18n);
    const started = Date.now();
    ctx.progress.keepInPlace(flags.wait === true && ctx.io.stderr.isTTY === true);
    let outcome = await completeOnce(opened, keystorePath, password, keystoreFormat);
    while (outcome.status === 'pending' && flags.wait === true && ctx.io.signal?.aborted !== true) {
      const elapsed = Math.round((Date.now() - started) / 1000);
      const line = ctx.i18n.t((m) => m.complete.waiting, { elapsed, interval });
      // On a terminal one status line, rewritten at each check (the checks' own progress too);
      // without one (a log file, a script), one plain line per check.
      if (ctx.io.stderr.isTTY) ctx.progress.status(line);
      else ctx.io.stderr.write(`${line}\n`);
      try {
        await sleep(interval * 1000, undefined, ctx.io.signal ? { signal: ctx.io.signal } : {});
      } catch {
        break; // Ctrl-C: stop waiting, report pending.
      }
      outcome = await completeOnce(opened, outcome.keystorePath, password, keystoreFormat);
    }
    ctx.progress.keepInPlace(false);
    ctx.progress.interrupt();
    const { m } = ctx.i18n;
    if (outcome.status === 'pending') {
      const usualDelay = pendingDelayLines(ctx, outcome);
      ctx.io.stderr.write(`${wrapFor(ctx.io.stderr, [m.complete.pending, ...usualDelay].join('\n'))}\n`);
      return {
        exitCode: EXIT.pending,
        json: {
          ok: true,
          status: 'pending',
          reference: outcome.reference,
          keystorePath: outcome.keystorePath,
          environment: ctx.settings.env,
          message: m.complete.pending,
          ...(outcome.requestedAt !== undefined ? { requestedAt: outcome.requestedAt.toISOString() } : {}),
          ...(outcome.automaticallyValidated !== undefined ? { automaticallyValidated: outcome.automaticallyValidated } : {}),
          usualDelay: m.complete.usualDelay,
        },
      };
    }
    ctx.steps.show('18');
    ctx.steps.show('19');
    ctx.say(
      ctx.i18n.t((x) => x.complete.installed, { dn: ctx.verbose ? outcome.dn : dnInWords(outcome.dn, ctx.i18n) }),
      outcome.etkPublication === 'not-yet-published'
        ? ctx.i18n.t((x) => x.complete.etkNotYetPublished, { serial: outcome.etkSerial })
        : ctx.i18n.t((x) => x.complete.etk, { serial: outcome.etkSerial }),
      ...(outcome.toBeActivated ? [m.complete.etkToActivate] : []),
      ...outcome.warnings.filter((w) => w.code !== 'ETK_NOT_YET_PUBLISHED').map((w) => ctx.i18n.t((x) => x.complete.warning, { text: completionWarningText(w.code, ctx.i18n, outcome.etkSerial) })),
      ctx.i18n.t((x) => x.complete.keystore, { path: outcome.keystorePath }),
      ctx.i18n.t((x) => x.complete.validity, { date: longDate(outcome.notAfter, ctx.i18n.language), renewFrom: longDate(renewalWindowStart(outcome.notAfter), ctx.i18n.language) }),
      ctx.bold(m.complete.done),
    );
    return {
      exitCode: EXIT.done,
      json: {
        ok: true,
        status: 'completed',
        reference: outcome.reference,
        keystorePath: outcome.keystorePath,
        dn: outcome.dn,
        etkSerial: outcome.etkSerial,
        toBeActivated: outcome.toBeActivated,
        etkPublication: outcome.etkPublication,
        notAfter: outcome.notAfter.toISOString(),
        renewalWindowStart: renewalWindowStart(outcome.notAfter).toISOString(),
        // The codes are the contract; the messages are in the person's language, as on screen.
        warnings: localizedWarnings(outcome.warnings, ctx.i18n, outcome.etkSerial),
      },
    };
  } finally {
    await opened.close();
  }
}

