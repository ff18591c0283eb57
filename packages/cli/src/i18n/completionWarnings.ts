import type { CompletionWarning } from '@ehealth-cert/core';
import type { Translator } from './Translator.js';

/**
 * A completion warning in the person's language, for the screen and for `--json` alike (core's
 * `message` is English and for logs): the code stays the contract, the text follows `--lang`.
 */
export function completionWarningText(code: CompletionWarning['code'], i18n: Translator, etkSerial: string): string {
  switch (code) {
    case 'ISSUED_CHAIN_NOT_CHECKED':
      return i18n.m.complete.issuedChainNotChecked;
    case 'ETK_SIGNER_NOT_CHECKED':
      return i18n.m.complete.etkSignerNotChecked;
    case 'ETK_NOT_YET_PUBLISHED':
      return i18n.t((x) => x.complete.etkNotYetPublished, { serial: etkSerial });
  }
}

/** The warnings of `complete --json`: each code with its message in the chosen language. */
export function localizedWarnings(warnings: readonly CompletionWarning[], i18n: Translator, etkSerial: string): CompletionWarning[] {
  return warnings.map((w) => ({ code: w.code, message: completionWarningText(w.code, i18n, etkSerial) }));
}
