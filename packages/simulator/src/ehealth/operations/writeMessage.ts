import type { Actor, ContactData } from '../state/CertificateRecord.js';
import { el } from '../xml/XmlElement.js';
import type { XmlElement } from '../xml/XmlElement.js';
import { NS } from '../xml/namespaces.js';

/** A commons core ActorType under `{ns}name`. */
export function actorElement(ns: string, name: string, a: Actor): XmlElement {
  return el(ns, name, [
    ...a.ids.map((id) => el(NS.commonsCore, 'Id', id.value, { Type: id.type })),
    ...a.firstNames.map((f) => el(NS.commonsCore, 'FirstName', f)),
    el(NS.commonsCore, 'Name', a.name),
  ]);
}

/** A certra core TextType (Value xml:lang=...). */
export function textElement(ns: string, name: string, texts: Record<string, string>): XmlElement {
  return el(ns, name, Object.entries(texts).map(([lang, t]) => el(NS.certraCore, 'Value', t, { 'xml:lang': lang })));
}

/** A certra core ContactDataType. */
export function contactElement(ns: string, name: string, c: ContactData): XmlElement {
  const o = (n: string, v: string | undefined) => (v === undefined ? undefined : el(NS.certraCore, n, v));
  return el(ns, name, [o('EmailPrivate', c.emailPrivate), o('EmailGeneral', c.emailGeneral), o('PhonePrivate', c.phonePrivate), o('PhoneGeneral', c.phoneGeneral)]);
}

/** xs:dateTime in UTC without milliseconds. */
export function xsDateTime(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
