import { IntlMessageFormat } from 'intl-messageformat';
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

/** A message with ICU plural or select forms (`{n, plural, one {# essai} other {# essais}}`). */
const ICU_FORMS = /\{\s*\w+\s*,\s*(?:plural|selectordinal|select)\s*,/;
const compiled = new Map<string, IntlMessageFormat>();

/**
 * A message in `language`: ICU MessageFormat (intl-messageformat, docs/decisions: the CLI's message
 * library) for messages with plural or select forms, so that "1 essai" and "2 essais" follow the
 * language's plural rules (CLDR); other messages only have `{name}` placeholders.
 */
export function format(language: Language, template: string, values: Readonly<Record<string, string | number>> = {}): string {
  if (!ICU_FORMS.test(template)) return fill(template, values);
  const key = `${language}\u0000${template}`;
  let message = compiled.get(key);
  if (message === undefined) {
    message = new IntlMessageFormat(template, language === 'en' ? 'en-GB' : `${language}-BE`);
    compiled.set(key, message);
  }
  // Numbers given as text (a detail read from an error) count as numbers for the plural rules.
  const numeric = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v]));
  return String(message.format(numeric));
}

/** The texts of one language, with placeholder filling. */
export class Translator {
  readonly m: Messages;

  constructor(readonly language: Language) {
    this.m = catalogues[language];
  }

  /** `t(m => m.wizard.holder, { name })`: picks a text and fills its placeholders. */
  t(pick: (m: Messages) => string, values?: Readonly<Record<string, string | number>>): string {
    return format(this.language, pick(this.m), values);
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
