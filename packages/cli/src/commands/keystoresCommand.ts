import { relative } from 'node:path';
import { parseKeystoreFileName, type ListedKeystore } from '@ehealth-cert/core';
import { EXIT } from '../exit-codes/exitCodeFor.js';
import type { Translator } from '../i18n/Translator.js';
import { environmentName } from '../i18n/environmentName.js';
import { certificateNameInWords } from '../i18n/identifierInWords.js';
import type { CommandContext, CommandResult } from '../runtime/CommandContext.js';
import { openUseCases } from '../runtime/openUseCases.js';

/** When the file was saved: the stamp of its name (DOMAIN.md 3), else its modification time. */
function savedAt(file: ListedKeystore): Date {
  const name = file.path.slice(Math.max(file.path.lastIndexOf('/'), file.path.lastIndexOf('\\')) + 1);
  return parseKeystoreFileName(name.replace(/\.old-\d{8}-\d{6}(?:-\d+)?$|-\d+$/, ''))?.savedAt ?? file.modifiedAt;
}

/** `yyyy-MM-dd HH:mm` in local time. */
function minute(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Columns padded to the widest cell of each (the last one is not padded). */
function columns(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]?.map((_, index) => Math.max(...rows.map((row) => [...(row[index] ?? '')].length))) ?? [];
  return rows.map((row) => `  ${row.map((cell, index) => (index === row.length - 1 ? cell : cell.padEnd(widths[index] ?? 0))).join('  ')}`.trimEnd());
}

/** The listing as lines: state, certificate, environment, save time, file (relative to the folder). */
export function keystoreLines(files: readonly ListedKeystore[], folder: string, i18n: Translator, hiddenSuperseded: number): string[] {
  const { m } = i18n;
  if (files.length === 0 && hiddenSuperseded === 0) return [i18n.t((x) => x.keystores.none, { folder })];
  const rows = files.map((file) => [
    file.state === 'current' ? m.keystores.current : m.keystores.superseded,
    // In words, like every other screen (issue 15); the file column keeps eHealth's spelling.
    certificateNameInWords(file.baseName, i18n),
    environmentName(file.environment, i18n),
    minute(savedAt(file)),
    relative(folder, file.path),
  ]);
  return [
    i18n.t((x) => x.keystores.title, { folder }),
    ...columns([[...m.keystores.headers], ...rows]),
    ...(hiddenSuperseded > 0 ? [i18n.t((x) => x.keystores.supersededHidden, { count: hiddenSuperseded })] : []),
    m.keystores.rule,
  ];
}

/**
 * `ehealth-cert keystores [--all]`: the keystores of the folder, the current one of each certificate
 * marked (the one tools pick), and the superseded ones (`superseded/`) with --all (docs/decisions/0016).
 * Local: no card, no password, no network. `--env` limits the list to that environment when it was chosen.
 */
export async function run(ctx: CommandContext, _args: readonly string[], options: Record<string, unknown>): Promise<CommandResult> {
  const all = options['all'] === true;
  const opened = await openUseCases(ctx);
  try {
    const environment = ctx.settings.envChosen === true ? { environment: ctx.settings.env } : {};
    const files = await opened.useCases.listKeystores.execute({ ...environment, includeSuperseded: true });
    // Grouped by certificate and environment: the current file first, then the others newest first.
    const shown = (all ? files : files.filter((file) => file.superseded !== true))
      .slice()
      .sort(
        (a, b) =>
          a.baseName.toUpperCase().localeCompare(b.baseName.toUpperCase()) ||
          a.environment.localeCompare(b.environment) ||
          (a.state === b.state ? 0 : a.state === 'current' ? -1 : 1) ||
          savedAt(b).getTime() - savedAt(a).getTime(),
      );
    const folder = ctx.settings.keystoreDir;
    ctx.say(...keystoreLines(shown, folder, ctx.i18n, files.length - shown.length));
    return {
      exitCode: EXIT.done,
      json: {
        ok: true,
        folder,
        keystores: shown.map((file) => ({
          path: file.path,
          name: relative(folder, file.path),
          certificateName: file.baseName,
          environment: file.environment,
          state: file.state,
          movedToSuperseded: file.superseded === true,
          modifiedAt: file.modifiedAt.toISOString(),
        })),
      },
    };
  } finally {
    await opened.close();
  }
}
