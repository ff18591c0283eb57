import { XMLSerializer, type Element } from '@xmldom/xmldom';
import { NS } from './Namespaces.js';
import type { XmlBuilder } from './XmlBuilder.js';

/** Wraps `request` in a SOAP 1.1 Envelope/Body (no Header: CertRA/EtkRA use no WS-Security, DOMAIN.md 1.1). */
export function wrapInEnvelope(builder: XmlBuilder, request: Element): Element {
  const envelope = builder.el(NS.soap, 'Envelope', {}, builder.el(NS.soap, 'Body', {}, request));
  builder.declare(envelope, [NS.soap]);
  builder.doc.appendChild(envelope);
  return envelope;
}

/** Serialises the envelope's document with an XML declaration (UTF-8). */
export function serializeEnvelope(envelope: Element): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${new XMLSerializer().serializeToString(envelope)}`;
}
