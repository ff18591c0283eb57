import { type KeystoreInspection } from '@ehealth-cert/core';
import { EXIT } from '../exit-codes/exitCodeFor.js';
import type { Translator } from '../i18n/Translator.js';
import { readKeystorePassword } from '../person/readKeystorePassword.js';
import type { CommandContext, CommandResult } from '../runtime/CommandContext.js';
import { formatTable } from '../tables/formatTable.js';
import { openUseCases } from '../runtime/openUseCases.js';

const day = (date: Date) => date.toISOString().slice(0, 10);

/** The inspection as lines: entries, DN, validity, days to expiry, renewal window, ETK serials. */
export function inspectionLines(inspection: KeystoreInspection, i18n: Translator): string[] {
  const { m } = i18n;
  const auth = inspection.authentication;
  return [
    ...formatTable(
      [
        [m.labels.keystore, inspection.keystorePath],
        [m.labels.reference, auth.reference],
        ...(auth.state === 'issued'
          ? ([
              [m.labels.dn, auth.dn],
              [m.labels.validFrom, day(auth.notBefore)],
              [m.labels.validUntil, day(auth.notAfter)],
              [m.labels.daysLeft, String(auth.daysToExpiry)],
              [m.labels.renewFrom, day(auth.renewalWindowStart)],
            ] as const)
          : ([[m.labels.status, m.labels.pending]] as const)),
        [m.labels.etk, inspection.etkSerials.join(', ') || m.labels.none],
        [m.labels.entries, String(inspection.entries.length)],
      ],
      '',
    ),
    ...inspection.entries.map((e) => `  - ${e.kind === 'key' ? 'key ' : 'cert'} ${e.alias}${e.alias === e.certificate.subject ? '' : `  (${e.certificate.subject})`}`),
  ];
}

/** The inspection as JSON (dates as ISO strings). */
export function inspectionJson(inspection: KeystoreInspection): unknown {
  return JSON.parse(JSON.stringify(inspection));
}

/** `ehealth-cert inspect FILE`: what the keystore holds, read locally (no card, no network). */
export async function run(ctx: CommandContext, args: readonly string[], options: Record<string, unknown>): Promise<CommandResult> {
  const keystorePath = args[0] ?? '';
  const opened = await openUseCases(ctx);
  try {
    const password = await readKeystorePassword({ passwordFile: options['passwordFile'] as string | undefined, env: ctx.io.env, cwd: ctx.io.cwd }, ctx.prompter, ctx.i18n);
    const inspection = await opened.useCases.inspectKeystore.execute({ keystorePath, password });
    ctx.say(...inspectionLines(inspection, ctx.i18n));
    return { exitCode: EXIT.done, json: { ok: true, ...(inspectionJson(inspection) as object) } };
  } finally {
    await opened.close();
  }
}
