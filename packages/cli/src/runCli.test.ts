import { describe, expect, it } from 'vitest';
import { KEYSTORE_FORMATS } from '@ehealth-cert/core';
import { KEYSTORE_FORMAT_CHOICES, runCli } from './runCli.js';
import { captureIo } from './test-support/captureIo.js';

describe('runCli without card or network', () => {
  it('prints the version and exits 0', async () => {
    const run = captureIo({ LANG: 'C' });
    expect(await runCli(['--version'], run.io)).toBe(0);
    expect(run.stdout().trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('documents the exit codes in --help, in the language of the system locale', async () => {
    const run = captureIo({ LANG: 'nl_BE.UTF-8' });
    expect(await runCli(['--help'], run.io)).toBe(0);
    expect(run.stdout()).toContain('Exitcodes');
    expect(run.stdout()).toContain('3  in behandeling');
    expect(run.stdout()).toContain('EHEALTH_CERT_PIN');
  });

  it('describes revoke --reference as the request reference of step 15, in each language', async () => {
    const en = captureIo({ LANG: 'C' });
    expect(await runCli(['revoke', '--help'], en.io)).toBe(0);
    // Commander wraps the descriptions: compared with the line breaks undone.
    const flat = (text: string) => text.replace(/\s+/g, ' ');
    expect(flat(en.stdout())).toContain('--reference <reference> the request reference to revoke (40 hex digits, the "secret key" shown at step 15)');
    const fr = captureIo({ LANG: 'C' });
    expect(await runCli(['--lang', 'fr', 'revoke', '--help'], fr.io)).toBe(0);
    expect(flat(fr.stdout())).toContain("la « clé secrète » affichée à l'étape 15");
  });

  it('prefers --lang over the locale', async () => {
    const run = captureIo({ LANG: 'nl_BE.UTF-8' });
    expect(await runCli(['--help', '--lang', 'fr'], run.io)).toBe(0);
    expect(run.stdout()).toContain('Codes de sortie');
  });

  it('shows the help and exits 2 when started without a command and without a terminal', async () => {
    const bare = captureIo({});
    expect(await runCli([], bare.io)).toBe(2);
    expect(bare.stderr()).toContain('Usage: ehealth-cert');
    const unknown = captureIo({});
    expect(await runCli(['bogus'], unknown.io)).toBe(2);
    expect(unknown.stderr()).toContain("Unknown command 'bogus'");
    const inconnue = captureIo({ LANG: 'fr_BE.UTF-8' });
    expect(await runCli(['bogus'], inconnue.io)).toBe(2);
    expect(inconnue.stderr()).toContain('Commande inconnue « bogus »');
  });

  it('exits 2 on an unknown option or language', async () => {
    const unknown = captureIo({});
    expect(await runCli(['request', '--bogus'], unknown.io)).toBe(2);
    const lang = captureIo({});
    expect(await runCli(['--lang', 'de', 'card'], lang.io)).toBe(2);
    expect(lang.stderr()).toContain('fr, nl or en');
  });

  it('says commander\'s parse errors in the chosen language, one line, exit 2', async () => {
    const cases: [string[], string][] = [
      [['--lang', 'fr', 'revoke'], "L'option --reason <reason> est obligatoire : voir ehealth-cert revoke --help."],
      [['--lang', 'nl', 'revoke'], 'De optie --reason <reason> is verplicht: zie ehealth-cert revoke --help.'],
      [['--lang', 'en', 'revoke'], 'Option --reason <reason> is required: see ehealth-cert revoke --help.'],
      [['--lang', 'fr', 'request', '--bogus'], 'Option inconnue --bogus : voir ehealth-cert request --help.'],
      [['--lang', 'nl', '--env', 'test', 'card'], 'Optie --env <env>: "test" is niet toegestaan; gebruik prd, acc, sim.'],
      [['--lang', 'fr', 'inspect'], 'Argument <file> manquant : voir ehealth-cert inspect --help.'],
      [['--lang', 'nl', 'request', '--org'], 'De optie --org <org> heeft een waarde nodig: zie ehealth-cert request --help.'],
      [['--lang', 'fr', 'request', '--acept-terms'], 'Option inconnue --acept-terms (vouliez-vous dire --accept-terms ?) : voir ehealth-cert request --help.'],
    ];
    for (const [argv, line] of cases) {
      const run = captureIo({ LANG: 'C' });
      expect(await runCli(argv, run.io), argv.join(' ')).toBe(2);
      expect(run.stderr()).toBe(`${line}\n`);
      expect(run.stderr()).not.toContain('error:');
    }
    const json = captureIo({ LANG: 'C' });
    expect(await runCli(['revoke', '--json'], json.io)).toBe(2);
    expect(JSON.parse(json.stdout())).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', exitCode: 2 } });
  });

  it('never echoes the value of an unknown option, and says where a PIN or password must come from', async () => {
    const cases: [string[], string, RegExp][] = [
      [['request', '--pin=1234'], '1234', /^There is no option --pin: .*EHEALTH_CERT_PIN/],
      [['request', '--pin', '1234'], '1234', /^There is no option --pin: .*masked prompt/],
      [['request', '--password=abc-secret'], 'abc-secret', /^There is no option --password: .*--password-file FILE or EHEALTH_CERT_KEYSTORE_PASSWORD/],
      [['--lang', 'fr', 'complete', '--passphrase=cheval-agrafe'], 'cheval-agrafe', /^L'option --passphrase n'existe pas : .*--password-file FICHIER/],
      [['--lang', 'nl', 'status', '--secret=geheim-42'], 'geheim-42', /^De optie --secret bestaat niet: /],
      [['card', '--colour=blue-9'], 'blue-9', /^Unknown option --colour: /],
    ];
    for (const [argv, secret, line] of cases) {
      const run = captureIo({ LANG: 'C' });
      expect(await runCli([...argv, '--json'], run.io), argv.join(' ')).toBe(2);
      expect(run.stderr()).toMatch(line);
      expect(run.stderr().trim().split('\n')).toHaveLength(1);
      expect(run.stderr()).not.toContain(secret);
      expect(run.stdout()).not.toContain(secret);
    }
  });

  it('checks identifiers: valid is 0, invalid is 2 with the rule broken', async () => {
    const ok = captureIo({ LANG: 'fr_BE' });
    expect(await runCli(['check-id', 'NIHII-AMBU_SERVICE=81234530'], ok.io)).toBe(0);
    expect(ok.stdout()).toContain('est valide');
    const bad = captureIo({ LANG: 'fr_BE' });
    expect(await runCli(['check-id', 'CBE=0809394428', '--json'], bad.io)).toBe(2);
    expect(JSON.parse(bad.stdout())).toMatchObject({ ok: false, error: { code: 'INVALID_IDENTIFIER', exitCode: 2, details: { input: 'CBE=0809394428', rule: 'check-digits' } } });
  });

  it('exits 2 for an unknown environment in EHEALTH_CERT_ENV', async () => {
    const run = captureIo({ EHEALTH_CERT_ENV: 'test' });
    expect(await runCli(['card', '--json'], run.io)).toBe(2);
    expect(JSON.parse(run.stdout())).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', exitCode: 2 } });
  });

  it('shows the global options with each command, translated, with examples', async () => {
    const run = captureIo({ LANG: 'fr_BE.UTF-8' });
    expect(await runCli(['status', '--help'], run.io)).toBe(0);
    // Commander wraps to the width: compare with line breaks and indentation collapsed.
    const help = run.stdout().replace(/[ \n]+/g, ' ');
    expect(help).toContain('Options générales :');
    expect(help).toContain('--lang <langue>');
    expect(help).toContain('au choix\u00a0: prd, acc, sim');
    expect(help).toContain('Exemples :');
    expect(help).toContain('ehealth-cert status --expiring-within 90d');
    expect(help).not.toMatch(/\(choices:|\(default:/);
    const complete = captureIo({ LANG: 'nl_BE.UTF-8' });
    await runCli(['complete', '--help'], complete.io);
    expect(complete.stdout().replace(/[ \n]+/g, ' ')).toContain('standaard 60');
  });

  it('suggests the command a mistyped word meant', async () => {
    const run = captureIo({ LANG: 'fr_BE.UTF-8' });
    expect(await runCli(['reqest'], run.io)).toBe(2);
    expect(run.stderr()).toContain('Vouliez-vous dire\u00a0: ehealth-cert request\u00a0?');
    const far = captureIo({ LANG: 'en_GB.UTF-8' });
    await runCli(['zzzzzz'], far.io);
    expect(far.stderr()).not.toContain('Did you mean');
  });

  it('offers --keystore-format with core\'s formats on every command that writes a keystore, with help and examples in each language', async () => {
    expect(KEYSTORE_FORMAT_CHOICES).toEqual(KEYSTORE_FORMATS);
    for (const command of ['request', 'complete', 'renew', 'passwd']) {
      const run = captureIo({ LANG: 'fr_BE.UTF-8' });
      expect(await runCli([command, '--help'], run.io)).toBe(0);
      expect(run.stdout().replace(/[ \n]+/g, ' '), command).toMatch(/--keystore-format <format> format du fichier keystore écrit.*au choix\u00a0: modern, legacy/);
    }
    const keystores = captureIo({ LANG: 'nl_BE.UTF-8' });
    expect(await runCli(['keystores', '--help'], keystores.io)).toBe(0);
    const help = keystores.stdout().replace(/[ \n]+/g, ' ');
    expect(help).toContain('de keystores van de map');
    expect(help).toContain('ehealth-cert keystores --all');
    const bad = captureIo({ LANG: 'en_GB.UTF-8' });
    expect(await runCli(['passwd', '--keystore-format', 'rc4'], bad.io)).toBe(2);
    expect(bad.stderr()).toMatch(/--keystore-format/);
    expect(bad.stderr()).toMatch(/modern, legacy/);
  });
});
