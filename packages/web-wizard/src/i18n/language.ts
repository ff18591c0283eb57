import { en } from './en.js';
import { fr, type Messages } from './fr.js';
import { nl } from './nl.js';

/** The wizard's languages, as the manual exists in French and Dutch and the CLI speaks English too. */
export type Language = 'fr' | 'nl' | 'en';

export const MESSAGES: Readonly<Record<Language, Messages>> = { fr, nl, en };

const KEY = 'ehealth-cert.language';

/** The language chosen before, else the browser's first of fr/nl/en, else French (the manual's). */
export function initialLanguage(): Language {
  const stored = localStorage.getItem(KEY);
  if (stored === 'fr' || stored === 'nl' || stored === 'en') return stored;
  const preferred = navigator.languages.map((tag) => tag.slice(0, 2).toLowerCase()).find((tag) => tag in MESSAGES);
  return (preferred as Language | undefined) ?? 'fr';
}

/** Remembers the choice for the next visit (no personal data). */
export function storeLanguage(language: Language): void {
  localStorage.setItem(KEY, language);
}
