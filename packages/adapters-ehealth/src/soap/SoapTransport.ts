import { EhealthCertError } from '@ehealth-cert/core';
import type { Element } from '@xmldom/xmldom';
import { child, childElements, childText } from './domQuery.js';
import { NS } from './Namespaces.js';
import { parseXml } from './parseXml.js';
import { decodeXmlBody, readBoundedBody, ResponseTooLarge, UndecodableResponse } from './responseBody.js';
import { backoffDelay, DEFAULT_RETRY_POLICY, type RetryPolicy } from './RetryPolicy.js';
import { forbiddenXmlCharacter, stripTerminalControls, stripTerminalControlsFromDocument } from './serverText.js';
import { USER_AGENT } from './userAgent.js';

/** Options of the HTTP side of the SOAP client. */
export interface SoapTransportOptions {
  /** Per-request timeout (AbortSignal). Default 30 s. */
  readonly timeoutMs?: number;
  readonly retry?: RetryPolicy;
  /** Replaceable for tests; defaults to setTimeout. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Largest answer read, in bytes (streamed; default 4 MiB). A larger one is EHEALTH_RESPONSE_INVALID and is not retried. */
  readonly maxResponseBytes?: number;
}

/** The default bound on an answer: the largest real ones (a GetCertificate chain, an ETK) are a few kB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

/** One SOAP call. `idempotent` calls are retried on transport failures only. */
export interface SoapCall {
  readonly url: string;
  readonly soapAction: string;
  readonly operation: string;
  readonly envelope: string;
  readonly idempotent: boolean;
}

const BODY_EXCERPT = 200;

/** The first characters of a body for error details, without terminal controls. */
function excerpt(text: string): string {
  return stripTerminalControls(text.slice(0, BODY_EXCERPT));
}

/**
 * SOAP 1.1 over the global `fetch` (msw intercepts it, TOOLCHAIN.md 6). Transport failures
 * (network, timeout, HTTP error without a fault, non-XML body) become EHEALTH_UNAVAILABLE; a SOAP
 * Fault becomes EHEALTH_REJECTED; the payload element of the Body is returned otherwise.
 *
 * Nothing else the wire says is trusted (issue 12, our own rules): a redirect is never followed
 * (an eID-signed request must not be re-POSTed elsewhere), the answer is read up to
 * `maxResponseBytes`, decoded strictly by its declared charset, refused when it holds a character
 * XML 1.0 forbids, and stripped of terminal controls before any of its text is used.
 */
export class SoapTransport {
  private readonly timeoutMs: number;
  private readonly retry: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly maxResponseBytes: number;

  constructor(options: SoapTransportOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  }

  /** Posts the envelope and returns the Body's payload element. */
  async call(call: SoapCall): Promise<Element> {
    const attempts = call.idempotent ? Math.max(1, this.retry.maxAttempts) : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.callOnce(call);
      } catch (error) {
        if (attempt >= attempts || !EhealthCertError.is(error, 'EHEALTH_UNAVAILABLE')) {
          if (EhealthCertError.is(error) && attempt > 1) {
            throw new EhealthCertError(error.code, error.message, { ...error.details, attempts: attempt }, { cause: error.cause });
          }
          throw error;
        }
        await this.sleep(backoffDelay(this.retry, attempt));
      }
    }
  }

  private async callOnce(call: SoapCall): Promise<Element> {
    const base = { operation: call.operation, url: call.url };
    let response: Response;
    let bytes: Uint8Array;
    try {
      response = await fetch(call.url, {
        method: 'POST',
        headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: `"${call.soapAction}"`, 'User-Agent': USER_AGENT },
        body: call.envelope,
        // A 3xx is an error: following it would re-POST the (eID-signed) request to another URL.
        redirect: 'error',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      bytes = await readBoundedBody(response, this.maxResponseBytes);
    } catch (cause) {
      throw this.transportError(call, cause);
    }
    let text: string;
    try {
      text = decodeXmlBody(bytes, response.headers.get('content-type')).text;
    } catch (cause) {
      if (!(cause instanceof UndecodableResponse)) throw cause;
      throw new EhealthCertError(
        'EHEALTH_RESPONSE_INVALID',
        cause.reason === 'unknown-charset'
          ? `eHealth answered ${call.operation} in the charset "${stripTerminalControls(cause.charset)}", which this client cannot decode; nothing of it is used`
          : `eHealth answered ${call.operation} with bytes that are not valid ${cause.charset}; nothing of it is used`,
        { ...base, reason: cause.reason, charset: stripTerminalControls(cause.charset), httpStatus: response.status },
        { cause },
      );
    }
    const forbidden = forbiddenXmlCharacter(text);
    if (forbidden !== undefined) {
      throw new EhealthCertError(
        'EHEALTH_RESPONSE_INVALID',
        `eHealth answered ${call.operation} with the character ${forbidden}, which XML 1.0 does not allow; nothing of it is used`,
        { ...base, reason: 'forbidden-character', character: forbidden, httpStatus: response.status },
      );
    }
    // Before parsing (the parser would turn U+0085 into a line end), then in the tree for what
    // character references put there.
    text = stripTerminalControls(text);
    const doc = parseXml(text);
    if (doc !== undefined) stripTerminalControlsFromDocument(doc);
    const envelope = doc?.documentElement;
    const body = envelope && envelope.localName === 'Envelope' && envelope.namespaceURI === NS.soap ? child(envelope, 'Body') : undefined;
    if (body === undefined) {
      throw new EhealthCertError(
        'EHEALTH_UNAVAILABLE',
        response.ok
          ? `eHealth answered ${call.operation} with something that is not a SOAP envelope (HTTP ${response.status})`
          : `eHealth answered ${call.operation} with HTTP ${response.status}`,
        { ...base, reason: response.ok ? 'non-xml' : 'http', httpStatus: response.status, bodyExcerpt: excerpt(text) },
      );
    }
    const fault = child(body, 'Fault');
    if (fault !== undefined) throw faultError(fault, response.status, base);
    if (!response.ok) {
      throw new EhealthCertError('EHEALTH_UNAVAILABLE', `eHealth answered ${call.operation} with HTTP ${response.status}`, {
        ...base,
        reason: 'http',
        httpStatus: response.status,
        bodyExcerpt: excerpt(text),
      });
    }
    const payload = childElements(body)[0];
    if (payload === undefined) {
      throw new EhealthCertError('EHEALTH_RESPONSE_INVALID', `eHealth answered ${call.operation} with an empty SOAP Body`, base);
    }
    return payload;
  }

  /** A failure before the answer could be read: redirect, oversized answer, timeout, network. */
  private transportError(call: SoapCall, cause: unknown): EhealthCertError {
    const base = { operation: call.operation, url: call.url };
    if (cause instanceof ResponseTooLarge) {
      // Not EHEALTH_UNAVAILABLE: an oversized answer is not retried.
      return new EhealthCertError(
        'EHEALTH_RESPONSE_INVALID',
        `eHealth's answer to ${call.operation} is larger than ${cause.limit} bytes; it was not read further`,
        { ...base, reason: 'too-large', limitBytes: cause.limit, ...(cause.declaredLength !== undefined ? { declaredLength: cause.declaredLength } : {}) },
        { cause },
      );
    }
    const inner = cause instanceof Error && cause.cause instanceof Error ? cause.cause : undefined;
    if (inner !== undefined && /redirect/i.test(inner.message)) {
      return new EhealthCertError(
        'EHEALTH_RESPONSE_INVALID',
        `eHealth answered ${call.operation} with a redirect, which is never followed (the request is not sent anywhere else)`,
        { ...base, reason: 'redirect' },
        { cause },
      );
    }
    const timedOut = cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError');
    return new EhealthCertError(
      'EHEALTH_UNAVAILABLE',
      timedOut
        ? `eHealth did not answer ${call.operation} within ${this.timeoutMs} ms`
        : `eHealth could not be reached for ${call.operation}: ${stripTerminalControls(cause instanceof Error ? cause.message : String(cause))}`,
      { ...base, reason: timedOut ? 'timeout' : 'network', ...(timedOut ? { timeoutMs: this.timeoutMs } : {}) },
      { cause },
    );
  }
}

/** SOAP 1.1 Fault (faultcode, faultstring, detail) -> EHEALTH_REJECTED with the fault kept in details. */
function faultError(fault: Element, httpStatus: number, base: Record<string, string>): EhealthCertError {
  const faultCode = childText(fault, 'faultcode') ?? '';
  const faultString = childText(fault, 'faultstring') ?? '';
  const detail = child(fault, 'detail');
  // eHealth puts its own code in detail (SystemError/BusinessError Code+Message) when it has one.
  const code = detail ? (detail.getElementsByTagNameNS('*', 'Code')[0]?.textContent ?? undefined) : undefined;
  const message = detail ? (detail.getElementsByTagNameNS('*', 'Message')[0]?.textContent ?? undefined) : undefined;
  return new EhealthCertError('EHEALTH_REJECTED', `eHealth refused ${base['operation']}: ${faultString || faultCode}`, {
    ...base,
    httpStatus,
    faultCode,
    faultString,
    ehealthCode: code?.trim() ?? faultCode,
    ehealthMessage: message?.trim() ?? faultString,
  });
}
