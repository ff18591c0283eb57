import type { PortOverrides } from '@ehealth-cert/composition';
import type { Translator } from '../i18n/Translator.js';
import type { StepLog } from '../progress/StepLog.js';
import type { TerminalProgress } from '../progress/TerminalProgress.js';
import type { CliSettings } from '../settings/CliSettings.js';
import type { CliIo } from '../terminal/CliIo.js';
import type { Prompter } from '../terminal/Prompter.js';

/** What every command gets: the terminal, the language, the settings and the output rules. */
export interface CommandContext {
  readonly io: CliIo;
  readonly i18n: Translator;
  readonly settings: CliSettings;
  readonly json: boolean;
  readonly verbose: boolean;
  readonly color: boolean;
  readonly prompter: Prompter;
  readonly steps: StepLog;
  /** Adapter replacements from runCli's options (tests: a PIN-locking card, a failing registry). */
  readonly adapters: PortOverrides;
  readonly progress: TerminalProgress;
  /** Human text on stdout; nothing under --json (stdout then holds only the JSON document). */
  say(...lines: readonly string[]): void;
  bold(text: string): string;
}

/** A command's normal outcome: its exit status (0, or 3 for pending) and its JSON document. */
export interface CommandResult {
  readonly exitCode: number;
  readonly json: unknown;
}
