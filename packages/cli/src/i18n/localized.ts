import type { LocalizedText } from '@ehealth-cert/core';
import type { Language } from './Translator.js';

/** A localized name in the person's language, else French, Dutch, English, German. */
export function localized(text: LocalizedText, language: Language): string {
  return text[language] ?? text.fr ?? text.nl ?? text.en ?? text.de ?? '';
}
