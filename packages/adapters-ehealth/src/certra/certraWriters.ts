import type { Actor, CertificateIdentifier, ContactData, Identifier } from '@ehealth-cert/core';
import { EhealthCertError } from '@ehealth-cert/core';
import type { Element } from '@xmldom/xmldom';
import { childElements } from '../soap/domQuery.js';
import { NS } from '../soap/Namespaces.js';
import { parseXml } from '../soap/parseXml.js';
import type { XmlBuilder } from '../soap/XmlBuilder.js';

/** commons core `IdType`: value + `Type` (DOMAIN.md 2.1), as element `ns:name`. */
export function idType(b: XmlBuilder, ns: string, name: string, id: Identifier): Element {
  return b.el(ns, name, { Type: id.type }, id.value);
}

/** commons core `ActorType`: Id+, FirstName*, Name (all in the commons core namespace). */
export function actorType(b: XmlBuilder, ns: string, name: string, actor: Actor): Element {
  return b.el(
    ns,
    name,
    {},
    actor.ids.map((id) => idType(b, NS.commonsCore, 'Id', id)),
    (actor.firstNames ?? []).map((first) => b.el(NS.commonsCore, 'FirstName', {}, first)),
    b.el(NS.commonsCore, 'Name', {}, actor.name),
  );
}

/** certra core `ContactDataType`, children in the XSD's order (DOMAIN.md 2.3). */
export function contactDataType(b: XmlBuilder, ns: string, contact: ContactData): Element {
  return b.el(
    ns,
    'ContactData',
    {},
    b.el(NS.certraCore, 'EmailPrivate', {}, contact.emailPrivate),
    contact.emailGeneral !== undefined && b.el(NS.certraCore, 'EmailGeneral', {}, contact.emailGeneral),
    b.el(NS.certraCore, 'PhonePrivate', {}, contact.phonePrivate),
    contact.phoneGeneral !== undefined && b.el(NS.certraCore, 'PhoneGeneral', {}, contact.phoneGeneral),
  );
}

/** certra core `CertificateIdentifierType`: Actor + ApplicationId?. */
export function certificateIdentifierType(b: XmlBuilder, ns: string, id: CertificateIdentifier): Element {
  return b.el(
    ns,
    'CertificateIdentifier',
    {},
    actorType(b, NS.certraCore, 'Actor', id.actor),
    id.applicationId !== undefined && b.el(NS.certraCore, 'ApplicationId', {}, id.applicationId),
  );
}

/**
 * The Contract element eHealth returned, sent back unchanged (DOMAIN.md 2.3): its children are
 * imported as they were; only the wrapper takes the namespace the request needs (`EHealthCSR/Contract`
 * is certra core, `RevokeRequest/Contract` certra protocol).
 */
export function returnedContract(b: XmlBuilder, ns: string, source: string): Element {
  const parsed = parseXml(source)?.documentElement;
  if (!parsed || parsed.localName !== 'Contract') {
    throw new EhealthCertError('INVALID_INPUT', 'contract.source is not the Contract element eHealth returned', { field: 'contract.source' });
  }
  const contract = b.el(ns, 'Contract');
  for (const element of childElements(parsed)) contract.appendChild(b.doc.importNode(element, true));
  return contract;
}
