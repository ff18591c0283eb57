import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { EhealthCertError } from '@ehealth-cert/core';
import type { Translator } from '../i18n/Translator.js';
import type { Prompter } from '../terminal/Prompter.js';
import { inChosenLanguage } from '../exit-codes/inChosenLanguage.js';

/** Where a keystore password may come from: never argv (ARCHITECTURE.md "Data that must never be lost or leaked"). */
export interface PasswordSources {
  readonly passwordFile?: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/**
 * The keystore password from `--password-file` (first line), `EHEALTH_CERT_KEYSTORE_PASSWORD`, or
 * a masked prompt; `confirm` asks twice (manual step 11).
 */
export async function readKeystorePassword(
  sources: PasswordSources,
  prompter: Prompter,
  i18n: Translator,
  options: { readonly message?: string; readonly confirm?: boolean; readonly confirmMessage?: string; readonly variable?: string } = {},
): Promise<string> {
  if (sources.passwordFile !== undefined) {
    const file = resolve(sources.cwd, sources.passwordFile);
    try {
      return (await readFile(file, 'utf8')).split(/\r?\n/)[0] ?? '';
    } catch (error) {
      throw inChosenLanguage(new EhealthCertError('INVALID_INPUT', i18n.t((m) => m.errors.passwordFile, { file }), { field: 'password-file', file }, { cause: error }));
    }
  }
  const fromEnv = sources.env[options.variable ?? 'EHEALTH_CERT_KEYSTORE_PASSWORD'];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const fallback = { what: i18n.m.wizard.password, how: i18n.m.errors.passwordHow };
  for (;;) {
    const first = await prompter.password(options.message ?? i18n.m.wizard.password, fallback);
    if (!options.confirm) return first;
    // The confirmation names the same password as the first question (passwd: the new one).
    const second = await prompter.password(options.confirmMessage ?? i18n.m.wizard.passwordAgain, fallback);
    if (first === second) return first;
    prompter.say(i18n.m.wizard.passwordMismatch);
  }
}
