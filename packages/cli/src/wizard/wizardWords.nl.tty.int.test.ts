import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { provisionFakeEid, startInProcessSimulator, type FakeEid } from '@ehealth-cert/simulator';
import { SIM_STATE_FOLDER } from '@ehealth-cert/composition';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nl } from '../i18n/nl.js';
import { dutchWords } from '../test-support/dutchWords.js';
import { foreignWords, type ForeignWord } from '../test-support/screenWords.js';
import { hasTmux, TmuxScreen, wordsCutAtTheEdge } from '../test-support/TmuxScreen.js';

// The same check as wizardWords.tty.int.test.ts, in Dutch: the wizard from `ehealth-cert` to the
// pending screen, `complete` while eHealth has not made the certificate, and `ehealth-cert` again
// to the final screen, in an 80-column terminal; every word Dutch (OpenTaal dictionary and its
// compounds) or in the reviewed allow-list, none cut at the edge. The questions are found by their
// Dutch texts (the catalogue), answered in whatever order they come.
const root = join(import.meta.dirname, '..', '..', '..', '..');
const cli = join(import.meta.dirname, '..', 'cli.ts');
const COLUMNS = 80;
const PASSWORD = 'paarden-staan-op-stal-42';

/** Proper names, the eID's abbreviations, and what the Dutch manual and eHealth call things. */
const ALLOW_NL = ['eHealth', 'eID', 'ETK', 'keystore', 'KBO', 'RIZIV', 'INSZ', 'PUK', 'PIN', 'OK', 'ehealth-cert', 'N.B.'];

/** The start of a catalogue text, before its first placeholder: what the question says. */
const asked = (text: string) => text.split('{')[0]!.trim();

const withoutContract = (screen: string) =>
  screen.replace(new RegExp(`^${nl.wizard.contractTitle}\\n-+\\n[\\s\\S]*?(?=^[?✔] ${asked(nl.wizard.acceptContract)})`, 'mu'), `${nl.wizard.contractTitle}\n`);

let dir: string;
let card: FakeEid;
let env: Record<string, string>;
const transcript: string[] = [];

type Answers = readonly (readonly [string, ...string[]])[];

async function run(name: string, args: string, answers: Answers): Promise<{ screen: TmuxScreen; exitCode: number; end: string }> {
  const screen = await TmuxScreen.start({ name: `ehealth-cert-woorden-${name}`, dir, cwd: root, env, command: `node --import tsx --conditions=source '${cli}' ${args}`, columns: COLUMNS });
  try {
    await screen.converse(answers);
    const { screen: last, exitCode } = await screen.end();
    transcript.push(`$ ehealth-cert ${args}    (exit ${exitCode})`, '', last.displayed.replace(/^EXIT=\d+$/gmu, '').trimEnd(), '', '');
    return { screen, exitCode, end: last.joined };
  } finally {
    screen.close();
  }
}

describe.skipIf(!hasTmux)('the whole wizard in Dutch, in an 80-column terminal', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ehealth-cert-woorden-'));
    card = await provisionFakeEid({ dir: join(dir, 'card') });
    env = {
      LANG: 'nl_BE.UTF-8',
      HOME: dir,
      EHEALTH_CERT_ENV: 'sim',
      EHEALTH_CERT_KEYSTORE_DIR: join(dir, 'keystore'),
      SOFTHSM2_CONF: card.softhsmConf,
      EHEALTH_CERT_PKCS11_MODULE: card.modulePath,
    };
  });

  afterAll(async () => {
    if (transcript.length > 0) {
      await mkdir(join(root, 'reports'), { recursive: true });
      await writeFile(join(root, 'reports', 'wizard-transcript-nl.txt'), transcript.join('\n'));
    }
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  it('reads in Dutch from the first question to the final screen, no word cut at the edge', { timeout: 240_000 }, async () => {
    const w = nl.wizard;
    const contact: Answers = [
      [asked(w.passwordAgain), PASSWORD, 'Enter'],
      [asked(w.password), PASSWORD, 'Enter'],
      [asked(w.emailPrivate), 'alice@example.org', 'Enter'],
      [asked(w.emailGeneral), 'info@ambulances.example.org', 'Enter'],
      [asked(w.phonePrivate), '02 555 01 23', 'Enter'],
      [asked(w.phoneGeneral), 'Enter'],
      [asked(w.appId), 'Enter'],
      [asked(w.pinPrompt), card.pin, 'Enter'],
      // The base services question and a long text's pages (the wizard's flow, issue 15).
      ['Voor welke basisdiensten zal dit certificaat dienen', 'Enter'],
      ['Druk op Enter om verder te lezen', 'Enter'],
    ];
    const request = await run('aanvraag', '', [
      [asked(w.welcome), 'Enter'],
      [asked(w.whatToDo), 'Enter'],
      [asked(w.acceptTerms), 'Up', 'Enter'],
      [asked(w.nationality), 'Enter'],
      [asked(w.forWhom), 'Enter'],
      [asked(w.modeQuestion), 'Enter'],
      [asked(w.selectOrganisation), 'Down', 'Enter'],
      [asked(w.acceptContract), 'Up', 'Enter'],
      [asked(w.send), 'Enter'],
      ...contact,
    ]);
    expect(request.exitCode, request.end).toBe(0);
    const pending = await run('wachten', 'complete', contact);
    expect(pending.exitCode, pending.end).toBe(3);

    const simulator = await startInProcessSimulator({ stateDir: join(dir, 'keystore', SIM_STATE_FOLDER) });
    await simulator.advance(simulator.issuanceDelayMs + 60_000);
    await simulator.close();
    const complete = await run('vervolledigen', '', [[asked(w.welcome), 'Enter'], [asked(w.whatToDo), 'Down', 'Enter'], ...contact]);
    expect(complete.exitCode, complete.end).toBe(0);

    const dictionary = dutchWords();
    const data = [`${card.holder.givenNames} ${card.holder.surname}`, 'Ambulances Sud-Luxembourg (TEST)', 'AMBULANCES SUD-LUXEMBOURG (TEST)', 'Ambulances Hôpital Saint-Pierre (TEST)'];
    const found: ForeignWord[] = [];
    const cut: string[] = [];
    let screens = 0;
    for (const { screen } of [request, pending, complete]) {
      for (const capture of screen.captures) {
        screens += 1;
        found.push(...foreignWords(withoutContract(capture.joined).replace(/^EXIT=\d+$/gmu, ''), { dictionary, allow: new Set(ALLOW_NL), data }));
        cut.push(...wordsCutAtTheEdge(capture.joined, COLUMNS));
      }
    }
    expect([...new Set(found.map((f) => `${f.rule}: «${f.word}» in: ${f.line.trim()}`))], `${screens} screens checked`).toEqual([]);
    expect(cut).toEqual([]);
    expect(screens).toBeGreaterThanOrEqual(20);
  });
});
