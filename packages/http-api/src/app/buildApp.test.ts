import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { FAKE_TOKEN, fakeApp } from '../testing/fakeApp.js';

describe('buildApp', () => {
  let app: FastifyInstance;
  afterEach(() => app.close());

  it('answers GET /health without a token, with the version', async () => {
    ({ app } = await fakeApp());
    const response = await app.inject('/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', version: '0.0.0-test', environment: 'acc' });
  });

  it('refuses a request without a token with 401, a problem document and WWW-Authenticate', async () => {
    ({ app } = await fakeApp());
    const response = await app.inject('/requests');
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.headers['www-authenticate']).toBe('Bearer realm="ehealth-cert"');
    expect(response.json()).toMatchObject({ status: 401, code: 'UNAUTHORIZED', type: 'urn:ehealth-cert:problem:UNAUTHORIZED' });
  });

  it('refuses a wrong token with 401 invalid_token', async () => {
    ({ app } = await fakeApp());
    const response = await app.inject({ url: '/requests', headers: { authorization: 'Bearer not-the-token' } });
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toContain('error="invalid_token"');
  });

  it('accepts the right token', async () => {
    ({ app } = await fakeApp());
    const response = await app.inject({ url: '/requests', headers: { authorization: `Bearer ${FAKE_TOKEN}` } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('asks no token when started without auth', async () => {
    ({ app } = await fakeApp({ auth: { kind: 'none' } }));
    expect((await app.inject('/requests')).statusCode).toBe(200);
  });

  it('answers an unknown route with a 404 problem document', async () => {
    ({ app } = await fakeApp());
    const response = await app.inject({ url: '/nothing', headers: { authorization: `Bearer ${FAKE_TOKEN}` } });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND', detail: 'No route GET /nothing.' });
  });

  it('serves the OpenAPI document, where every route has its schemas', async () => {
    ({ app } = await fakeApp());
    const response = await app.inject({ url: '/openapi.json', headers: { authorization: `Bearer ${FAKE_TOKEN}` } });
    expect(response.statusCode).toBe(200);
    const document = response.json() as { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown>; requestBody?: unknown }>> };
    expect(document.openapi).toBe('3.1.0');
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        expect(Object.keys(operation.responses), `${method} ${path}`).toContain('4XX');
        if (method === 'post') {
          expect(operation.requestBody, `${method} ${path}`).toBeDefined();
        }
      }
    }
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/health', '/card', '/requests', '/requests/{reference}', '/jobs/{id}']));
  });

  it('serves the interactive docs from its own assets (no CDN), behind the token unless public', async () => {
    ({ app } = await fakeApp());
    expect((await app.inject('/docs')).statusCode).toBe(401);
    await app.close();
    ({ app } = await fakeApp({ publicDocs: true }));
    const page = await app.inject('/docs');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('/docs/static/swagger-ui-bundle.js');
    expect(page.body).not.toMatch(/https?:\/\//);
    expect((await app.inject('/docs/static/swagger-ui-bundle.js')).statusCode).toBe(200);
    expect((await app.inject('/openapi.json')).statusCode).toBe(200);
  });

  it('reads bodies up to 256 KiB (a 100 000-character field gets its schema rule, not 413) and refuses bigger ones with 413', async () => {
    ({ app } = await fakeApp());
    const post = (officialName: string) =>
      app.inject({ method: 'POST', url: '/contracts', headers: { authorization: `Bearer ${FAKE_TOKEN}` }, payload: { organisation: { kind: 'manual', officialName }, contactData: {} } });
    const long = await post('A'.repeat(100_000));
    expect(long.statusCode).toBe(400);
    expect(long.json()).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'body.organisation.officialName', rule: 'maxLength' } });
    const huge = await post('A'.repeat(300_000));
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('answers a body that is not JSON with 400 INVALID_INPUT', async () => {
    ({ app } = await fakeApp());
    const response = await app.inject({
      method: 'POST',
      url: '/organisations/query',
      headers: { authorization: `Bearer ${FAKE_TOKEN}`, 'content-type': 'application/json' },
      payload: '{"pin": "918273" x',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'body', rule: 'json' } });
    expect(response.body).not.toContain('918273');
  });
});
