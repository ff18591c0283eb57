import { execFileSync, spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** True when tmux is installed (the terminal tests are skipped otherwise). */
export const hasTmux = spawnSync('sh', ['-c', 'command -v tmux'], { stdio: 'ignore' }).status === 0;

const PROMPT_DEADLINE_MS = 30_000;
const POLL_MS = 150;
const pause = () => new Promise((r) => setTimeout(r, POLL_MS));
const tmux = (...args: string[]) => execFileSync('tmux', args, { encoding: 'utf8' });

/**
 * The question @inquirer/prompts is asking now: the last prompt line of the screen, if it is still
 * open ("? " prefix; an answered one turns to "✔ "). Null while the program works between prompts.
 */
export function liveQuestion(shown: string): string | null {
  const prompts = shown.split('\n').filter((line) => /^[?✔✖] /.test(line));
  const last = prompts.at(-1);
  return last?.startsWith('? ') ? last : null;
}

/** A screen as the person saw it: its lines as displayed (folded) and joined back (tmux -J). */
export interface Capture {
  readonly displayed: string;
  readonly joined: string;
}

/**
 * One program run in a real terminal of a fixed size (tmux), driven as a person would: waits for
 * a question to be open and settled, types the answer, and keeps a capture of every screen that
 * asked something, and of the whole run at its end.
 */
export class TmuxScreen {
  /** Every screen captured, in order (one per question answered, then the end of the run). */
  readonly captures: Capture[] = [];

  private constructor(
    private readonly session: string,
    readonly columns: number,
  ) {}

  /**
   * Starts `argv` (a shell-quoted command line) with `env` in `cwd` in a new tmux session of
   * `columns` x `rows`; the run ends with "EXIT=<status>" on its own line.
   */
  static async start(options: { name: string; dir: string; cwd: string; env: Readonly<Record<string, string>>; command: string; columns: number; rows?: number }): Promise<TmuxScreen> {
    const script = join(options.dir, `${options.name}.sh`);
    const exports = Object.entries(options.env).map(([k, v]) => `export ${k}='${v}'`).join('\n');
    await writeFile(script, `${exports}\ncd '${options.cwd}'\n${options.command}\necho "EXIT=$?"\nsleep 600\n`);
    const session = `${options.name}-${process.pid}`;
    tmux('new-session', '-d', '-s', session, '-x', String(options.columns), '-y', String(options.rows ?? 50), `sh '${script}'`);
    return new TmuxScreen(session, options.columns);
  }

  /** The whole run so far (scrollback included). */
  capture(): Capture {
    return {
      displayed: tmux('capture-pane', '-t', this.session, '-p', '-S', '-'),
      joined: tmux('capture-pane', '-t', this.session, '-p', '-J', '-S', '-'),
    };
  }

  type(...keys: string[]): void {
    tmux('send-keys', '-t', this.session, ...keys);
  }

  /** Waits until the screen shows `text` (the program answers at its own pace), within a deadline. */
  async waitFor(text: string | RegExp, timeoutMs = PROMPT_DEADLINE_MS): Promise<string> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const shown = this.capture().joined;
      if (typeof text === 'string' ? shown.includes(text) : text.test(shown)) return shown;
      if (Date.now() > until) throw new Error(`the screen never showed ${String(text)}; it shows:\n${shown}`);
      await pause();
    }
  }

  /**
   * Waits until `question` is the open prompt and the screen has settled (two identical captures),
   * so that keys reach the prompt in raw mode, never the terminal's echo between two prompts.
   */
  async waitForPrompt(question: string): Promise<string> {
    const until = Date.now() + PROMPT_DEADLINE_MS;
    let previous = '';
    for (;;) {
      const shown = this.capture();
      if (shown.joined === previous && liveQuestion(shown.joined)?.includes(question)) {
        this.captures.push(shown);
        return shown.joined;
      }
      if (Date.now() > until) throw new Error(`the prompt "${question}" never opened; the screen shows:\n${shown.joined}`);
      previous = shown.joined;
      await pause();
    }
  }

  /** Waits for a question to be open, keeps that screen, then answers it. */
  async answer(question: string, ...keys: string[]): Promise<string> {
    const shown = await this.waitForPrompt(question);
    this.type(...keys);
    return shown;
  }

  /**
   * Answers whatever the program asks, in any order, until the run ends: each open question must
   * match one of `answers` (the first whose text it contains), else the test fails naming it.
   */
  async converse(answers: readonly (readonly [string, ...string[]])[], timeoutMs = 90_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    let previous = '';
    let answered = '';
    for (;;) {
      const shown = this.capture();
      if (/^EXIT=\d+$/mu.test(shown.joined)) return;
      const question = liveQuestion(shown.joined);
      if (shown.joined === previous && question !== null && shown.joined !== answered) {
        const answer = answers.find(([text]) => question.includes(text));
        if (answer === undefined) throw new Error(`no answer for the question "${question}"; the screen shows:\n${shown.joined}`);
        this.captures.push(shown);
        this.type(...answer.slice(1));
        answered = shown.joined;
      }
      if (Date.now() > until) throw new Error(`the run did not end; the screen shows:\n${shown.joined}`);
      previous = shown.joined;
      await pause();
    }
  }

  /** Waits for the end of the run; keeps and returns its last screen and exit status. */
  async end(): Promise<{ screen: Capture; exitCode: number }> {
    const shown = await this.waitFor(/^EXIT=\d+$/mu, 60_000);
    const screen = this.capture();
    this.captures.push(screen);
    return { screen, exitCode: Number(/^EXIT=(\d+)$/mu.exec(shown)![1]) };
  }

  close(): void {
    spawnSync('tmux', ['kill-session', '-t', this.session]);
  }
}

/** Where paths are in a line (keystore file names have a space before their date). */
const PATH = /(?<![\p{L}\p{N}_])(?:~|\.{0,2})\/\S*(?: \d{8}-\d{6}\.\S+)?|"[^"]*\/[^"]*"/gu;

/**
 * Words the terminal cut at its right edge: in each line longer than the terminal (tmux -J joins
 * what it folded), a fold with a word character on both sides. A path or a command to copy may be
 * folded (it is never broken with a new line, which would break it when pasted); every other word
 * must have been wrapped whole by the program.
 */
export function wordsCutAtTheEdge(joined: string, columns: number): string[] {
  const cut: string[] = [];
  for (const line of joined.split('\n')) {
    const chars = [...line.trimEnd()];
    if (chars.length <= columns || /^\s*ehealth-cert\s/u.test(line)) continue;
    const paths = [...line.matchAll(PATH)].map((m) => {
      const start = [...line.slice(0, m.index)].length;
      return [start, start + [...m[0]].length] as const;
    });
    for (let fold = columns; fold < chars.length; fold += columns) {
      if (/\s/u.test(chars[fold - 1]!) || /\s/u.test(chars[fold]!)) continue;
      if (paths.some(([start, end]) => start < fold && fold < end)) continue;
      let from = fold;
      while (from > 0 && !/\s/u.test(chars[from - 1]!)) from--;
      let to = fold;
      while (to < chars.length && !/\s/u.test(chars[to]!)) to++;
      cut.push(chars.slice(from, to).join(''));
    }
  }
  return cut;
}
