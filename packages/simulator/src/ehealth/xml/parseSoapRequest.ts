import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import type { Document, Element } from '@xmldom/xmldom';
import { NS } from './namespaces.js';

/** A received SOAP request: the parsed document, its Body payload element, and that payload alone. */
export interface SoapRequest {
  readonly text: string;
  readonly document: Document;
  readonly payload: Element;
  /** The payload serialised on its own (with its namespace declarations), for XSD validation. */
  readonly payloadXml: string;
}

/** Thrown when a message is not a well-formed SOAP 1.1 envelope; answered with a SOAP Client fault. */
export class MalformedSoapError extends Error {
  override readonly name = 'MalformedSoapError';
}

/** Parses a SOAP 1.1 envelope and returns its single Body payload. */
export function parseSoapRequest(text: string): SoapRequest {
  const problems: string[] = [];
  let document: Document;
  try {
    document = new DOMParser({
      onError: (level, msg) => {
        if (level !== 'warning') problems.push(msg);
      },
    }).parseFromString(text, 'text/xml');
  } catch (e) {
    throw new MalformedSoapError(`request is not well-formed XML: ${(e as Error).message}`);
  }
  if (problems.length > 0) throw new MalformedSoapError(`request is not well-formed XML: ${problems[0]}`);
  const env = document.documentElement;
  if (!env || env.namespaceURI !== NS.soap || env.localName !== 'Envelope') {
    throw new MalformedSoapError(`root element must be {${NS.soap}}Envelope (SOAP 1.1), got {${env?.namespaceURI ?? ''}}${env?.localName ?? 'nothing'}`);
  }
  const body = childElements(env).find((c) => c.namespaceURI === NS.soap && c.localName === 'Body');
  if (!body) throw new MalformedSoapError('SOAP envelope has no Body');
  const payloads = childElements(body);
  if (payloads.length !== 1) throw new MalformedSoapError(`SOAP Body must hold exactly one element, got ${payloads.length}`);
  const payload = payloads[0] as Element;
  return { text, document, payload, payloadXml: new XMLSerializer().serializeToString(payload) };
}

/** The element children of `e`, in order. */
export function childElements(e: Element): Element[] {
  const out: Element[] = [];
  for (let n = e.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

/** The first child element `{ns}name` of `e`, or undefined. */
export function child(e: Element, ns: string, name: string): Element | undefined {
  return childElements(e).find((c) => c.namespaceURI === ns && c.localName === name);
}

/** All child elements `{ns}name` of `e`. */
export function children(e: Element, ns: string, name: string): Element[] {
  return childElements(e).filter((c) => c.namespaceURI === ns && c.localName === name);
}

/** The trimmed text of child `{ns}name`, or undefined when absent. */
export function childText(e: Element, ns: string, name: string): string | undefined {
  const c = child(e, ns, name);
  return c ? (c.textContent ?? '').trim() : undefined;
}
