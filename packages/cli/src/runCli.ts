import { readFileSync } from 'node:fs';
import { Argument, Command, CommanderError, Help, Option } from 'commander';
import type { Loader } from './runtime/executeCommand.js';
import type { PortOverrides } from '@ehealth-cert/composition';
import { describeParseError } from './exit-codes/describeParseError.js';
import { closestCommand, EXAMPLES } from './help/examples.js';
import { EXIT } from './exit-codes/exitCodeFor.js';
import { detectLanguage, Translator, type Language } from './i18n/Translator.js';
import { processIo, type CliIo } from './terminal/CliIo.js';

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
  readonly adapters?: PortOverrides;
}

const repeat = (value: string, previous: string[] = []) => [...previous, value];

/**
 * The values of --keystore-format: core's KEYSTORE_FORMATS (runCli.test.ts checks they agree),
 * written out so that --help and --version do not load core.
 */
export const KEYSTORE_FORMAT_CHOICES: readonly string[] = ['modern', 'legacy'];

/**
 * Runs `ehealth-cert` with `argv` (the arguments after the program name) on `io`, and returns the
 * exit status instead of exiting, so that tests and features drive the CLI in-process.
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo(), options: RunCliOptions = {}): Promise<number> {
  const langFlag = firstValue(argv, '--lang');
  const language: Language = detectLanguage(langFlag, io.env) ?? 'en';
  const i18n = new Translator(language);
  if (langFlag !== undefined && detectLanguage(langFlag, io.env) === undefined) {
    io.stderr.write(`${i18n.t((x) => x.errors.unknownLanguage, { value: langFlag })}\n`);
    return EXIT.badInput;
  }

  const state: ProgramState = { outcome: EXIT.done, commandPath: 'ehealth-cert' };
  const program = buildProgram(io, i18n, options, state);

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return state.outcome;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.done;
      const line = describeParseError(error, i18n, state.commandPath);
      io.stderr.write(`${line}\n`);
      if (argv.includes('--json')) {
        io.stdout.write(`${JSON.stringify({ ok: false, error: { code: 'INVALID_INPUT', exitCode: EXIT.badInput, message: line, details: { parser: error.code } } }, null, 2)}\n`);
      }
      return EXIT.badInput;
    }
    throw error;
  }
}

/** What a run of the program leaves behind: the exit status of the command, and which command ran. */
interface ProgramState {
  outcome: number;
  commandPath: string;
}

/**
 * The names of every command of `ehealth-cert`, from the program itself (what `--help` lists):
 * tests that must cover each command (the JSON Schema of `--json`) take the list from here.
 */
export function cliCommandNames(): string[] {
  return buildProgram(processIo(), new Translator('en'), {}, { outcome: EXIT.done, commandPath: 'ehealth-cert' }).commands.map((command) => command.name());
}

/** The command registry: every command with its options and help, each running on `io` and leaving its exit status in `state`. */
function buildProgram(io: CliIo, i18n: Translator, options: RunCliOptions, state: ProgramState): Command {
  const m = i18n.m;
  const base = new Help();
  const names = m.helpPlaceholders as Readonly<Record<string, string>>;
  const placeholders = (term: string) => term.replace(/([<[])(\w+)(\.{3})?([>\]])/gu, (_whole, open: string, name: string, dots = '', close: string) => `${open}${names[name] ?? name}${dots}${close}`);
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
    .addHelpText('after', `\n${m.program.exitCodesTitle}\n${m.program.exitCodes.map((l) => `  ${l}`).join('\n')}\n\n${m.program.environmentTitle}\n${m.program.environment.map((l) => `  ${l}`).join('\n')}\n`)
    // Every command's help also lists the global options (--env, --lang, --json...), translated.
    .configureHelp({
      showGlobalOptions: true,
      // The value names of the usage lines (`<file>`, `[options]`, `[command]`) in the chosen language.
      commandUsage: (cmd) => placeholders(base.commandUsage(cmd)),
      subcommandTerm: (cmd) => placeholders(base.subcommandTerm(cmd)),
      optionTerm: (option) => placeholders(base.optionTerm(option)),
      argumentTerm: (argument) => placeholders(base.argumentTerm(argument)),
      styleTitle: (title) => (m.helpTitles as Readonly<Record<string, string>>)[title] ?? title,
      // Commander's own "(choices: ...)" and "(default: ...)" are English: said in the chosen language.
      optionDescription: (option) => {
        const extras = [
          ...(option.argChoices === undefined ? [] : [`${m.helpChoices} ${option.argChoices.join(', ')}`]),
          ...(option.defaultValue === undefined || option.defaultValue === false ? [] : [`${m.helpDefault} ${String(option.defaultValue)}`]),
        ];
        return extras.length === 0 ? option.description : `${option.description} (${extras.join('; ')})`;
      },
    })
    .showHelpAfterError(false)
    .exitOverride()
    // Commander's own error lines are English and echo what was typed (`--pin=1234`): they are
    // silenced here and said again by describeParseError, in the chosen language, without values.
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s), outputError: () => undefined });
  program.hook('preSubcommand', (_program, sub) => {
    state.commandPath = `ehealth-cert ${sub.name()}`;
  });

  // Manual step titles ("Étape 14 : ...") belong to the flows of the manual, not to look-ups.
  const action = (load: Loader, manualSteps = false) => async (...args: unknown[]) => {
    const command = args.at(-1) as Command;
    const positional = args.slice(0, -2).filter((a): a is string => typeof a === 'string');
    // Loaded here, not at start-up: settings, prompts and core are not needed for --help/--version.
    const { executeCommand } = await import('./runtime/executeCommand.js');
    state.outcome = await executeCommand(load, command.optsWithGlobals(), positional, io, i18n, options.adapters ?? {}, manualSteps);
  };

  // Options that several commands share, declared once: step 10's contact data and the base
  // services (request, renew), and the keystore format (every command that writes a keystore).
  const withContactOptions = (command: Command) =>
    command
      .option('--email-private <email>', m.options.emailPrivate)
      .option('--email-general <email>', m.options.emailGeneral)
      .option('--phone-private <phone>', m.options.phonePrivate)
      .option('--phone-general <phone>', m.options.phoneGeneral)
      .option('--base-service <usage>', m.options.baseService, repeat);
  const keystoreFormatOption = () => new Option('--keystore-format <format>', m.options.keystoreFormat).choices(KEYSTORE_FORMAT_CHOICES);

  withContactOptions(
    program
      .command('request')
      .description(m.commands.request)
      .option('--yes', m.options.yes)
      .option('--org <org>', m.options.org)
      .option('--org-index <n>', m.options.orgIndex)
      .option('--org-name <name>', m.options.orgName)
      .option('--app-id <id>', m.options.appId),
  )
    .option('--accept-terms', m.options.acceptTerms)
    .option('--new-key', m.options.newKey)
    .addOption(keystoreFormatOption())
    .option('--password-file <file>', m.options.passwordFile)
    .action(action(() => import('./commands/requestCommand.js'), true));

  program
    .command('complete')
    .description(m.commands.complete)
    .option('--keystore <file>', m.options.keystore)
    .option('--password-file <file>', m.options.passwordFile)
    .option('--wait', m.options.wait)
    .option('--interval <seconds>', m.options.interval, '60')
    .addOption(keystoreFormatOption())
    .action(action(() => import('./commands/completeCommand.js'), true));

  program
    .command('status')
    .description(m.commands.status)
    .option('--keystore <file>', m.options.keystore)
    .option('--password-file <file>', m.options.passwordFile)
    .option('--expiring-within <period>', m.options.expiringWithin)
    .action(action(() => import('./commands/statusCommand.js')));

  program
    .command('export')
    .description(m.commands.export)
    .option('--keystore <file>', m.options.keystore)
    .option('--password-file <file>', m.options.passwordFile)
    .option('--p12', m.options.p12)
    .option('--export-password-file <file>', m.options.exportPasswordFile)
    .action(action(() => import('./commands/exportCommand.js')));

  program
    .command('sim')
    .description(m.commands.sim)
    .addArgument(new Argument('<action>').choices(['approve', 'refuse']))
    .argument('<reference>')
    .option('--reason <text>', m.options.simReason)
    .action(action(() => import('./commands/simCommand.js')));
  program.command('orgs').description(m.commands.orgs).action(action(() => import('./commands/orgsCommand.js')));
  program.command('card').description(m.commands.card).action(action(() => import('./commands/cardCommand.js')));

  program
    .command('inspect')
    .description(m.commands.inspect)
    .argument('<file>')
    .option('--password-file <file>', m.options.passwordFile)
    .action(action(() => import('./commands/inspectCommand.js')));

  withContactOptions(
    program
      .command('renew')
      .description(m.commands.renew)
      .option('--keystore <file>', m.options.keystore)
      .option('--password-file <file>', m.options.passwordFile)
      .option('--yes', m.options.yes)
      .option('--accept-terms', m.options.acceptTerms),
  )
    .addOption(keystoreFormatOption())
    .action(action(() => import('./commands/renewCommand.js'), true));

  program
    .command('revoke')
    .description(m.commands.revoke)
    .requiredOption('--reason <reason>', m.options.reason)
    .option('--reference <reference>', m.options.reference)
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
    .option('--new-password-file <file>', m.options.newPasswordFile)
    .addOption(keystoreFormatOption())
    .action(action(() => import('./commands/passwdCommand.js')));

  program
    .command('keystores')
    .description(m.commands.keystores)
    .option('--all', m.options.all)
    .action(action(() => import('./commands/keystoresCommand.js')));

  program
    .command('check-id')
    .description(m.commands.checkId)
    .argument('<identifier>')
    .action(action(() => import('./commands/checkIdCommand.js')));

  program
    .command('demo')
    .description(m.commands.demo)
    .option('--dir <dir>', m.options.dir)
    .option('--ui', m.options.ui)
    .option('--port <n>', m.options.port)
    .option('--no-open', m.options.noOpen)
    .action(action(() => import('./commands/demoCommand.js'), true));

  program
    .command('ui')
    .description(m.commands.ui)
    .option('--port <n>', m.options.port)
    .option('--no-open', m.options.noOpen)
    .action(action(() => import('./commands/uiCommand.js'), true));

  // `ehealth-cert` alone is manual step 1 ("open the software"): at a terminal it opens the wizard
  // (welcome, then new request or completion); elsewhere it shows the help.
  program.allowExcessArguments(true).action(async (_options: unknown, command: Command) => {
    if (command.args.length > 0) {
      const typed = command.args[0] ?? '';
      const meant = closestCommand(typed, program.commands.map((c) => c.name()));
      const said = [i18n.t((x) => x.errors.unknownCommand, { command: typed }), ...(meant === undefined ? [] : [i18n.t((x) => x.errors.didYouMean, { command: meant })])];
      io.stderr.write(`${said.join('\n')}\n`);
      // A script asked for JSON: the error document of the schema, as for any other error.
      if (command.opts()['json'] === true) {
        const details = { field: 'command', value: typed, rule: 'unknown-command', ...(meant === undefined ? {} : { suggestion: meant }) };
        io.stdout.write(`${JSON.stringify({ ok: false, error: { code: 'INVALID_INPUT', exitCode: EXIT.badInput, message: said.join(' '), details } }, null, 2)}\n`);
      }
      state.outcome = EXIT.badInput;
      return;
    }
    if (io.stdin.isTTY !== true) {
      program.outputHelp({ error: true });
      state.outcome = EXIT.badInput;
      return;
    }
    const { executeCommand } = await import('./runtime/executeCommand.js');
    state.outcome = await executeCommand(() => import('./commands/requestCommand.js'), command.optsWithGlobals(), [], io, i18n, options.adapters ?? {}, true);
  });

  for (const command of program.commands) {
    const examples = EXAMPLES[command.name()];
    if (examples !== undefined) command.addHelpText('after', `\n${m.helpExamples}\n${examples.map((line) => `  ${line}`).join('\n')}\n`);
  }
  return program;
}
