import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { provisionFakeEid } from '@ehealth-cert/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The wizard driven as a person would: in a real terminal (tmux), typing answers and reading the
// screens back, a wrong PIN first and then the right one (manual steps 1-15: `ehealth-cert` alone
// opens the wizard, as step 1 opens the old tool).
const hasTmux = spawnSync('sh', ['-c', 'command -v tmux'], { stdio: 'ignore' }).status === 0;
const root = join(import.meta.dirname, '..', '..', '..', '..');
const cli = join(import.meta.dirname, '..', 'cli.ts');
const session = `ehealth-cert-wizard-${process.pid}`;
let dir: string;

const tmux = (...args: string[]) => execFileSync('tmux', args, { encoding: 'utf8' });
const screen = () => tmux('capture-pane', '-t', session, '-p', '-J', '-S', '-300');
const type = (...keys: string[]) => tmux('send-keys', '-t', session, ...keys);

const PROMPT_DEADLINE_MS = 30_000;
const POLL_MS = 150;
const pause = () => new Promise((r) => setTimeout(r, POLL_MS));

/** Waits until the screen shows `text` (the program answers at its own pace), within a deadline. */
async function waitFor(text: string | RegExp, timeoutMs = PROMPT_DEADLINE_MS): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const shown = screen();
    if (typeof text === 'string' ? shown.includes(text) : text.test(shown)) return shown;
    if (Date.now() > until) throw new Error(`the screen never showed ${String(text)}; it shows:\n${shown}`);
    await pause();
  }
}

/**
 * The question @inquirer/prompts is asking now: the last prompt line of the screen, if it is still
 * open ("? " prefix; an answered one turns to "✔ "). Null while the program works between prompts.
 */
function liveQuestion(shown: string): string | null {
  const prompts = shown.split('\n').filter((line) => /^[?✔✖] /.test(line));
  const last = prompts.at(-1);
  return last?.startsWith('? ') ? last : null;
}

/**
 * Waits until `question` is the open prompt and the screen has settled (two identical captures),
 * so that keys reach the prompt in raw mode, never the terminal's echo between two prompts
 * (under load the program can be seconds late).
 */
async function waitForPrompt(question: string): Promise<string> {
  const until = Date.now() + PROMPT_DEADLINE_MS;
  let previous = '';
  for (;;) {
    const shown = screen();
    if (shown === previous && liveQuestion(shown)?.includes(question)) return shown;
    if (Date.now() > until) throw new Error(`the prompt "${question}" never opened; the screen shows:\n${shown}`);
    previous = shown;
    await pause();
  }
}

/** Waits for a question to be open, then answers it. */
async function answer(question: string, ...keys: string[]): Promise<string> {
  const shown = await waitForPrompt(question);
  type(...keys);
  return shown;
}

describe.skipIf(!hasTmux)('the request wizard in a terminal', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ehealth-cert-wizard-'));
    const card = await provisionFakeEid({ dir: join(dir, 'card') });
    const env = {
      LANG: 'fr_BE.UTF-8',
      HOME: dir,
      EHEALTH_CERT_ENV: 'sim',
      EHEALTH_CERT_SIM_STATE_DIR: join(dir, 'sim'),
      EHEALTH_CERT_KEYSTORE_DIR: join(dir, 'keystore'),
      SOFTHSM2_CONF: card.softhsmConf,
      EHEALTH_CERT_PKCS11_MODULE: card.modulePath,
    };
    const script = join(dir, 'run.sh');
    const exports = Object.entries(env).map(([k, v]) => `export ${k}='${v}'`).join('\n');
    await writeFile(script, `${exports}\ncd '${root}'\nnode --import tsx --conditions=source '${cli}'\necho "EXIT=$?"\nsleep 600\n`);
    tmux('new-session', '-d', '-s', session, '-x', '160', '-y', '50', `sh '${script}'`);
  });

  afterAll(async () => {
    if (hasTmux) spawnSync('tmux', ['kill-session', '-t', session]);
    await rm(dir, { recursive: true, force: true });
  });

  it('walks through steps 2 to 15 with masked secrets and a wrong PIN typed again', async () => {
    await waitFor('Étape 2');
    await answer('ehealth-cert, le logiciel de demande de certificats eHealth', 'Enter');
    await answer('Que voulez-vous faire', 'Enter');
    await answer('Acceptez-vous les conditions générales', 'Up', 'Enter');
    await answer('Qui êtes-vous', 'Enter');
    await answer('Pour qui est le certificat', 'Enter');

    await answer('Code PIN d\'Alice Geldigekaart', '0000', 'Enter');
    await answer('Retaper le code PIN', 'Enter');
    const afterWrongPin = await waitFor('Code PIN erroné');
    expect(afterWrongPin).toMatch(/2 tries left|Encore 2 essai/);
    // The PIN is asked anew (a person's choice, never an automatic retry): wait for the live prompt.
    await waitFor('Retaper le code PIN ? Oui');
    await answer('Code PIN d\'Alice Geldigekaart', '1234', 'Enter');

    await answer('Comment voulez-vous indiquer l\'organisation', 'Enter');
    await answer('Votre organisation', 'Down', 'Enter');
    await answer('Identifiant d\'application', 'Enter');
    // Step 10: each field is checked on Enter and only the wrong one is asked again, saying why.
    await answer('Votre adresse électronique', 'paarden-staan', 'Enter');
    await waitFor("ce n'est pas une adresse électronique");
    await answer('Votre adresse électronique', 'C-u', 'alice@example.org', 'Enter');
    await answer('Adresse électronique générique', 'info@ambulances.example.org', 'Enter');
    await answer('Votre numéro de téléphone', 'Enter');
    const emptyPhone = await waitFor('obligatoire');
    expect(liveQuestion(emptyPhone)).toContain('Votre numéro de téléphone');
    await answer('Votre numéro de téléphone', '02 555 01 23', 'Enter');
    const contact = await answer('Numéro de téléphone générique', 'Enter');
    // Each e-mail question was answered once: the right fields were not asked again.
    expect(contact.match(/✔ Votre adresse électronique/g)).toHaveLength(1);
    expect(contact.match(/✔ Adresse électronique générique/g)).toHaveLength(1);
    expect(contact).not.toContain('Données de contact incorrectes');
    // The base services: Enter keeps those eHealth provides for the type.
    await answer('Pour quels services de base', 'Enter');
    await answer('Mot de passe du keystore', 'short', 'Enter');
    await waitFor(/too short|trop court/);
    await answer('Mot de passe du keystore', 'C-u', 'paarden-staan-op-stal-42', 'Enter');
    await answer('Mot de passe du keystore (encore une fois)', 'paarden-staan-op-stal-42', 'Enter');

    const overview = await waitForPrompt('Acceptez-vous ce contrat');
    expect(overview).toContain('Étape 12 : aperçu de votre demande');
    expect(overview).toMatch(/Service ambulancier, n°\sINAMI\s71901249/u);
    expect(overview).toContain('Contrat d\'utilisation d\'un certificat eHealth');
    type('Up', 'Enter');
    await answer('Envoyer la demande de certificat à eHealth', 'Enter');
    await waitFor('Étape 14');
    await answer('Code PIN d\'Alice Geldigekaart (clé de signature)', '1234', 'Enter');

    const end = await waitFor('EXIT=');
    expect(end).toContain('EXIT=0');
    expect(end).toMatch(/Étape 15 : votre clé secrète\s+Votre clé secrète \(référence de la demande\) : [0-9a-f]{40}/);
    // Secrets are never echoed: neither the PIN nor the password appears on the screen.
    expect(end).not.toContain('paarden-staan-op-stal-42');
    expect(end).not.toMatch(/\b1234\b/);
    expect((await readdir(join(dir, 'keystore'))).some((f) => f.endsWith('.sim-p12'))).toBe(true);
  });
});
