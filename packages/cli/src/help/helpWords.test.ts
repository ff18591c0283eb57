import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { runCli } from '../runCli.js';
import { captureIo } from '../test-support/captureIo.js';
import { foreignWords } from '../test-support/screenWords.js';

// Issue 15 "Help: everything translated": every command's French help, read with the same word
// check as the wizard's screens. What stays as it is: what is typed (flags, command names, option
// values such as prd/acc/sim or the revocation reasons, variable names), and the names of standards
// and file formats, each explained in French beside it.
const TYPED = [
  'prd', 'acc', 'sim', 'fr', 'nl', 'en', 'auto', 'personal', 'approve', 'refuse', 'keyCompromise', 'affiliationChanged', 'superseded', 'cessationOfOperation',
  'TYPE', 'ID', 'VALEUR', 'FICHIER', 'd', 'w', 'NO_COLOR', 'modern', 'legacy',
];
/** French words the word list lacks. */
const FRENCH = ['injoignable', 'démo', 'web'];
const NAMES = ['eHealth', 'eID', 'ETK', 'keystore', 'keystores', 'PIN', 'BCE', 'INAMI', 'ehealth-cert', 'ehealth-cert-api', 'ehealth-sim', 'ETEE', 'requestor', 'PKCS', 'PEM', 'JSON', 'OpenSC', 'beid', 'URL', 'Ctrl', 'DN', 'finalise', 'finaliser', 'p12', 'Options', 'options',
  // names of algorithms (keystore formats), beside their French explanation
  'AES', 'RC', 'SHA', 'DES'];

describe('the French help of every command', () => {
  it('is in French, apart from what is typed and the names of standards', async () => {
    const dictionary = new Set((createRequire(import.meta.url)('an-array-of-french-words') as string[]).map((w) => w.toLowerCase()));
    const main = captureIo({ LANG: 'fr_BE.UTF-8' });
    expect(await runCli(['--help'], main.io)).toBe(0);
    const commands = [...main.stdout().matchAll(/^ {2}([a-z][a-z-]+) /gmu)].map((m) => m[1]!).filter((c) => c !== 'help');
    expect(commands.length).toBeGreaterThanOrEqual(15);
    const pages = [main.stdout()];
    for (const command of commands) {
      const run = captureIo({ LANG: 'fr_BE.UTF-8' });
      expect(await runCli([command, '--help'], run.io)).toBe(0);
      // The examples are command lines to copy, the same in every language.
      pages.push(run.stdout().replace(/^Exemples :\n(?: {2}.*\n?)*/mu, ''));
    }
    // Variable names of the environment list are typed as they are.
    const text = pages.join('\n').replace(/\bEHEALTH_CERT_[A-Z0-9_]+\b/gu, ' ');
    const found = foreignWords(text, { dictionary, allow: new Set([...TYPED, ...commands, 'help', ...NAMES, ...FRENCH]), data: [] });
    expect([...new Set(found.map((f) => `${f.rule}: «${f.word}» in: ${f.line.trim()}`))]).toEqual([]);
  });
});
