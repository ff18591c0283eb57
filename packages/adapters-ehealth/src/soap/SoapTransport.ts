import { EhealthCertError } from '@ehealth-cert/core';
import type { Element } from '@xmldom/xmldom';
import { child, childElements, childText } from './domQuery.js';
import { NS } from './Namespaces.js';
import { parseXml } from './parseXml.js';
import { backoffDelay, DEFAULT_RETRY_POLICY, type RetryPolicy } from './RetryPolicy.js';

/** Options of the HTTP side of the SOAP client. */
export interface SoapTransportOptions {
  /** Per-request timeout (AbortSignal). Default 30 s. */
  readonly timeoutMs?: number;
  readonly retry?: RetryPolicy;
  /** Replaceable for tests; defaults to setTimeout. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** One SOAP call. `idempotent` calls are retried on transport failures only. */
export interface SoapCall {
  readonly url: string;
  readonly soapAction: string;
  readonly operation: string;
  readonly envelope: string;
  readonly idempotent: boolean;
}

const BODY_EXCERPT = 200;

/**
 * SOAP 1.1 over the global `fetch` (msw intercepts it, TOOLCHAIN.md 6). Transport failures
 * (network, timeout, HTTP error without a fault, non-XML body) become EHEALTH_UNAVAILABLE; a SOAP
 * Fault becomes EHEALTH_REJECTED; the payload element of the Body is returned otherwise.
 */
export class SoapTransport {
  private readonly timeoutMs: number;
  private readonly retry: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(options: SoapTransportOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
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
    let text: string;
    try {
      response = await fetch(call.url, {
        method: 'POST',
        headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: `"${call.soapAction}"` },
        body: call.envelope,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = await response.text();
    } catch (cause) {
      const timedOut = cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError');
      throw new EhealthCertError(
        'EHEALTH_UNAVAILABLE',
        timedOut
          ? `eHealth did not answer ${call.operation} within ${this.timeoutMs} ms`
          : `eHealth could not be reached for ${call.operation}: ${cause instanceof Error ? cause.message : String(cause)}`,
        { ...base, reason: timedOut ? 'timeout' : 'network', ...(timedOut ? { timeoutMs: this.timeoutMs } : {}) },
        { cause },
      );
    }
    const doc = parseXml(text);
    const envelope = doc?.documentElement;
    const body = envelope && envelope.localName === 'Envelope' && envelope.namespaceURI === NS.soap ? child(envelope, 'Body') : undefined;
    if (body === undefined) {
      throw new EhealthCertError(
        'EHEALTH_UNAVAILABLE',
        response.ok
          ? `eHealth answered ${call.operation} with something that is not a SOAP envelope (HTTP ${response.status})`
          : `eHealth answered ${call.operation} with HTTP ${response.status}`,
        { ...base, reason: response.ok ? 'non-xml' : 'http', httpStatus: response.status, bodyExcerpt: text.slice(0, BODY_EXCERPT) },
      );
    }
    const fault = child(body, 'Fault');
    if (fault !== undefined) throw faultError(fault, response.status, base);
    if (!response.ok) {
      throw new EhealthCertError('EHEALTH_UNAVAILABLE', `eHealth answered ${call.operation} with HTTP ${response.status}`, {
        ...base,
        reason: 'http',
        httpStatus: response.status,
        bodyExcerpt: text.slice(0, BODY_EXCERPT),
      });
    }
    const payload = childElements(body)[0];
    if (payload === undefined) {
      throw new EhealthCertError('EHEALTH_RESPONSE_INVALID', `eHealth answered ${call.operation} with an empty SOAP Body`, base);
    }
    return payload;
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
