import { en, type Messages } from './en.js';
import { fr } from './fr.js';
import { nl } from './nl.js';

/** The languages of the screens (the manual exists in French and Dutch; English for everyone else). */
export type Language = 'fr' | 'nl' | 'en';

export const LANGUAGES: readonly Language[] = ['fr', 'nl', 'en'];

const catalogues: Record<Language, Messages> = { fr, nl, en };

/** Replaces `{name}` placeholders with values. */
export function fill(template: string, values: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The texts of one language, with placeholder filling. */
export class Translator {
  readonly m: Messages;

  constructor(readonly language: Language) {
    this.m = catalogues[language];
  }

  /** `t(m => m.wizard.holder, { name })`: picks a text and fills its placeholders. */
  t(pick: (m: Messages) => string, values?: Readonly<Record<string, string | number>>): string {
    return fill(pick(this.m), values);
  }
}

/**
 * The language from `--lang`, else the system locale (LC_ALL, LC_MESSAGES, LANG, as POSIX orders
 * them), else English. `nl_BE.UTF-8` gives `nl`; `fr_BE` gives `fr`.
 */
export function detectLanguage(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): Language | undefined {
  if (flag !== undefined) return LANGUAGES.find((l) => l === flag.toLowerCase());
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (!value) continue;
    const prefix = value.slice(0, 2).toLowerCase();
    return LANGUAGES.find((l) => l === prefix) ?? 'en';
  }
  return 'en';
}
