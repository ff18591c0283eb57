import { stripTerminalControls } from '@ehealth-cert/core';
import type { Document, Node } from '@xmldom/xmldom';

export { stripTerminalControls };

/**
 * Characters XML 1.0 does not allow (production [2] Char): C0 controls other than TAB, LF and CR
 * (ESC and BEL among them), U+FFFE, U+FFFF and unpaired surrogates. A document holding one, raw or
 * as a character reference, is not XML and is refused (our own rule on top of XML 1.0).
 */
// eslint-disable-next-line no-control-regex
const XML10_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

/** Character references (`&#27;`, `&#x1B;`), whose targets XML 1.0 also restricts to Char. */
const REFERENCE = /&#(x[0-9a-f]+|[0-9]+);/gi;

function allowedInXml(value: number): boolean {
  if (value === 0x9 || value === 0xa || value === 0xd) return true;
  if (value < 0x20) return false;
  if (value >= 0xd800 && value <= 0xdfff) return false;
  return value !== 0xfffe && value !== 0xffff && value <= 0x10ffff;
}

/** The first XML-1.0-forbidden character of `text` (raw or as a reference), as `U+XXXX`, or undefined. */
export function forbiddenXmlCharacter(text: string): string | undefined {
  const raw = XML10_FORBIDDEN.exec(text);
  if (raw) return codePoint(raw[0]);
  for (const [, body = ''] of text.matchAll(REFERENCE)) {
    const value = body[0] === 'x' || body[0] === 'X' ? Number.parseInt(body.slice(1), 16) : Number.parseInt(body, 10);
    if (!allowedInXml(value)) return `U+${value.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return undefined;
}

function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Removes terminal controls from every text node and attribute value of `doc`, in place, so that
 * no server text (contract, error message, names) reaches a terminal, log or problem document
 * with them. What is shown is then also what is sent back (the Contract).
 */
export function stripTerminalControlsFromDocument(doc: Document): void {
  const visit = (node: Node): void => {
    if (node.nodeType === 3 || node.nodeType === 4) {
      const value = node.nodeValue ?? '';
      const clean = stripTerminalControls(value);
      if (clean !== value) {
        node.nodeValue = clean;
        (node as unknown as { data: string }).data = clean;
      }
    }
    if (node.nodeType === 1) {
      const attributes = (node as unknown as { attributes: { length: number; item(i: number): Node | null } }).attributes;
      for (let i = 0; i < attributes.length; i++) {
        const attribute = attributes.item(i);
        if (attribute && attribute.nodeValue !== null) {
          const clean = stripTerminalControls(attribute.nodeValue);
          if (clean !== attribute.nodeValue) {
            attribute.nodeValue = clean;
            (attribute as unknown as { value: string }).value = clean;
          }
        }
      }
    }
    for (let child = node.firstChild; child !== null; child = child.nextSibling) visit(child);
  };
  visit(doc);
}
