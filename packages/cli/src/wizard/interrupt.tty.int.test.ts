import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Ctrl-C in the wizard, in a real terminal (tmux): the program stops at once with exit status 130
// (128 + SIGINT, what shells and scripts expect of an interrupted program), not 1.
const hasTmux = spawnSync('sh', ['-c', 'command -v tmux'], { stdio: 'ignore' }).status === 0;
const root = join(import.meta.dirname, '..', '..', '..', '..');
const cli = join(import.meta.dirname, '..', 'cli.ts');
const session = `ehealth-cert-interrupt-${process.pid}`;
let dir: string;

const tmux = (...args: string[]) => execFileSync('tmux', args, { encoding: 'utf8' });
const screen = () => tmux('capture-pane', '-t', session, '-p', '-J', '-S', '-100');

async function waitFor(text: string, timeoutMs = 30_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const shown = screen();
    if (shown.includes(text)) return shown;
    if (Date.now() > until) throw new Error(`the screen never showed ${text}; it shows:\n${shown}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

describe.skipIf(!hasTmux)('Ctrl-C in the wizard', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ehealth-cert-interrupt-'));
    const env = { LANG: 'fr_BE.UTF-8', HOME: dir, EHEALTH_CERT_ENV: 'sim', EHEALTH_CERT_KEYSTORE_DIR: join(dir, 'keystore'), EHEALTH_CERT_SIM_STATE_DIR: join(dir, 'sim') };
    const script = join(dir, 'run.sh');
    const exports = Object.entries(env).map(([k, v]) => `export ${k}='${v}'`).join('\n');
    await writeFile(script, `${exports}\ncd '${root}'\nnode --import tsx --conditions=source '${cli}'\necho "EXIT=$?"\nsleep 600\n`);
    tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '40', `sh '${script}'`);
  });

  afterAll(async () => {
    if (hasTmux) spawnSync('tmux', ['kill-session', '-t', session]);
    await rm(dir, { recursive: true, force: true });
  });

  it('exits 130 at the first question, saying it stopped, in French', async () => {
    await waitFor('Étape 2');
    await waitFor('? ehealth-cert');
    tmux('send-keys', '-t', session, 'C-c');
    const end = await waitFor('EXIT=');
    expect(end).toContain('EXIT=130');
    expect(end).toContain('Annulé');
  });
});
