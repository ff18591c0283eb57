/**
 * Upper-cases a name the way eHealth writes it in DNs (DOMAIN.md 4.1): Unicode NFD, combining
 * marks removed, white space collapsed ("Zoë  Françoise" becomes "ZOE FRANCOISE").
 */
export function upperCaseWithoutDiacritics(text: string): string {
  return stripDiacritics(text).toUpperCase().replace(/\s+/g, ' ').trim();
}

/** Removes combining marks after canonical decomposition (NFD), then recomposes what is left. */
export function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}
