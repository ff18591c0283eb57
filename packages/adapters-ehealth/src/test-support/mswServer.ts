import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';

/** Base URL of every test (EHEALTH_CERT_ENDPOINT_BASE shape); msw answers, nothing leaves the machine. */
export const TEST_BASE = 'https://ehealth.test';

/** One request as the server saw it. */
export interface CapturedRequest {
  readonly url: string;
  readonly soapAction: string | null;
  readonly contentType: string | null;
  readonly body: string;
}

/** An msw server that records every request and answers through `answer` (per-test overrides with server.use). */
export function recordingServer(answer: (request: CapturedRequest) => Response | Promise<Response>) {
  const captured: CapturedRequest[] = [];
  const handler = http.post(`${TEST_BASE}/*`, async ({ request }) => {
    const seen = {
      url: request.url,
      soapAction: request.headers.get('SOAPAction'),
      contentType: request.headers.get('Content-Type'),
      body: await request.text(),
    };
    captured.push(seen);
    return answer(seen);
  });
  return { server: setupServer(handler), captured };
}

/** A text/xml response. */
export function xml(body: string, status = 200): Response {
  return new HttpResponse(body, { status, headers: { 'Content-Type': 'text/xml; charset=utf-8' } });
}
