import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { authorized } from '../testing/authorized.js';
import { fakeApp } from '../testing/fakeApp.js';

describe('GET /identifiers/{identifier}/check', () => {
  let app: FastifyInstance;
  afterEach(() => app.close());

  it('accepts a valid CBE number and says which type it is', async () => {
    ({ app } = await fakeApp());
    const response = await app.inject({ url: `/identifiers/${encodeURIComponent('CBE=0203.201.340')}/check`, headers: authorized() });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ valid: true, identifier: { type: 'CBE', value: '0203201340' }, definition: { type: 'CBE', length: 10 } });
  });

  it('answers an invalid value with valid: false and the rule broken (a 200, not an error)', async () => {
    ({ app } = await fakeApp());
    const response = await app.inject({ url: `/identifiers/${encodeURIComponent('CBE=0203201341')}/check`, headers: authorized() });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ valid: false, error: { code: 'INVALID_IDENTIFIER', message: expect.stringContaining('0203201341') } });
  });

  it('answers text without TYPE= as invalid', async () => {
    ({ app } = await fakeApp());
    expect((await app.inject({ url: '/identifiers/12345678/check', headers: authorized() })).json()).toMatchObject({ valid: false });
  });
});
