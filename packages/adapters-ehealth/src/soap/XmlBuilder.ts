import { DOMImplementation, type Document, type Element } from '@xmldom/xmldom';
import { NS, PREFIX } from './Namespaces.js';

/** What an element may contain: elements, text, or nothing (skipped). */
export type XmlChild = Element | string | undefined | null | false | readonly XmlChild[];

/**
 * Builds namespace-qualified elements in one xmldom Document with the fixed prefixes of
 * `PREFIX`, so that requests are written the same way every time (exclusive c14n keeps prefixes).
 */
export class XmlBuilder {
  readonly doc: Document;

  constructor() {
    this.doc = new DOMImplementation().createDocument(null, '', null);
  }

  /** An element `ns:localName` with attributes (undefined ones skipped) and children. */
  el(ns: string, localName: string, attributes: Readonly<Record<string, string | undefined>> = {}, ...children: XmlChild[]): Element {
    const prefix = PREFIX[ns];
    const element = this.doc.createElementNS(ns, prefix === undefined ? localName : `${prefix}:${localName}`);
    for (const [name, value] of Object.entries(attributes)) {
      if (value === undefined) continue;
      if (name === 'xml:lang') element.setAttributeNS(NS.xml, name, value);
      else element.setAttribute(name, value);
    }
    this.append(element, children);
    return element;
  }

  /** Declares `xmlns:prefix` for each namespace on `element`, so that it stands alone when signed. */
  declare(element: Element, namespaces: readonly string[]): void {
    for (const ns of namespaces) {
      const prefix = PREFIX[ns];
      if (prefix !== undefined) element.setAttributeNS('http://www.w3.org/2000/xmlns/', `xmlns:${prefix}`, ns);
    }
  }

  private append(parent: Element, children: readonly XmlChild[]): void {
    for (const child of children) {
      if (child === undefined || child === null || child === false) continue;
      if (typeof child === 'string') parent.appendChild(this.doc.createTextNode(child));
      else if (Array.isArray(child)) this.append(parent, child as readonly XmlChild[]);
      else parent.appendChild(child as Element);
    }
  }
}
