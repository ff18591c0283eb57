import type { PinEntry, PinRequest } from '@ehealth-cert/core';
import type { Translator } from '../i18n/Translator.js';
import type { Prompter } from '../terminal/Prompter.js';

/**
 * The PIN from the person: `EHEALTH_CERT_PIN` when set (for automation with fake cards, as the
 * help says), otherwise a masked prompt; a PIN-pad reader collects it itself. The PIN is returned
 * to the card adapter and kept nowhere.
 */
export class TerminalPinEntry implements PinEntry {
  constructor(
    private readonly prompter: Prompter,
    private readonly i18n: Translator,
    private readonly environmentPin: string | undefined,
    private readonly production = false,
  ) {}

  async askPin(request: PinRequest): Promise<string> {
    if (this.environmentPin !== undefined && this.environmentPin !== '') {
      if (this.production) this.prompter.say(this.i18n.m.wizard.pinFromEnvironment);
      return this.environmentPin;
    }
    if (request.triesLeft !== undefined) {
      this.prompter.say(this.i18n.t((m) => m.wizard.pinTriesLeft, { n: request.triesLeft }));
    }
    const key = this.i18n.m.wizard.pinKeys[request.key === 'authentication' ? 'authentication' : 'signature'];
    return this.prompter.password(
      this.i18n.t((m) => m.wizard.pinPrompt, { name: request.holderName ?? 'eID', ofName: frenchOf(request.holderName ?? 'eID'), key }),
      { what: 'PIN', how: this.i18n.m.errors.pinHow, code: 'PIN_UNAVAILABLE' },
      (value) => (/^\d{4,12}$/.test(value) ? true : this.i18n.m.wizard.pinFormat),
    );
  }

  notifyPinpad(_request: PinRequest): void {
    this.prompter.say(this.i18n.m.wizard.pinpad);
  }
}

/** French "de" before a name, elided before a vowel: "d'Alice", "de Bernard", "de l'eID" for the card itself. */
export function frenchOf(name: string): string {
  if (name === 'eID') return "de l'eID";
  return /^[aeiouyàâäéèêëîïôöùûüœæ]/iu.test(name) ? `d'${name}` : `de ${name}`;
}
