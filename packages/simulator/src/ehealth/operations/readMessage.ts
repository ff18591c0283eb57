import type { Element } from '@xmldom/xmldom';
import type { Actor, ContactData } from '../state/CertificateRecord.js';
import { NS } from '../xml/namespaces.js';
import { child, childText, children } from '../xml/parseSoapRequest.js';

// The XSDs were checked before these run, so required elements are present.

/** Reads a commons core ActorType (Id+, FirstName*, Name). */
export function readActor(e: Element): Actor {
  return {
    ids: children(e, NS.commonsCore, 'Id').map((id) => ({ type: id.getAttribute('Type') ?? '', value: (id.textContent ?? '').trim() })),
    firstNames: children(e, NS.commonsCore, 'FirstName').map((f) => (f.textContent ?? '').trim()),
    name: childText(e, NS.commonsCore, 'Name') ?? '',
  };
}

/** Reads a certra core ContactDataType. */
export function readContactData(e: Element): ContactData {
  return {
    emailPrivate: childText(e, NS.certraCore, 'EmailPrivate') ?? '',
    emailGeneral: childText(e, NS.certraCore, 'EmailGeneral'),
    phonePrivate: childText(e, NS.certraCore, 'PhonePrivate') ?? '',
    phoneGeneral: childText(e, NS.certraCore, 'PhoneGeneral'),
  };
}

/** Reads a certra core TextType into lang -> text. */
export function readText(e: Element): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of children(e, NS.certraCore, 'Value')) out[v.getAttributeNS(NS.xml, 'lang') ?? ''] = v.textContent ?? '';
  return out;
}

/** The required child `{ns}name` (present after XSD validation). */
export function req(e: Element, ns: string, name: string): Element {
  const c = child(e, ns, name);
  if (!c) throw new Error(`${e.localName} has no ${name} although the XSD requires it`);
  return c;
}
