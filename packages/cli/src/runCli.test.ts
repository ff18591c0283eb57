import { describe, expect, it } from 'vitest';
import { runCli } from './runCli.js';
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
    expect(flat(en.stdout())).toContain('--reference <publicKeyIdentifier> the request reference to revoke (PublicKeyIdentifier, 40 hex digits, the "secret key" shown at step 15)');
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

  it('checks identifiers: valid is 0, invalid is 2 with the rule broken', async () => {
    const ok = captureIo({ LANG: 'fr_BE' });
    expect(await runCli(['check-id', 'NIHII-AMBU_SERVICE=81234530'], ok.io)).toBe(0);
    expect(ok.stdout()).toContain('est valide');
    const bad = captureIo({ LANG: 'fr_BE' });
    expect(await runCli(['check-id', 'CBE=0809394428', '--json'], bad.io)).toBe(2);
    expect(JSON.parse(bad.stdout())).toMatchObject({ valid: false, code: 'INVALID_IDENTIFIER' });
  });

  it('exits 2 for an unknown environment in EHEALTH_CERT_ENV', async () => {
    const run = captureIo({ EHEALTH_CERT_ENV: 'test' });
    expect(await runCli(['card', '--json'], run.io)).toBe(2);
    expect(JSON.parse(run.stdout())).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', exitCode: 2 } });
  });
});
