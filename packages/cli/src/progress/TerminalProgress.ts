import type { Progress, ProgressEvent } from '@ehealth-cert/core';
import type { Translator } from '../i18n/Translator.js';
import type { CliOutput } from '../terminal/CliIo.js';
import type { StepLog } from './StepLog.js';
import { fitOneLine, wrapFor } from '../terminal/wrapForTerminal.js';

/** The slow activities worth a status line: key generation, keystore files, card and eHealth calls. */
const SLOW = /^(key\.|keystore\.|ehealth\.|etk\.|certificate\.)/;

/**
 * The label of an activity in the chosen language, in words the person knows ("eHealth : envoi de
 * la demande de certificat"), never the protocol's operation name (that one is in the --verbose
 * log lines). A label may depend on the manual step (`key.generate@18` is the ETK's key).
 */
export function activityLabel(activity: string, i18n: Translator, step?: string): string {
  const known = i18n.m.progress as Readonly<Record<string, string>>;
  return (step === undefined ? undefined : known[`${activity}@${step}`]) ?? known[activity] ?? (activity.startsWith('ehealth.') ? known['ehealth']! : activity);
}

/** Where progress goes: step titles, a status line on a terminal, JSON log lines under --verbose. */
export interface TerminalProgressOptions {
  readonly steps?: StepLog;
  /** The status line goes here only when it is a terminal. */
  readonly statusLine?: CliOutput;
  /** Structured logs (--verbose). */
  readonly log?: CliOutput;
  readonly color: boolean;
}

/**
 * The core Progress port for the CLI: manual steps as titles, slow activities (key generation,
 * each eHealth call, waiting) as a live line on stderr when it is a TTY, and JSON log lines with
 * --verbose. Events never carry a PIN or a password (core Progress contract).
 */
export class TerminalProgress implements Progress {
  private readonly started = new Map<string, number>();
  private lineOpen = false;
  private inPlace = false;
  /** Seconds as the language writes them ("0,4 s" in French and Dutch). */
  private readonly decimal: Intl.NumberFormat;

  constructor(
    private readonly i18n: Translator,
    private readonly options: TerminalProgressOptions,
  ) {
    this.decimal = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : `${i18n.language}-BE`, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  }

  report(event: ProgressEvent): void {
    if (event.step !== undefined && event.phase === 'start') this.options.steps?.show(event.step);
    this.options.log?.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'info', ...event })}\n`);
    const line = this.options.statusLine;
    if (line?.isTTY !== true || !SLOW.test(event.activity)) return;
    const label = activityLabel(event.activity, this.i18n, event.step);
    if (event.phase === 'start') {
      this.started.set(event.activity, Date.now());
      line.write(`\r\x1b[K${fitOneLine(line, `… ${label}`)}`);
      this.lineOpen = true;
    } else {
      const since = this.started.get(event.activity);
      this.started.delete(event.activity);
      const seconds = since === undefined ? undefined : (Date.now() - since) / 1000;
      const took = seconds === undefined ? '' : ` (${this.i18n.t((m) => m.progress.seconds, { seconds: this.decimal.format(seconds) })})`;
      const tick = this.options.color ? '\x1b[32m✓\x1b[0m' : '✓';
      if (this.inPlace) {
        // A repeated check (complete --wait): the line is rewritten, never a new line per check.
        line.write(`\r\x1b[K${tick} ${fitOneLine(line, `${label}${took}`)}`);
        return;
      }
      line.write(`\r\x1b[K${tick} ${wrapFor(line, `${label}${took}`)}\n`);
      this.lineOpen = false;
    }
  }

  /**
   * While on, a finished activity stays on the status line (rewritten by the next one or by the
   * caller's own status) instead of leaving a line per activity: for loops such as `complete --wait`.
   */
  keepInPlace(on: boolean): void {
    this.inPlace = on;
  }

  /** Writes `text` as the status line of a terminal, in place of the previous one. */
  status(text: string): void {
    const line = this.options.statusLine;
    if (line?.isTTY !== true) return;
    line.write(`\r\x1b[K${fitOneLine(line, text)}`);
    this.lineOpen = true;
  }

  /** Clears a pending "… activity" line before a prompt or a message takes the terminal. */
  interrupt(): void {
    if (!this.lineOpen) return;
    this.options.statusLine?.write('\r\x1b[K');
    this.lineOpen = false;
  }
}
