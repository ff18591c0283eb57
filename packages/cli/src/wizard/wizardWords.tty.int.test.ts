import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { provisionFakeEid, startInProcessSimulator, type FakeEid } from '@ehealth-cert/simulator';
import { SIM_STATE_FOLDER } from '@ehealth-cert/composition';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignWords, type ForeignWord } from '../test-support/screenWords.js';
import { hasTmux, TmuxScreen, wordsCutAtTheEdge } from '../test-support/TmuxScreen.js';

// Issue 15, "Done when": the whole wizard in French, in a real 80-column terminal (tmux), from
// `ehealth-cert` to the pending screen (request, steps 1-15), then `complete` while eHealth has not
// made the certificate, `status`, and `ehealth-cert` again to the final screen (steps 16-19), reads
// without one English or technical word outside --verbose, and no word is cut at the edge.
// Every screen that asked something and the end of every run is checked; the whole run is written
// to reports/wizard-transcript-fr.txt (docs/wizard-transcript-fr.txt is a copy for reviewers).

const root = join(import.meta.dirname, '..', '..', '..', '..');
const cli = join(import.meta.dirname, '..', 'cli.ts');
const COLUMNS = 80;
const PASSWORD = 'paarden-staan-op-stal-42';

/**
 * The reviewed allow-list: words that are on the screens on purpose and that the dictionary does
 * not have. Proper names and the manual's own words (the shared manual says eHealth, eID, ETK,
 * keystore, BCE, INAMI, OK, labo, finaliser, Belgique), the abbreviations on a Belgian eID and its
 * PIN letter (NISS, PUK), and French words missing from the word list. Nothing technical.
 */
const ALLOW_FR = [
  // the manual's words
  'eHealth', 'eID', 'ETK', 'keystore', 'BCE', 'INAMI', 'OK', 'labo', 'finaliser', 'finalisez', 'finalisée', 'Belgique', 'Belge', 'N.B.', 'xA', 'xM',
  // the eID card and its letter
  'NISS', 'PUK', 'PIN',
  // the program's own name (as the manual names "le logiciel")
  'ehealth-cert',
  // French words the word list lacks
  'cliquez', 'télécharger', 'complétez', 'installez', 'introduisez', 'démarrez', 'Aide', 'Urgente',
  // the names of eHealth's base services in French (issue 15: explained where they are asked)
  'Horodatage', 'anonymisation',
];

/** eHealth's contract is shown as eHealth writes it (the person agrees to eHealth's text, not ours). */
function withoutContract(screen: string): string {
  return screen.replace(/^Contrat d'eHealth\n-+\n[\s\S]*?(?=^[?✔] (?:Acceptez-vous ce contrat|Révoquer le certificat))/mu, "Contrat d'eHealth\n");
}

/** The harness's own line (the exit status the run script prints), not the program's. */
const withoutHarness = (screen: string) => screen.replace(/^EXIT=\d+$/gmu, '');

let dir: string;
let card: FakeEid;
let env: Record<string, string>;
let dictionary: Set<string>;
const transcript: string[] = [];
const findings: ForeignWord[] = [];
const cutWords: string[] = [];
let screensChecked = 0;

function check(screen: TmuxScreen, data: readonly string[]): void {
  for (const capture of screen.captures) {
    screensChecked += 1;
    const text = withoutHarness(withoutContract(capture.joined));
    findings.push(...foreignWords(text, { dictionary, allow: new Set(ALLOW_FR), data }));
    cutWords.push(...wordsCutAtTheEdge(capture.joined, COLUMNS));
  }
}

/** The open questions of a run (each menu with its choices, as it was on the screen). */
function questions(screen: TmuxScreen): string {
  return screen.captures
    .map((c) => {
      const lines = c.joined.trimEnd().split('\n');
      const start = lines.findLastIndex((l) => l.startsWith('? '));
      return start < 0 ? '' : lines.slice(start).join('\n');
    })
    .filter((q) => q !== '')
    .join('\n\n');
}

type Answers = readonly (readonly [string, ...string[]])[];

/**
 * One run of `ehealth-cert ARGS` in the terminal: the questions answered in the order given, or
 * (`anyOrder`) each question answered from the table whenever it comes.
 */
async function run(name: string, shown: string, args: string, answers: Answers, anyOrder = false): Promise<{ screen: TmuxScreen; exitCode: number; end: string }> {
  const screen = await TmuxScreen.start({ name: `ehealth-cert-words-${name}`, dir, cwd: root, env, command: `node --import tsx --conditions=source '${cli}' ${args}`, columns: COLUMNS });
  try {
    if (anyOrder) await screen.converse(answers);
    else for (const [question, ...keys] of answers) await screen.answer(question, ...keys);
    const { screen: last, exitCode } = await screen.end();
    const end = withoutHarness(last.displayed).trimEnd();
    transcript.push(`$ ${shown}    (sortie ${exitCode})`, '', end, '', '--- Les questions telles qu\'elles étaient ouvertes à l\'écran ---', '', questions(screen), '', '');
    return { screen, exitCode, end: last.joined };
  } finally {
    screen.close();
  }
}

describe.skipIf(!hasTmux)('the whole wizard in French, in an 80-column terminal', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ehealth-cert-words-'));
    card = await provisionFakeEid({ dir: join(dir, 'card') });
    env = {
      LANG: 'fr_BE.UTF-8',
      HOME: dir,
      EHEALTH_CERT_ENV: 'sim',
      EHEALTH_CERT_KEYSTORE_DIR: join(dir, 'keystore'),
      SOFTHSM2_CONF: card.softhsmConf,
      EHEALTH_CERT_PKCS11_MODULE: card.modulePath,
    };
    const words = createRequire(import.meta.url)('an-array-of-french-words') as string[];
    dictionary = new Set(words.map((w) => w.toLowerCase()));
  });

  afterAll(async () => {
    if (transcript.length > 0) {
      await mkdir(join(root, 'reports'), { recursive: true });
      await writeFile(join(root, 'reports', 'wizard-transcript-fr.txt'), transcript.join('\n'));
    }
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  it('reads in French from the first question to the final screen, no word cut at the edge', { timeout: 240_000 }, async () => {
    const holder = `${card.holder.givenNames} ${card.holder.surname}`;
    const data = [holder, 'Ambulances Sud-Luxembourg (TEST)', 'AMBULANCES SUD-LUXEMBOURG (TEST)', 'Ambulances Hôpital Saint-Pierre (TEST)'];

    // Steps 1-15: the request, automatic path, to the screen that says to wait for eHealth's mail.
    const request = await run('request', 'ehealth-cert', '', [
      ['ehealth-cert, le logiciel de demande de certificats eHealth', 'Enter'],
      ['Que voulez-vous faire', 'Enter'],
      ['Acceptez-vous les conditions générales', 'Up', 'Enter'],
      ['Qui êtes-vous', 'Enter'],
      ['Pour qui est le certificat', 'Enter'],
      ['Code PIN d', card.pin, 'Enter'],
      ["Comment voulez-vous indiquer l'organisation", 'Enter'],
      ['Votre organisation', 'Down', 'Enter'],
      ["Identifiant d'application", 'Enter'],
      ['Votre adresse électronique', 'alice@example.org', 'Enter'],
      ['Adresse électronique générique', 'info@ambulances.example.org', 'Enter'],
      ['Votre numéro de téléphone', '02 555 01 23', 'Enter'],
      ['Numéro de téléphone générique', 'Enter'],
      ['Pour quels services de base ce certificat servira-t-il', 'Enter'],
      ['Mot de passe du keystore', PASSWORD, 'Enter'],
      ['Mot de passe du keystore (encore une fois)', PASSWORD, 'Enter'],
      ['Acceptez-vous ce contrat', 'Up', 'Enter'],
      ['Envoyer la demande de certificat à eHealth', 'Enter'],
      ['Code PIN d', card.pin, 'Enter'],
    ]);
    expect(request.exitCode, request.end).toBe(0);
    expect(request.end).toMatch(/Étape 15 : votre clé secrète/u);
    check(request.screen, data);

    // The pending screens: eHealth has not made the certificate yet (exit 3), and `status`.
    const pending = await run('pending', 'ehealth-cert complete', 'complete', [['Mot de passe du keystore', PASSWORD, 'Enter']]);
    expect(pending.exitCode, pending.end).toBe(3);
    check(pending.screen, data);
    const status = await run('status', 'ehealth-cert status', 'status', [['Code PIN d', card.pin, 'Enter']]);
    expect(status.exitCode, status.end).toBe(0);
    check(status.screen, data);

    // eHealth makes the certificate: the simulated clock moves past its issuing delay.
    const simulator = await startInProcessSimulator({ stateDir: join(dir, 'keystore', SIM_STATE_FOLDER) });
    await simulator.advance(simulator.issuanceDelayMs + 60_000);
    await simulator.close();

    // Steps 16-19 from the wizard's first menu, to the final screen.
    const complete = await run('complete', 'ehealth-cert', '', [
      ['ehealth-cert, le logiciel de demande de certificats eHealth', 'Enter'],
      ['Que voulez-vous faire', 'Down', 'Enter'],
      ['Mot de passe du keystore', PASSWORD, 'Enter'],
    ]);
    expect(complete.exitCode, complete.end).toBe(0);
    expect(complete.end).toContain('Vous avez installé votre certificat eHealth avec succès !');
    check(complete.screen, data);

    const report = findings.map((f) => `${f.rule}: «${f.word}» in: ${f.line.trim()}`);
    expect([...new Set(report)], `${screensChecked} screens checked`).toEqual([]);
    expect(cutWords).toEqual([]);
    expect(screensChecked).toBeGreaterThanOrEqual(24);
  });

  it('renew, its completion, activate-etk, passwd and revoke read in French too', { timeout: 300_000 }, async () => {
    findings.length = 0;
    cutWords.length = 0;
    const before = screensChecked;
    const holder = `${card.holder.givenNames} ${card.holder.surname}`;
    const data = [holder, 'Ambulances Sud-Luxembourg (TEST)', 'AMBULANCES SUD-LUXEMBOURG (TEST)'];
    const simulator = async (ms: (issuanceDelayMs: number) => number) => {
      const sim = await startInProcessSimulator({ stateDir: join(dir, 'keystore', SIM_STATE_FOLDER) });
      await sim.advance(ms(sim.issuanceDelayMs));
      await sim.close();
    };
    const DAY = 24 * 3600 * 1000;
    const common: Answers = [
      ['Mot de passe du keystore (encore une fois)', PASSWORD, 'Enter'],
      ['Nouveau mot de passe du keystore', `${PASSWORD}-bis`, 'Enter'],
      ['Mot de passe du keystore', PASSWORD, 'Enter'],
      ['Mot de passe actuel du keystore', PASSWORD, 'Enter'],
      ['Code PIN d', card.pin, 'Enter'],
      ['Votre adresse électronique', 'alice@example.org', 'Enter'],
      ['Adresse électronique générique', 'info@ambulances.example.org', 'Enter'],
      ['Votre numéro de téléphone', '02 555 01 23', 'Enter'],
      ['Numéro de téléphone générique', 'Enter'],
      ['Acceptez-vous ce contrat', 'Up', 'Enter'],
      ['Envoyer la demande', 'Enter'],
      ['Révoquer le certificat', 'Up', 'Enter'],
      ['keystore', 'Enter'],
    ];

    // Inside the last three months of the certificate (DOMAIN.md 4.3): the renewal, then its completion.
    await simulator(() => 3 * 365 * DAY - 60 * DAY);
    const renew = await run('renew', 'ehealth-cert renew', 'renew', common, true);
    expect(renew.exitCode, renew.end).toBe(0);
    check(renew.screen, data);
    await simulator((delay) => delay + 60_000);
    const completed = await run('renew-complete', 'ehealth-cert complete', 'complete', common, true);
    expect(completed.exitCode, completed.end).toBe(0);
    check(completed.screen, data);
    const activate = await run('activate', 'ehealth-cert activate-etk', 'activate-etk', common, true);
    expect(activate.exitCode, activate.end).toBe(0);
    check(activate.screen, data);
    // The new password, typed twice (its confirmation is the first entry of this table).
    const passwd = await run('passwd', 'ehealth-cert passwd', 'passwd', [['Nouveau mot de passe du keystore (encore une fois)', `${PASSWORD}-bis`, 'Enter'], ...common], true);
    expect(passwd.exitCode, passwd.end).toBe(0);
    check(passwd.screen, data);
    // The newest keystore is the one passwd wrote: its password is the new one.
    const revoke = await run('revoke', 'ehealth-cert revoke --reason superseded', 'revoke --reason superseded', [['Mot de passe du keystore', `${PASSWORD}-bis`, 'Enter'], ...common], true);
    expect(revoke.exitCode, revoke.end).toBe(0);
    check(revoke.screen, data);

    const report = findings.map((f) => `${f.rule}: «${f.word}» in: ${f.line.trim()}`);
    expect([...new Set(report)], `${screensChecked - before} screens checked`).toEqual([]);
    expect(cutWords).toEqual([]);
  });
});
