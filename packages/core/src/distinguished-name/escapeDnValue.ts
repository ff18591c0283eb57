/**
 * Escapes an attribute value for an RFC 2253 string (section 2.4): `, + " \ < > ;` always, `#`
 * or a space at the start, a space at the end; and `=`, which eHealth escapes inside CN and OU
 * values (`CN=SSIN\=...`, DOMAIN.md 2.4 item 7 and 4.1; allowed by RFC 4514 section 2.4).
 */
export function escapeDnValue(value: string): string {
  return value
    .replace(/[,+"\\<>;=]/g, '\\$&')
    .replace(/^[# ]/, '\\$&')
    .replace(/ $/, '\\ ');
}
