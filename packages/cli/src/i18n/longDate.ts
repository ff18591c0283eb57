import type { Language } from './Translator.js';

/** A date as the person reads it: "3 décembre 2029", "3 december 2029", "3 December 2029" (Brussels time). */
export function longDate(date: Date, language: Language): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : `${language}-BE`, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Brussels' }).format(date);
}
