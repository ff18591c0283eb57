import type { Element, Node } from '@xmldom/xmldom';

/** Element children of `parent`, optionally only those with `localName` (namespace-agnostic read). */
export function childElements(parent: Element, localName?: string): Element[] {
  const out: Element[] = [];
  for (let node: Node | null = parent.firstChild; node !== null; node = node.nextSibling) {
    if (node.nodeType === 1 && (localName === undefined || (node as Element).localName === localName)) out.push(node as Element);
  }
  return out;
}

/** The first element child named `localName`, if any. */
export function child(parent: Element, localName: string): Element | undefined {
  return childElements(parent, localName)[0];
}

/** Trimmed text of the first child named `localName`, if any. */
export function childText(parent: Element, localName: string): string | undefined {
  const element = child(parent, localName);
  return element === undefined ? undefined : (element.textContent ?? '').trim();
}
