import type { ManualStep } from '@ehealth-cert/core';
import type { Translator } from '../i18n/Translator.js';
import type { CliOutput } from '../terminal/CliIo.js';
import { wrapFor } from '../terminal/wrapForTerminal.js';

/**
 * Prints each manual step title once ("Étape 14 : introduisez votre code PIN"), whether the
 * wizard reaches it or a use case reports it, so the run reads like the manual.
 */
export class StepLog {
  private readonly shown = new Set<ManualStep>();
  /** Every step shown, in order (for --json and tests). */
  readonly steps: ManualStep[] = [];

  constructor(
    private readonly out: CliOutput | undefined,
    private readonly i18n: Translator,
    private readonly bold: (text: string) => string = (t) => t,
    private values: Readonly<Record<string, string>> = {},
  ) {}

  /** Replaces the values of the titles (the demo runs on SIM whatever --env said: step 1 names it). */
  useValues(values: Readonly<Record<string, string>>): void {
    this.values = { ...this.values, ...values };
  }

  /** Called before a title is written (clears a pending progress line). */
  beforeWrite: () => void = () => undefined;

  show(step: ManualStep): void {
    if (this.shown.has(step)) return;
    this.shown.add(step);
    this.steps.push(step);
    this.beforeWrite();
    if (this.out === undefined) return;
    this.out.write(`\n${wrapFor(this.out, this.bold(this.i18n.t((m) => m.steps[step], this.values)))}\n`);
  }
}
