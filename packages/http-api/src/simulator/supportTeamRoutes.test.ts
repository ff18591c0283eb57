import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { authorized } from '../testing/authorized.js';
import { fakeApp } from '../testing/fakeApp.js';

const REFERENCE = 'a'.repeat(40);

describe('the simulated support team routes outside env sim', () => {
  let app: FastifyInstance;
  afterEach(() => app.close());

  it('refuses to decide (INVALID_INPUT, rule sim-only): at eHealth their own team decides', async () => {
    ({ app } = await fakeApp());
    for (const [url, payload] of [
      [`/simulator/requests/${REFERENCE}/approval`, {}],
      [`/simulator/requests/${REFERENCE}/refusal`, { reason: 'nom officiel inconnu' }],
    ] as const) {
      const answer = await app.inject({ method: 'POST', url, headers: authorized({ 'accept-language': 'nl' }), payload });
      expect(answer.statusCode, url).toBe(400);
      expect(answer.json(), url).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'environment', value: 'acc', rule: 'sim-only' } });
      // In the client's language, naming the field and the rule.
      expect(answer.json().detail).toBe('Een verzonden gegeven voldoet niet aan de regels. Veld: environment (regel: sim-only).');
    }
  });

  it('checks the reference before anything else', async () => {
    ({ app } = await fakeApp());
    const answer = await app.inject({ method: 'POST', url: '/simulator/requests/abc/approval', headers: authorized(), payload: {} });
    expect(answer.statusCode).toBe(400);
    expect(answer.json()).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'params.reference', rule: 'pattern' } });
  });
});
