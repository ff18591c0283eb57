import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EhealthCertError } from '@ehealth-cert/core';
import { recordingServer, TEST_BASE, xml } from '../test-support/mswServer.js';
import { soapEnvelope } from '../test-support/ehealthResponses.js';
import { backoffDelay } from './RetryPolicy.js';
import { SoapTransport } from './SoapTransport.js';

let status = 503;
const { server, captured } = recordingServer(() => (status === 200 ? xml(soapEnvelope('<Pong xmlns="urn:test"/>')) : xml('busy', status)));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  captured.length = 0;
});
afterAll(() => server.close());

const call = (idempotent: boolean) => ({ url: `${TEST_BASE}/CertRa/v2`, soapAction: 'urn:test:ping', operation: 'Ping', envelope: '<x/>', idempotent });

describe('SoapTransport retries', () => {
  it('backs off exponentially, bounded by maxDelayMs', () => {
    const policy = { maxAttempts: 6, initialDelayMs: 100, maxDelayMs: 500 };
    expect([1, 2, 3, 4, 5].map((attempt) => backoffDelay(policy, attempt))).toEqual([100, 200, 400, 500, 500]);
  });

  it('waits the backoff between tries of an idempotent call and stops at maxAttempts', async () => {
    status = 503;
    const waits: number[] = [];
    const transport = new SoapTransport({ retry: { maxAttempts: 4, initialDelayMs: 10, maxDelayMs: 25 }, sleep: async (ms) => void waits.push(ms) });
    const error = await transport.call(call(true)).catch((e: unknown) => e);
    expect(EhealthCertError.is(error, 'EHEALTH_UNAVAILABLE')).toBe(true);
    expect(waits).toEqual([10, 20, 25]);
    expect(captured).toHaveLength(4);
    expect(captured.every((r) => r.body === '<x/>' && r.soapAction === '"urn:test:ping"')).toBe(true);
  });

  it('sends a non-idempotent call once', async () => {
    status = 503;
    const transport = new SoapTransport({ retry: { maxAttempts: 4, initialDelayMs: 1, maxDelayMs: 1 }, sleep: async () => undefined });
    await expect(transport.call(call(false))).rejects.toThrowError(EhealthCertError);
    expect(captured).toHaveLength(1);
  });

  it('returns the Body payload element', async () => {
    status = 200;
    const payload = await new SoapTransport().call(call(false));
    expect(payload.localName).toBe('Pong');
    expect(payload.namespaceURI).toBe('urn:test');
  });
});
