import { execFileSync, spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** True when tmux is installed (the terminal tests skip otherwise). */
export const hasTmux = spawnSync('sh', ['-c', 'command -v tmux'], { stdio: 'ignore' }).status === 0;

const PROMPT_DEADLINE_MS = 30_000;
const POLL_MS = 150;
const pause = () => new Promise((r) => setTimeout(r, POLL_MS));

/**
 * `ehealth-cert` (from source) in a real terminal of a given size (tmux), driven as a person would:
 * keys typed, screens read back. The session ends with `EXIT=<status>` on screen.
 */
export class TmuxWizard {
  private constructor(readonly session: string) {}

  static async start(options: { readonly dir: string; readonly name: string; readonly env: Readonly<Record<string, string>>; readonly width: number; readonly height: number; readonly args?: readonly string[] }): Promise<TmuxWizard> {
    const root = join(import.meta.dirname, '..', '..', '..', '..');
    const cli = join(import.meta.dirname, '..', 'cli.ts');
    const session = `${options.name}-${process.pid}`;
    const script = join(options.dir, `${options.name}.sh`);
    const exports = Object.entries(options.env).map(([k, v]) => `export ${k}='${v}'`).join('\n');
    const args = (options.args ?? []).map((a) => `'${a}'`).join(' ');
    await writeFile(script, `${exports}\ncd '${root}'\nnode --import tsx --conditions=source '${cli}' ${args}\necho "EXIT=$?"\nsleep 600\n`);
    execFileSync('tmux', ['new-session', '-d', '-s', session, '-x', String(options.width), '-y', String(options.height), `sh '${script}'`]);
    return new TmuxWizard(session);
  }

  stop(): void {
    spawnSync('tmux', ['kill-session', '-t', this.session]);
  }

  /** Everything shown so far (scroll-back included), wrapped lines joined. */
  screen(): string {
    return execFileSync('tmux', ['capture-pane', '-t', this.session, '-p', '-J', '-S', '-1000'], { encoding: 'utf8' });
  }

  type(...keys: string[]): void {
    execFileSync('tmux', ['send-keys', '-t', this.session, ...keys]);
  }

  /** Waits until the screen shows `text`, within a deadline. */
  async waitFor(text: string | RegExp, timeoutMs = PROMPT_DEADLINE_MS): Promise<string> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const shown = this.screen();
      if (typeof text === 'string' ? shown.includes(text) : text.test(shown)) return shown;
      if (Date.now() > until) throw new Error(`the screen never showed ${String(text)}; it shows:\n${shown}`);
      await pause();
    }
  }

  /** The open question (@inquirer's "? " line; an answered one turns to "✔ "), or null. */
  static liveQuestion(shown: string): string | null {
    const prompts = shown.split('\n').filter((line) => /^[?✔✖] /.test(line));
    const last = prompts.at(-1);
    return last?.startsWith('? ') ? last : null;
  }

  /** Waits until `question` is the open prompt and the screen has settled, then types `keys`. */
  async answer(question: string, ...keys: string[]): Promise<string> {
    const until = Date.now() + PROMPT_DEADLINE_MS;
    let previous = '';
    for (;;) {
      const shown = this.screen();
      if (shown === previous && TmuxWizard.liveQuestion(shown)?.includes(question)) {
        this.type(...keys);
        return shown;
      }
      if (Date.now() > until) throw new Error(`the prompt "${question}" never opened; the screen shows:\n${shown}`);
      previous = shown;
      await pause();
    }
  }
}
