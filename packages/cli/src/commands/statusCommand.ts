import { parsePeriodDays, type CertificateStatus, type ExpiryReport } from '@ehealth-cert/core';
import { EXIT } from '../exit-codes/exitCodeFor.js';
import type { Translator } from '../i18n/Translator.js';
import { readKeystorePassword } from '../person/readKeystorePassword.js';
import type { CommandContext, CommandResult } from '../runtime/CommandContext.js';
import { formatTable } from '../tables/formatTable.js';
import { certificateNameInWords, identifierInWords } from '../i18n/identifierInWords.js';
import { longDate } from '../i18n/longDate.js';
import { openUseCases } from '../runtime/openUseCases.js';
import { contextForRequest } from '../runtime/requestEnvironment.js';

const day = (date: Date | undefined, i18n?: Translator) => (date === undefined ? undefined : i18n === undefined ? date.toISOString().slice(0, 10) : longDate(date, i18n.language));

/**
 * A certificate's status in the person's words; eHealth's protocol value (VALID_ACTIVE...) only
 * under --verbose, for whoever reads logs or calls the support team.
 */
export function statusLines(status: CertificateStatus, i18n: Translator, verbose = false): string[] {
  const { m } = i18n;
  const said = (words: string, technical: string) => (verbose ? `${words} (${technical})` : words);
  const info = status.info;
  // The identifiers in words; eHealth's spelling (NIHII-AMBU_SERVICE=...) only under --verbose.
  const ids = info.certificateIdentifier.actor.ids.map((id) => (verbose ? `${id.type}=${id.value}` : identifierInWords(id, i18n))).join(', ');
  return [
    `${info.certificateIdentifier.actor.name} (${ids}${info.certificateIdentifier.applicationId ? `, ${info.certificateIdentifier.applicationId}` : ''})`,
    ...formatTable([
      [m.labels.status, said(m.certificateStatuses[info.status], info.status)],
      [m.labels.etkStatus, said(m.etkStatuses[info.etkStatus], info.etkStatus)],
      [m.labels.reference, info.publicKeyIdentifier],
      [m.labels.requestedAt, day(info.requestedDate, i18n)],
      [m.labels.validUntil, day(info.details?.validNotAfter, i18n)],
      [m.labels.renewFrom, day(info.replacementPeriodStartDate, i18n)],
    ]),
  ];
}

/**
 * `ehealth-cert status`: every certificate the card holder manages (GetCertificateInfoForCitizen,
 * PIN), or with --keystore the status of that keystore's certificate.
 */
export async function run(given: CommandContext, _args: readonly string[], options: Record<string, unknown>): Promise<CommandResult> {
  const within = options['expiringWithin'] as string | undefined;
  if (within !== undefined) return expiring(given, parsePeriodDays(within, '--expiring-within'), options);
  const keystorePath = options['keystore'] as string | undefined;
  // Issue 13: a keystore's status is asked of the environment its request went to; without a
  // keystore or --env, the environment of the newest unfinished request recorded here.
  const ctx = await contextForRequest(given, keystorePath);
  const opened = await openUseCases(ctx);
  try {
    // Requests recorded on this machine and not finished (one interrupted by a crash included).
    const unfinished = await opened.useCases.listCertificateRequests.execute({ state: 'open', environment: ctx.settings.env, order: 'newest-first' });
    const report = await opened.useCases.showCertificateStatus.execute(
      keystorePath === undefined
        ? { source: 'card', pinEntry: opened.pinEntry }
        : {
            source: 'keystore',
            keystorePath,
            password: await readKeystorePassword({ passwordFile: options['passwordFile'] as string | undefined, env: ctx.io.env, cwd: ctx.io.cwd }, ctx.prompter, ctx.i18n),
          },
    );
    const { m } = ctx.i18n;
    if (keystorePath === undefined && unfinished.length > 0) {
      ctx.say(m.status.recorded);
      for (const r of unfinished) {
        ctx.say(
          `  ${certificateNameInWords(r.certificateName, ctx.i18n)}`,
          ...formatTable([
            [m.labels.status, ctx.verbose ? `${m.requestStatuses[r.lastStatus]} (${r.lastStatus})` : m.requestStatuses[r.lastStatus]],
            [m.labels.reference, r.reference],
            [m.labels.keystore, r.keystorePath],
          ], '    '),
          `    ehealth-cert complete --env ${r.environment} --keystore "${r.keystorePath}"`,
        );
      }
      ctx.say('');
    }
    if (report.source === 'card') {
      if (report.certificates.length === 0) ctx.say(m.status.none);
      for (const certificate of report.certificates) ctx.say(...statusLines(certificate, ctx.i18n, ctx.verbose), '');
    } else if (report.source === 'keystore') {
      ctx.say(...statusLines(report.certificate, ctx.i18n, ctx.verbose));
    } else {
      ctx.say(`${m.labels.reference}: ${report.reference}`, report.delivery === 'pending' ? m.complete.pending : `${m.labels.status}: ${m.labels.issued}`);
    }
    return {
      exitCode: EXIT.done,
      json: {
        ok: true,
        environment: ctx.settings.env,
        ...(JSON.parse(JSON.stringify(report)) as object),
        ...(keystorePath === undefined
          ? { recordedRequests: unfinished.map((r) => ({ reference: r.reference, certificateName: r.certificateName, status: r.lastStatus, keystorePath: r.keystorePath, environment: r.environment })) }
          : {}),
      },
    };
  } finally {
    await opened.close();
  }
}

/** One line per certificate of the folder, in the chosen language. */
function expiryLines(report: ExpiryReport, ctx: CommandContext): string[] {
  return report.certificates.map((c) =>
    ctx.i18n.t((m) => m.expiry[c.state], {
      name: certificateNameInWords(c.certificateName, ctx.i18n),
      date: day(c.notAfter, ctx.i18n) ?? '',
      days: c.daysToExpiry ?? '',
      path: c.keystorePath,
    }),
  );
}

/**
 * `status --expiring-within 90d`: expiry monitoring over the keystore folder, no card, no network.
 * Exit 7 when a certificate expires within the period (or has expired), 2 when only unreadable
 * keystores stand out (another password), else 0; the JSON lists every certificate.
 */
async function expiring(ctx: CommandContext, withinDays: number, options: Record<string, unknown>): Promise<CommandResult> {
  const opened = await openUseCases(ctx);
  try {
    const password = await readKeystorePassword({ passwordFile: options['passwordFile'] as string | undefined, env: ctx.io.env, cwd: ctx.io.cwd }, ctx.prompter, ctx.i18n);
    const report = await opened.useCases.expiringCertificates.execute({ withinDays, password });
    if (report.certificates.length === 0) ctx.say(ctx.i18n.t((m) => m.expiry.none, { folder: ctx.settings.keystoreDir }));
    ctx.say(...expiryLines(report, ctx), ctx.i18n.t((m) => m.expiry.summary, { days: withinDays, count: report.needingRenewal }));
    const exitCode = report.needingRenewal > 0 ? EXIT.expiring : report.unreadable > 0 ? EXIT.badInput : EXIT.done;
    return { exitCode, json: { ok: true, source: 'folder', folder: ctx.settings.keystoreDir, ...(JSON.parse(JSON.stringify(report)) as object) } };
  } finally {
    await opened.close();
  }
}
