import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import type { CommandContext, CommandResult } from './commands/CommandContext.js';
import type { Adapters } from './composition/createAdapters.js';
import { describeError } from './exit-codes/describeError.js';
import { EXIT } from './exit-codes/exitCodeFor.js';
import { detectLanguage, Translator, type Language } from './i18n/Translator.js';
import { StepLog } from './progress/StepLog.js';
import { TerminalProgress } from './progress/TerminalProgress.js';
import { resolveSettings } from './settings/CliSettings.js';
import { processIo, type CliIo } from './terminal/CliIo.js';
import { isPromptCancel, Prompter } from './terminal/Prompter.js';

/** A command module, loaded only when its command runs (keeps `--help` and `--version` fast). */
interface CommandModule {
  run(ctx: CommandContext, args: readonly string[], options: Record<string, unknown>): Promise<CommandResult>;
}

type Loader = () => Promise<CommandModule>;

function version(): string {
  // src/../package.json under vitest, dist/../package.json when built: the same file.
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function firstValue(argv: readonly string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--') return undefined;
    if (arg === flag) return argv[i + 1];
    if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1);
  }
  return undefined;
}

/** In-process extras for tests and features. */
export interface RunCliOptions {
  /** Replaces some adapters of the composition root (e.g. a PIN-locking card, a failing registry). */
  readonly adapters?: Partial<Adapters>;
}

const repeat = (value: string, previous: string[] = []) => [...previous, value];

/**
 * Runs `ehealth-cert` with `argv` (the arguments after the program name) on `io`, and returns the
 * exit status instead of exiting, so that tests and features drive the CLI in-process.
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo(), options: RunCliOptions = {}): Promise<number> {
  const langFlag = firstValue(argv, '--lang');
  const language: Language = detectLanguage(langFlag, io.env) ?? 'en';
  const i18n = new Translator(language);
  const m = i18n.m;
  if (langFlag !== undefined && detectLanguage(langFlag, io.env) === undefined) {
    io.stderr.write(`${i18n.t((x) => x.errors.unknownLanguage, { value: langFlag })}\n`);
    return EXIT.badInput;
  }

  let outcome: number = EXIT.done;
  const program = new Command('ehealth-cert');
  program
    .description(m.program.description)
    .version(version(), '-V, --version', m.options.version)
    .helpOption('-h, --help', m.options.help)
    .helpCommand('help [command]', m.options.help)
    .addOption(new Option('--env <env>', m.options.env).choices(['prd', 'acc', 'sim']))
    .option('--lang <lang>', m.options.lang)
    .option('--json', m.options.json)
    .option('--verbose', m.options.verbose)
    .option('--keystore-dir <dir>', m.options.keystoreDir)
    .option('--card <serial>', m.options.card)
    .addHelpText('after', `\n${m.program.exitCodesTitle}:\n${m.program.exitCodes.map((l) => `  ${l}`).join('\n')}\n\n${m.program.environmentTitle}:\n${m.program.environment.map((l) => `  ${l}`).join('\n')}\n`)
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });

  const action = (load: Loader) => async (...args: unknown[]) => {
    const command = args.at(-1) as Command;
    const positional = args.slice(0, -2).filter((a): a is string => typeof a === 'string');
    outcome = await execute(load, command.optsWithGlobals(), positional, io, i18n, options.adapters ?? {});
  };

  program
    .command('request')
    .description(m.commands.request)
    .option('--yes', m.options.yes)
    .option('--org <org>', m.options.org)
    .option('--org-index <n>', m.options.orgIndex)
    .option('--org-name <name>', m.options.orgName)
    .option('--app-id <id>', m.options.appId)
    .option('--email-private <email>', m.options.emailPrivate)
    .option('--email-general <email>', m.options.emailGeneral)
    .option('--phone-private <phone>', m.options.phonePrivate)
    .option('--phone-general <phone>', m.options.phoneGeneral)
    .option('--base-service <usage>', m.options.baseService, repeat)
    .option('--accept-terms', m.options.acceptTerms)
    .option('--password-file <file>', m.options.passwordFile)
    .action(action(() => import('./commands/requestCommand.js')));

  program
    .command('complete')
    .description(m.commands.complete)
    .option('--keystore <file>', m.options.keystore)
    .option('--password-file <file>', m.options.passwordFile)
    .option('--wait', m.options.wait)
    .option('--interval <seconds>', m.options.interval, '60')
    .action(action(() => import('./commands/completeCommand.js')));

  program
    .command('status')
    .description(m.commands.status)
    .option('--keystore <file>', m.options.keystore)
    .option('--password-file <file>', m.options.passwordFile)
    .action(action(() => import('./commands/statusCommand.js')));
  program.command('orgs').description(m.commands.orgs).action(action(() => import('./commands/orgsCommand.js')));
  program.command('card').description(m.commands.card).action(action(() => import('./commands/cardCommand.js')));

  program
    .command('inspect')
    .description(m.commands.inspect)
    .argument('<file>')
    .option('--password-file <file>', m.options.passwordFile)
    .action(action(() => import('./commands/inspectCommand.js')));

  program
    .command('renew')
    .description(m.commands.renew)
    .option('--keystore <file>', m.options.keystore)
    .option('--password-file <file>', m.options.passwordFile)
    .option('--yes', m.options.yes)
    .option('--accept-terms', m.options.acceptTerms)
    .option('--email-private <email>', m.options.emailPrivate)
    .option('--email-general <email>', m.options.emailGeneral)
    .option('--phone-private <phone>', m.options.phonePrivate)
    .option('--phone-general <phone>', m.options.phoneGeneral)
    .option('--base-service <usage>', m.options.baseService, repeat)
    .action(action(() => import('./commands/renewCommand.js')));

  program
    .command('revoke')
    .description(m.commands.revoke)
    .requiredOption('--reason <reason>', m.options.reason)
    .option('--reference <publicKeyIdentifier>', m.labels.reference)
    .option('--keystore <file>', m.options.keystore)
    .option('--password-file <file>', m.options.passwordFile)
    .option('--yes', m.options.yes)
    .option('--accept-terms', m.options.acceptTerms)
    .action(action(() => import('./commands/revokeCommand.js')));

  program
    .command('activate-etk')
    .description(m.commands.activateEtk)
    .option('--keystore <file>', m.options.keystore)
    .option('--password-file <file>', m.options.passwordFile)
    .action(action(() => import('./commands/activateEtkCommand.js')));

  program
    .command('passwd')
    .description(m.commands.passwd)
    .argument('[file]')
    .option('--keystore <file>', m.options.keystore)
    .option('--password-file <file>', m.options.passwordFile)
    .option('--new-password-file <file>', m.options.passwordFile)
    .action(action(() => import('./commands/passwdCommand.js')));

  program
    .command('check-id')
    .description(m.commands.checkId)
    .argument('<identifier>')
    .action(action(() => import('./commands/checkIdCommand.js')));

  program
    .command('demo')
    .description(m.commands.demo)
    .option('--dir <dir>', m.options.dir)
    .action(action(() => import('./commands/demoCommand.js')));

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return outcome;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.done;
      // commander already wrote its message (unknown option, missing argument...).
      return EXIT.badInput;
    }
    throw error;
  }
}

async function execute(
  load: Loader,
  options: Record<string, unknown>,
  args: readonly string[],
  io: CliIo,
  i18n: Translator,
  adapters: Partial<Adapters>,
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
    const steps = new StepLog(json ? undefined : io.stdout, i18n, bold, { env: settings.env.toUpperCase() });
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
        for (const line of lines) io.stdout.write(`${line}\n`);
      },
      bold,
    };
    const module = await load();
    const result = await module.run(ctx, args, options);
    if (json) io.stdout.write(`${JSON.stringify(result.json, null, 2)}\n`);
    return result.exitCode;
  } catch (error) {
    const cancelled = isPromptCancel(error);
    const described = describeError(
      cancelled ? Object.assign(new Error('stopped at the prompt'), { name: 'EhealthCertError', code: 'CANCELLED' }) : error,
      i18n,
    );
    if (io.stderr.isTTY) io.stderr.write('\r\x1b[K');
    io.stderr.write(`${described.line}\n`);
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
