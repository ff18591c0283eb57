import { describe, expect, it } from 'vitest';
import { Translator } from '../i18n/Translator.js';
import type { CliOutput } from '../terminal/CliIo.js';
import { StepLog } from './StepLog.js';
import { TerminalProgress } from './TerminalProgress.js';

function sink(isTTY: boolean): CliOutput & { text: string } {
  const out = { text: '', isTTY, write: (chunk: string) => ((out.text += chunk), true) };
  return out as unknown as CliOutput & { text: string };
}

describe('TerminalProgress', () => {
  const i18n = new Translator('fr');

  it('shows slow activities on a terminal and prints each manual step title once', () => {
    const screen = sink(true);
    const titles = sink(false);
    const progress = new TerminalProgress(i18n, { steps: new StepLog(titles, i18n), statusLine: screen, color: false });
    progress.report({ step: '13', activity: 'key.generate', phase: 'start' });
    progress.report({ step: '13', activity: 'key.generate', phase: 'done' });
    progress.report({ step: '13', activity: 'csr.create', phase: 'start' });
    expect(screen.text).toContain('… Création de votre nouvelle clé privée');
    // Seconds as French writes them (a decimal comma, a no-break space before the unit).
    expect(screen.text).toMatch(/✓ Création de votre nouvelle clé privée \(\d+,\d\u00a0s\)\n$/u);
    expect(screen.text).not.toContain('csr.create');
    expect(screen.text).not.toContain('key.generate');
    expect(titles.text.match(/Étape 13/g)).toHaveLength(1);
  });

  it('writes nothing on a stream that is not a terminal, and JSON lines with --verbose', () => {
    const screen = sink(false);
    const log = sink(false);
    new TerminalProgress(i18n, { statusLine: screen, log, color: false }).report({ activity: 'ehealth.GetCertificate', phase: 'start' });
    expect(screen.text).toBe('');
    expect(JSON.parse(log.text)).toMatchObject({ level: 'info', activity: 'ehealth.GetCertificate', phase: 'start' });
  });

  it('clears a pending status line before a prompt takes the terminal', () => {
    const screen = sink(true);
    const progress = new TerminalProgress(i18n, { statusLine: screen, color: false });
    progress.report({ activity: 'ehealth.GenerateCertificate', phase: 'start' });
    progress.interrupt();
    expect(screen.text.endsWith('\r\x1b[K')).toBe(true);
    progress.interrupt();
    expect(screen.text.split('\r\x1b[K')).toHaveLength(3);
  });

  it('keeps repeated checks on one line in place (complete --wait), then leaves it clean', () => {
    const screen = sink(true);
    const progress = new TerminalProgress(i18n, { statusLine: screen, color: false });
    progress.keepInPlace(true);
    for (let check = 0; check < 3; check++) {
      progress.report({ step: '18', activity: 'ehealth.GetCertificate', phase: 'start' });
      progress.report({ step: '18', activity: 'ehealth.GetCertificate', phase: 'done' });
      progress.status(`attente ${check}`);
    }
    expect(screen.text).not.toContain('\n');
    expect(screen.text.match(/attente \d/g)).toHaveLength(3);
    progress.keepInPlace(false);
    progress.interrupt();
    expect(screen.text.endsWith('\r\x1b[K')).toBe(true);
  });

  it('names eHealth operations in words; the operation name is only in the --verbose log', () => {
    const screen = sink(true);
    const log = sink(false);
    new TerminalProgress(i18n, { statusLine: screen, color: false }).report({ step: '7', activity: 'ehealth.GetActorQualities', phase: 'start' });
    expect(screen.text).toContain('eHealth : recherche des organisations que vous gérez');
    expect(screen.text).not.toContain('GetActorQualities');
    new TerminalProgress(i18n, { statusLine: sink(true), log, color: false }).report({ activity: 'ehealth.GetActorQualities', phase: 'start' });
    expect(log.text).toContain('GetActorQualities');
    // An operation without its own words still says that eHealth is being asked, not its name.
    const unknown = sink(true);
    new TerminalProgress(i18n, { statusLine: unknown, color: false }).report({ activity: 'ehealth.SomethingNew', phase: 'start' });
    expect(unknown.text).toContain('eHealth : échange en cours');
  });

  it('keeps a status line shorter than a narrow terminal, so that it is rewritten in place', () => {
    const screen = Object.assign(sink(true), { columns: 30 });
    new TerminalProgress(i18n, { statusLine: screen, color: false }).report({ step: '18', activity: 'ehealth.GetEtk', phase: 'start' });
    expect([...screen.text.replace('\r\x1b[K', '')].length).toBeLessThan(30);
  });
});
