import { inLanguage, type LocalizedText } from '@ehealth-cert/core';
import type { Language } from './Translator.js';

/** A localized name in the person's language, by core's one fallback (inLanguage). */
export function localized(text: LocalizedText, language: Language): string {
  return inLanguage(text, language);
}
