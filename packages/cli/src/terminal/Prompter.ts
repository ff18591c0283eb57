import { styleText } from 'node:util';
import type * as InquirerPrompts from '@inquirer/prompts';
import { EhealthCertError, type ErrorCode } from '@ehealth-cert/core';
import type { Translator } from '../i18n/Translator.js';
import type { CliIo, CliOutput } from './CliIo.js';
import { inChosenLanguage } from '../exit-codes/inChosenLanguage.js';
import { wrapFor } from './wrapForTerminal.js';

/** One choice of a menu. */
export interface Choice<T> {
  readonly name: string;
  readonly value: T;
}

/** What to tell the person when there is no terminal to ask in: the flag or variable to use. */
export interface Fallback {
  readonly what: string;
  readonly how: string;
  readonly code?: ErrorCode;
}

type Inquirer = typeof InquirerPrompts;

/**
 * The person at the terminal: menus, questions and masked passwords (@inquirer/prompts on the
 * injected streams). Never prompts when stdin is not a TTY: it fails naming the flag or variable
 * to use instead (STYLE.md "Front ends").
 */
export class Prompter {
  private inquirer?: Inquirer;

  /** `screen` is where questions and wizard text go: stdout, or stderr under --json. */
  constructor(
    private readonly io: CliIo,
    private readonly i18n: Translator,
    readonly screen: CliOutput = io.stdout,
    private readonly beforePrompt: () => void = () => undefined,
  ) {}

  /** True while the wizard replays answers already given (going back): nothing is written. */
  private silent = false;

  /** Writes lines of wizard text to the screen. */
  say(...lines: readonly string[]): void {
    if (this.silent) return;
    this.beforePrompt();
    for (const line of lines) this.screen.write(`${wrapFor(this.screen, line)}\n`);
  }

  /** Silences `say` while the wizard replays the answers before the question it goes back to. */
  mute(silent: boolean): void {
    this.silent = silent;
  }

  get muted(): boolean {
    return this.silent;
  }

  /**
   * A long text (the terms, eHealth's contract) one screenful at a time at a terminal, Enter
   * showing the next; whole when there is no terminal to page on or its height is unknown.
   */
  async sayPaged(lines: readonly string[]): Promise<void> {
    const rows = this.screen.rows;
    if (this.silent || !this.interactive || rows === undefined || rows <= 0) {
      this.say(...lines);
      return;
    }
    const columns = Math.max(20, this.screen.columns ?? 80);
    // Room for the "read on" question and its answer line under each page.
    const height = Math.max(4, rows - 4);
    const pages: string[][] = [];
    let page: string[] = [];
    let used = 0;
    for (const line of lines) {
      const needs = Math.max(1, Math.ceil([...line].length / columns));
      if (used + needs > height && page.length > 0) {
        pages.push(page);
        page = [];
        used = 0;
      }
      page.push(line);
      used += needs;
    }
    if (page.length > 0) pages.push(page);
    for (const [index, shown] of pages.entries()) {
      this.say(...shown);
      if (index < pages.length - 1) {
        const more = this.i18n.t((m) => m.flow.more, { page: index + 1, pages: pages.length });
        await this.input(more, { what: more, how: '--accept-terms' }, { default: '' });
      }
    }
  }

  /** True when a person can answer (stdin and stdout are terminals). */
  get interactive(): boolean {
    return Boolean(this.io.stdin.isTTY);
  }

  async input(message: string, fallback: Fallback, options: { default?: string; validate?: (v: string) => true | string } = {}): Promise<string> {
    const { input } = await this.load(fallback);
    return input({ message, default: options.default, validate: options.validate }, this.context());
  }

  async password(message: string, fallback: Fallback, validate?: (v: string) => true | string): Promise<string> {
    const { password } = await this.load(fallback);
    return password({ message, mask: '*', validate }, this.context());
  }

  /** Yes or no as a two-line menu in the person's language (inquirer's confirm only knows y/n). */
  async confirm(message: string, fallback: Fallback, defaultValue = true): Promise<boolean> {
    const { select } = await this.load(fallback);
    const { yes, no } = this.i18n.m.labels;
    const choices = [
      { name: yes.charAt(0).toUpperCase() + yes.slice(1), value: true },
      { name: no.charAt(0).toUpperCase() + no.slice(1), value: false },
    ];
    return select({ message, choices, default: defaultValue, theme: this.theme() }, this.context());
  }

  /** A menu; `defaultValue` is the choice under the cursor at first (else the first one). */
  async select<T>(message: string, choices: readonly Choice<T>[], fallback: Fallback, defaultValue?: T): Promise<T> {
    const { select } = await this.load(fallback);
    return select(
      { message, choices: choices.map((c) => ({ name: c.name, value: c.value })), pageSize: 12, theme: this.theme(), ...(defaultValue !== undefined ? { default: defaultValue } : {}) },
      this.context(),
    );
  }

  async checkbox<T>(message: string, choices: readonly (Choice<T> & { readonly checked?: boolean })[], fallback: Fallback): Promise<T[]> {
    const { checkbox } = await this.load(fallback);
    return checkbox({ message, choices: choices.map((c) => ({ name: c.name, value: c.value, checked: c.checked === true })), theme: this.theme() }, this.context());
  }

  /**
   * The key help under menus ("↑↓ navigate • ⏎ select") in the person's language: @inquirer/prompts
   * writes its actions in English and lets a theme render them.
   */
  private theme() {
    const names = this.i18n.m.labels.keys as Readonly<Record<string, string>>;
    const keysHelpTip = (keys: [string, string][]) =>
      keys.map(([key, action]) => `${styleText('bold', names[key] ?? key)} ${styleText('dim', names[action] ?? action)}`).join(styleText('dim', ' • '));
    return { style: { keysHelpTip } };
  }

  private context() {
    return { input: this.io.stdin, output: this.screen, signal: this.io.signal };
  }

  private async load(fallback: Fallback): Promise<Inquirer> {
    if (!this.interactive) {
      throw inChosenLanguage(new EhealthCertError(
        fallback.code ?? 'INVALID_INPUT',
        this.i18n.t((m) => m.errors.noTty, { what: fallback.what, how: fallback.how }),
        { missing: fallback.what },
      ));
    }
    this.inquirer ??= await import('@inquirer/prompts');
    this.beforePrompt();
    return this.inquirer;
  }
}

/** True for the error @inquirer throws on Ctrl-C or an aborted signal. */
export function isPromptCancel(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name;
  return name === 'ExitPromptError' || name === 'AbortPromptError' || name === 'CancelPromptError';
}
