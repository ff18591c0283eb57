import { EhealthCertError } from '@ehealth-cert/core';
import type { Element } from '@xmldom/xmldom';
import { child, childElements, childText } from './domQuery.js';
import { SUCCESS_STATUS } from './Namespaces.js';

/** One `EteeErrorType` (etee commons core v2): Code, Message, Parameters{Name,Value}*. */
export interface EteeError {
  readonly code: string;
  readonly message: string;
  readonly parameters: Readonly<Record<string, string>>;
}

/** What the response must be: its element name, the request Id it answers, whether it has a Status. */
export interface ExpectedResponse {
  readonly operation: string;
  readonly responseName: string;
  readonly requestId: string;
  /** `StatusResponseType` responses; GetExistingApplicationIds is a plain `ResponseType`. */
  readonly hasStatus: boolean;
}

/**
 * Checks the payload of a commons v2 response (DOMAIN.md 2.1): the element name, `InResponseTo` ==
 * our request Id when the answer has one, and `Status` == Success. A failure status becomes EHEALTH_REJECTED with eHealth's
 * first `EteeStatusDetail/Errors` Code and Message kept as `ehealthCode` / `ehealthMessage`.
 */
export function checkStatusResponse(payload: Element, expected: ExpectedResponse): void {
  const base = { operation: expected.operation };
  if (payload.localName !== expected.responseName) {
    throw new EhealthCertError('EHEALTH_RESPONSE_INVALID', `eHealth answered ${expected.operation} with ${payload.localName}, not ${expected.responseName}`, {
      ...base,
      element: payload.localName,
    });
  }
  // InResponseTo is optional in commons protocol v2 ResponseType and the connector never reads it
  // (RaUtils): checked only when present (issue 12 point 3).
  const inResponseTo = payload.hasAttribute('InResponseTo') ? payload.getAttribute('InResponseTo') : null;
  if (inResponseTo !== null && inResponseTo !== expected.requestId) {
    throw new EhealthCertError(
      'EHEALTH_RESPONSE_INVALID',
      `eHealth's ${expected.responseName} has InResponseTo "${inResponseTo ?? ''}", not our request Id "${expected.requestId}"`,
      { ...base, inResponseTo, requestId: expected.requestId },
    );
  }
  if (!expected.hasStatus) return;
  const status = child(payload, 'Status');
  const statusCode = status ? child(status, 'StatusCode') : undefined;
  const value = statusCode?.getAttribute('Value') ?? undefined;
  if (status === undefined || value === undefined) {
    throw new EhealthCertError('EHEALTH_RESPONSE_INVALID', `eHealth's ${expected.responseName} has no Status/StatusCode`, base);
  }
  if (value === SUCCESS_STATUS) return;
  const detail = child(status, 'StatusDetail');
  const errors = detail ? readEteeErrors(detail) : [];
  const first = errors[0];
  const statusMessage = childText(status, 'StatusMessage');
  const nested = statusCode ? child(statusCode, 'StatusCode')?.getAttribute('Value') : undefined;
  throw new EhealthCertError(
    'EHEALTH_REJECTED',
    `eHealth refused ${expected.operation}: ${first ? `${first.code}: ${first.message}` : (statusMessage ?? value)}`,
    {
      ...base,
      ehealthCode: first?.code ?? nested ?? value,
      ehealthMessage: first?.message ?? statusMessage ?? '',
      statusCode: value,
      ...(nested ? { subStatusCode: nested } : {}),
      errors,
    },
  );
}

function readEteeErrors(detail: Element): EteeError[] {
  return childElements(detail, 'EteeStatusDetail').flatMap((etee) =>
    childElements(etee, 'Errors').map((error) => ({
      code: childText(error, 'Code') ?? '',
      message: childText(error, 'Message') ?? '',
      parameters: Object.fromEntries(childElements(error, 'Parameters').map((p) => [childText(p, 'Name') ?? '', childText(p, 'Value') ?? ''])),
    })),
  );
}
