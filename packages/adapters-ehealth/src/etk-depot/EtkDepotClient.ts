import type { Bytes, Identifier } from '@ehealth-cert/core';
import { EhealthCertError } from '@ehealth-cert/core';
import type { Element } from '@xmldom/xmldom';
import { base64Bytes } from '../certra/certraReaders.js';
import { child, childElements, childText } from '../soap/domQuery.js';
import { NS } from '../soap/Namespaces.js';
import { serializeEnvelope, wrapInEnvelope } from '../soap/SoapEnvelope.js';
import type { SoapTransport } from '../soap/SoapTransport.js';
import { XmlBuilder } from '../soap/XmlBuilder.js';

/**
 * ETKDepot's SOAPAction is not documented in the sources of DOMAIN.md; the WSDL-derived clients
 * we saw send an empty one. **[unverified]**, so it is an option.
 */
export const ETK_DEPOT_SOAP_ACTION = '';

/** ETKDepot v1 `GetEtkRequest` in its own namespace (commons 1.0: no Id, no IssueInstant, DOMAIN.md 2.6). */
export function buildGetEtkRequest(identifier: Identifier, applicationId?: string): string {
  const b = new XmlBuilder();
  const request = b.el(
    NS.etkDepot,
    'GetEtkRequest',
    {},
    b.el(
      NS.etkDepot,
      'SearchCriteria',
      {},
      b.el(
        NS.etkDepot,
        'Identifier',
        {},
        b.el(NS.etkDepot, 'Type', {}, identifier.type),
        b.el(NS.etkDepot, 'Value', {}, identifier.value),
        applicationId !== undefined && b.el(NS.etkDepot, 'ApplicationID', {}, applicationId),
      ),
    ),
  );
  b.declare(request, [NS.etkDepot]);
  return serializeEnvelope(wrapInEnvelope(b, request));
}

/** One GetEtk answer: the ETK, or the identifiers of several (MatchingEtk), or none. */
type DepotAnswer =
  | { readonly kind: 'etk'; readonly etk: Bytes }
  | { readonly kind: 'matching'; readonly identifiers: readonly { readonly identifier: Identifier; readonly applicationId?: string }[] }
  | { readonly kind: 'none' };

async function getEtkOnce(transport: SoapTransport, url: string, identifier: Identifier, applicationId: string | undefined, soapAction: string): Promise<DepotAnswer> {
  const operation = 'GetEtk';
  const payload = await transport.call({ url, soapAction, operation, envelope: buildGetEtkRequest(identifier, applicationId), idempotent: true });
  if (payload.localName !== 'GetEtkResponse') {
    throw new EhealthCertError('EHEALTH_RESPONSE_INVALID', `eHealth answered GetEtk with ${payload.localName}`, { operation, element: payload.localName });
  }
  checkDepotStatus(payload, operation);
  const etk = childText(payload, 'ETK');
  if (etk !== undefined) return { kind: 'etk', etk: base64Bytes(etk) };
  const errors = childElements(payload, 'Error');
  if (errors.length > 0) {
    const codes = errors.map((e) => ({ code: childText(e, 'Code') ?? '', message: childText(e, 'Message') ?? '' }));
    // "No ETK found" is the normal answer before publication.
    if (codes.every((e) => /not.?found|no.?etk/i.test(`${e.code} ${e.message}`))) return { kind: 'none' };
    throw new EhealthCertError('EHEALTH_REJECTED', `ETKDepot refused GetEtk: ${codes[0]?.code}: ${codes[0]?.message}`, {
      operation,
      ehealthCode: codes[0]?.code,
      ehealthMessage: codes[0]?.message,
      errors: codes,
    });
  }
  // The connector takes the first Identifier of each MatchingEtk, with or without ApplicationID
  // (KeyDepotServiceImpl.getEtk(MatchingEtk, ...)).
  const identifiers = childElements(payload, 'MatchingEtk').flatMap((match) => {
    const first = childElements(match, 'Identifier')[0];
    if (first === undefined) return [];
    const appId = childText(first, 'ApplicationID');
    const found = { identifier: { type: childText(first, 'Type') ?? identifier.type, value: childText(first, 'Value') ?? identifier.value } };
    return [appId !== undefined && appId !== '' ? { ...found, applicationId: appId } : found];
  });
  return identifiers.length > 0 ? { kind: 'matching', identifiers } : { kind: 'none' };
}

/**
 * ETKDepot GetEtk (DOMAIN.md 2.6): the ETK(s) published now for an identifier. `ETK` gives one;
 * `MatchingEtk` (asked without an ApplicationID) lists several, and each listed identifier is
 * fetched as the connector does, also one without ApplicationID (issue 12 point 6), except one
 * identical to the question (it would answer the same list again); an `Error` "not found" gives
 * none; a commons 1.0 Status other than 200 is EHEALTH_REJECTED.
 */
export async function getPublishedEtks(
  transport: SoapTransport,
  url: string,
  identifier: Identifier,
  applicationId?: string,
  soapAction: string = ETK_DEPOT_SOAP_ACTION,
): Promise<readonly Bytes[]> {
  const answer = await getEtkOnce(transport, url, identifier, applicationId, soapAction);
  if (answer.kind === 'etk') return [answer.etk];
  if (answer.kind === 'none' || applicationId !== undefined) return [];
  const out: Bytes[] = [];
  for (const match of answer.identifiers) {
    const same = match.applicationId === undefined && match.identifier.type === identifier.type && match.identifier.value === identifier.value;
    if (same) continue;
    const fetched = await getEtkOnce(transport, url, match.identifier, match.applicationId, soapAction);
    if (fetched.kind === 'etk') out.push(fetched.etk);
  }
  return out;
}

function checkDepotStatus(payload: Element, operation: string): void {
  const status = child(payload, 'Status');
  const code = status ? childText(status, 'Code') : undefined;
  if (code === undefined) throw new EhealthCertError('EHEALTH_RESPONSE_INVALID', "ETKDepot's GetEtkResponse has no Status/Code", { operation });
  if (code === '200') return;
  const message = status ? (childElements(status, 'Message').map((m) => (m.textContent ?? '').trim())[0] ?? '') : '';
  throw new EhealthCertError('EHEALTH_REJECTED', `ETKDepot refused GetEtk: ${code} ${message}`, { operation, ehealthCode: code, ehealthMessage: message });
}
