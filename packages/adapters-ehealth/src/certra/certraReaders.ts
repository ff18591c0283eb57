import type {
  Actor,
  AuthenticationCertificateStatus,
  CertificateInfo,
  ContactData,
  Contract,
  EtkStatus,
  LocalizedText,
  OrganisationType,
  RevocationReason,
} from '@ehealth-cert/core';
import { EhealthCertError } from '@ehealth-cert/core';
import { XMLSerializer, type Element } from '@xmldom/xmldom';
import { child, childElements, childText } from '../soap/domQuery.js';
import { NS } from '../soap/Namespaces.js';
import { escapeDnValueEquals } from '../pki/DistinguishedName.js';

/** The child `name` of `parent`, or EHEALTH_RESPONSE_INVALID naming what is missing. */
export function required(parent: Element, name: string, operation: string): Element {
  const element = child(parent, name);
  if (element === undefined) {
    throw new EhealthCertError('EHEALTH_RESPONSE_INVALID', `eHealth's ${parent.localName} has no ${name}`, { operation, element: name });
  }
  return element;
}

/** Trimmed text of the required child `name`. */
export function requiredText(parent: Element, name: string, operation: string): string {
  return (required(parent, name, operation).textContent ?? '').trim();
}

/** xs:boolean ("true"/"1"/"false"/"0"). */
export function readBoolean(parent: Element, name: string, operation: string): boolean {
  const text = requiredText(parent, name, operation);
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  throw new EhealthCertError('EHEALTH_RESPONSE_INVALID', `eHealth's ${name} is "${text}", not an xs:boolean`, { operation, element: name });
}

/** The XSD enumerations of certra core v2 (DOMAIN.md 2.3), as the port types list them. */
const AUTHENTICATION_CERTIFICATE_STATUSES: readonly AuthenticationCertificateStatus[] = ['IN_PROGRESS', 'VALID_ACTIVE', 'REFUSED', 'REVOKED', 'EXPIRED'];
const ETK_STATUSES: readonly EtkStatus[] = ['NOT_REQUESTED', 'IN_REQUEST', 'WAIT_FOR_ACTIVATION', 'VALID_ACTIVE', 'REVOKED', 'EXPIRED'];
const REVOCATION_REASONS: readonly RevocationReason[] = ['keyCompromise', 'affiliationChanged', 'superseded', 'cessationOfOperation'];

/** The text of the required child `name`, which must be one of `allowed` (an XSD enumeration). */
export function readEnumeration<T extends string>(parent: Element, name: string, allowed: readonly T[], operation: string): T {
  const text = requiredText(parent, name, operation);
  if (!(allowed as readonly string[]).includes(text)) {
    throw new EhealthCertError('EHEALTH_RESPONSE_INVALID', `eHealth's ${name} is "${text}", not one of ${allowed.join(', ')}`, { operation, element: name, value: text });
  }
  return text as T;
}

/** xs:dateTime -> Date. */
export function readDate(parent: Element, name: string, operation: string): Date {
  const text = requiredText(parent, name, operation);
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) {
    throw new EhealthCertError('EHEALTH_RESPONSE_INVALID', `eHealth's ${name} is "${text}", not an xs:dateTime`, { operation, element: name });
  }
  return date;
}

/** xs:base64Binary -> bytes. */
export function base64Bytes(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text.replace(/\s+/g, ''), 'base64'));
}

/** PublicKeyIdentifier (hexBinary, 20 bytes) as 40 lower-case hex digits. */
export function readPublicKeyIdentifier(parent: Element, name: string, operation: string): string {
  const text = requiredText(parent, name, operation).toLowerCase();
  if (!/^[0-9a-f]{40}$/.test(text)) {
    throw new EhealthCertError('EHEALTH_RESPONSE_INVALID', `eHealth's ${name} "${text}" is not 20 bytes of hex`, { operation, element: name });
  }
  return text;
}

/** certra core `TextType`: Value+ with `xml:lang`. */
export function readText(text: Element | undefined): LocalizedText {
  const out: Record<string, string> = {};
  for (const value of text ? childElements(text, 'Value') : []) {
    const lang = (value.getAttributeNS(NS.xml, 'lang') ?? value.getAttribute('xml:lang') ?? '').toLowerCase().slice(0, 2);
    if (lang === 'fr' || lang === 'nl' || lang === 'en' || lang === 'de') out[lang] = value.textContent ?? '';
  }
  return out;
}

/** commons core `ActorType`. */
export function readActor(actor: Element, operation: string): Actor {
  return {
    ids: childElements(actor, 'Id').map((id) => ({ type: id.getAttribute('Type') ?? '', value: (id.textContent ?? '').trim() })),
    firstNames: childElements(actor, 'FirstName').map((first) => (first.textContent ?? '').trim()),
    name: requiredText(actor, 'Name', operation),
  };
}

/** certra core `OrganizationIdentifierType`. */
export function readOrganisationType(type: Element, operation: string): OrganisationType {
  const regex = childText(type, 'ValidationRegEx');
  return {
    name: readText(child(type, 'Name')),
    identifierType: requiredText(type, 'IdentifierType', operation),
    ...(regex !== undefined ? { validationRegEx: regex } : {}),
    checkDigitAlgorithms: childElements(type, 'CheckDigitAlgorithm').map((e) => (e.textContent ?? '').trim()),
    availableBaseServices: childElements(type, 'AvailableBaseService').map((e) => (e.textContent ?? '').trim()),
  };
}

/**
 * certra core `ContractType` / `RevocationContractType`, keeping the element text for the way back.
 * With `escapeDn` (GenerateContract) the DN is put in the connector's form first, in `dn` and in the
 * element sent back (`escapeDnValueEquals`), so that the Contract, the CSR subject and what eHealth
 * gets back agree byte for byte whichever form eHealth wrote.
 */
export function readContract(contract: Element, operation: string, escapeDn = false): Contract & { revocationReason?: RevocationReason } {
  const reason = child(contract, 'RevocationReason') ? readEnumeration(contract, 'RevocationReason', REVOCATION_REASONS, operation) : undefined;
  if (escapeDn) {
    const dnElement = required(contract, 'DN', operation);
    const escaped = escapeDnValueEquals((dnElement.textContent ?? '').trim());
    while (dnElement.firstChild) dnElement.removeChild(dnElement.firstChild);
    dnElement.appendChild((dnElement.ownerDocument as NonNullable<typeof dnElement.ownerDocument>).createTextNode(escaped));
  }
  return {
    dn: requiredText(contract, 'DN', operation),
    signer: readActor(required(contract, 'Signer', operation), operation),
    text: readText(child(contract, 'Text')),
    source: new XMLSerializer().serializeToString(contract),
    ...(reason !== undefined ? { revocationReason: reason } : {}),
  };
}

/** certra core `ContactDataType`. */
export function readContactData(contact: Element, operation: string): ContactData {
  const emailGeneral = childText(contact, 'EmailGeneral');
  const phoneGeneral = childText(contact, 'PhoneGeneral');
  return {
    emailPrivate: requiredText(contact, 'EmailPrivate', operation),
    ...(emailGeneral !== undefined ? { emailGeneral } : {}),
    phonePrivate: requiredText(contact, 'PhonePrivate', operation),
    ...(phoneGeneral !== undefined ? { phoneGeneral } : {}),
  };
}

/** certra core `CertificateInfoType` (DOMAIN.md 2.3). */
export function readCertificateInfo(info: Element, operation: string): CertificateInfo {
  const entity = required(info, 'CertificateEntity', operation);
  const identifier = required(entity, 'CertificateIdentifier', operation);
  const applicationId = childText(identifier, 'ApplicationId');
  const details = child(info, 'AuthenticationCertificateDetails');
  const replacement = child(info, 'ReplacementPeriodStartDate');
  return {
    requestedDate: readDate(info, 'RequestedDate', operation),
    publicKeyIdentifier: readPublicKeyIdentifier(info, 'PublicKeyIdentifier', operation),
    entityType: entity.getAttribute('EntityType') === 'Organization' ? 'Organization' : 'NaturalPerson',
    certificateIdentifier: {
      actor: readActor(required(identifier, 'Actor', operation), operation),
      ...(applicationId !== undefined ? { applicationId } : {}),
    },
    status: readEnumeration(info, 'AuthenticationCertificateStatus', AUTHENTICATION_CERTIFICATE_STATUSES, operation),
    etkStatus: readEnumeration(info, 'ETKStatus', ETK_STATUSES, operation),
    automaticallyValidated: readBoolean(info, 'AutomaticallyValidated', operation),
    ...(details
      ? {
          details: {
            serialNumber: requiredText(details, 'SerialNumber', operation),
            dn: requiredText(details, 'DN', operation),
            issuerDn: requiredText(details, 'IssuerDN', operation),
            validNotBefore: readDate(details, 'ValidNotBefore', operation),
            validNotAfter: readDate(details, 'ValidNotAfter', operation),
          },
        }
      : {}),
    revocable: readBoolean(info, 'Revocable', operation),
    replaceable: readBoolean(info, 'Replaceable', operation),
    ...(replacement ? { replacementPeriodStartDate: readDate(info, 'ReplacementPeriodStartDate', operation) } : {}),
    contactData: readContactData(required(info, 'ContactData', operation), operation),
    baseServiceUsages: childElements(info, 'BaseServiceUsage').map((e) => (e.textContent ?? '').trim()),
  };
}
