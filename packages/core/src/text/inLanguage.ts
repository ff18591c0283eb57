import type { LocalizedText } from '../ports/CertificateRegistry.js';

/**
 * The one fallback for a text eHealth gives in several languages (organisation names, contract
 * texts): the person's language when given and present, else French, Dutch, English, German (eHealth
 * writes FR and NL first); '' when it has none.
 */
export function inLanguage(text: LocalizedText, language?: string): string {
  const chosen = language === undefined ? undefined : (text as Readonly<Record<string, string | undefined>>)[language];
  return chosen ?? text.fr ?? text.nl ?? text.en ?? text.de ?? '';
}
