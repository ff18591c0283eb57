/** Strips the separators people type inside numbers (spaces, dots, dashes, slashes; DOMAIN.md 5). */
export function normaliseDigits(value: string): string {
  return value.replace(/[\s./-]/g, '');
}
