import type { PortOverrides } from '@ehealth-cert/composition';
import { describeError, type DescribedError } from '../exit-codes/describeError.js';
import { EXIT } from '../exit-codes/exitCodeFor.js';
import type { Translator } from '../i18n/Translator.js';
import { StepLog } from '../progress/StepLog.js';
import { TerminalProgress } from '../progress/TerminalProgress.js';
import { resolveSettings } from '../settings/CliSettings.js';
import type { CliIo } from '../terminal/CliIo.js';
import { isPromptCancel, Prompter } from '../terminal/Prompter.js';
import { wrapFor } from '../terminal/wrapForTerminal.js';
import type { CommandContext, CommandResult } from './CommandContext.js';
import { environmentName } from '../i18n/environmentName.js';

/** A command module, loaded only when its command runs (keeps `--help` and `--version` fast). */
export interface CommandModule {
  run(ctx: CommandContext, args: readonly string[], options: Record<string, unknown>): Promise<CommandResult>;
}

/** Imports a command module. */
export type Loader = () => Promise<CommandModule>;

/**
 * Runs one command: settings from flags and environment, the terminal context, the command, and
 * the outcome as an exit status; every error becomes one line in the chosen language (details
 * with --verbose) and, under --json, one JSON document on stdout.
 */
export async function executeCommand(
  load: Loader,
  options: Record<string, unknown>,
  args: readonly string[],
  io: CliIo,
  i18n: Translator,
  adapters: PortOverrides,
  manualSteps = false,
): Promise<number> {
  const json = options['json'] === true;
  const verbose = options['verbose'] === true;
  try {
    const settings = resolveSettings(
      { env: options['env'] as string | undefined, keystoreDir: options['keystoreDir'] as string | undefined, card: options['card'] as string | undefined },
      io.env,
      io.cwd,
    );
    const color = io.env['NO_COLOR'] === undefined && io.stdout.isTTY === true;
    const bold = (text: string) => (color ? `\x1b[1m${text}\x1b[0m` : text);
    const screen = json ? io.stderr : io.stdout;
    const steps = new StepLog(json || !manualSteps ? undefined : io.stdout, i18n, bold, { env: environmentName(settings.env, i18n) });
    const progress = new TerminalProgress(i18n, { steps, statusLine: io.stderr, ...(verbose ? { log: io.stderr } : {}), color });
    steps.beforeWrite = () => progress.interrupt();
    const ctx: CommandContext = {
      io,
      i18n,
      settings,
      json,
      verbose,
      color,
      prompter: new Prompter(io, i18n, screen, () => progress.interrupt()),
      steps,
      adapters,
      progress,
      say: (...lines) => {
        if (json) return;
        progress.interrupt();
        for (const line of lines) io.stdout.write(`${wrapFor(io.stdout, line)}\n`);
      },
      bold,
    };
    const module = await load();
    const result = await module.run(ctx, args, options);
    if (json) io.stdout.write(`${JSON.stringify(result.json, null, 2)}\n`);
    // Ctrl-C while the command worked or waited (complete --wait): it stopped cleanly, 128 + SIGINT.
    // A command whose normal end is Ctrl-C (ui serves until then) keeps its 0.
    return io.signal?.aborted === true && result.exitCode !== EXIT.done ? EXIT.interrupted : result.exitCode;
  } catch (error) {
    const cancelled = isPromptCancel(error);
    const described = interruptedBy(
      error,
      io,
      describeError(cancelled ? Object.assign(new Error('stopped at the prompt'), { name: 'EhealthCertError', code: 'CANCELLED' }) : error, i18n),
    );
    if (io.stderr.isTTY) io.stderr.write('\r\x1b[K');
    io.stderr.write(`${wrapFor(io.stderr, described.line)}\n`);
    if (verbose) {
      io.stderr.write(`${JSON.stringify({ level: 'error', code: described.code, message: described.message, details: described.details })}\n`);
      let cause: unknown = error;
      while (cause instanceof Error) {
        io.stderr.write(`${cause.stack ?? cause.message}\n`);
        cause = cause.cause;
      }
    }
    if (json) {
      io.stdout.write(`${JSON.stringify({ ok: false, error: { code: described.code, exitCode: described.exitCode, message: described.line, details: described.details } }, null, 2)}\n`);
    }
    return described.exitCode;
  }
}

/**
 * Ctrl-C at a prompt (@inquirer's ExitPromptError) or during the work ends with 130 (128 + SIGINT,
 * what shells and scripts expect of an interrupted program); Escape or a "no" stays CANCELLED (1).
 */
function interruptedBy(error: unknown, io: CliIo, described: DescribedError): DescribedError {
  const name = (error as { name?: string } | null)?.name;
  return name === 'ExitPromptError' || io.signal?.aborted === true ? { ...described, exitCode: EXIT.interrupted } : described;
}
