import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { authorized } from '../testing/authorized.js';
import { fakeApp } from '../testing/fakeApp.js';

type Operation = { requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, { writeOnly?: boolean }> } }> } };

/** Every route whose body takes a secret: pinSchema and passwordSchema are the writeOnly properties. */
function secretRoutes(app: FastifyInstance): { method: NonNullable<InjectOptions['method']>; url: string }[] {
  const document = app.swagger() as { paths: Record<string, Record<string, Operation>> };
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([, operation]) =>
        Object.values(operation.requestBody?.content?.['application/json']?.schema?.properties ?? {}).some((property) => property.writeOnly === true),
      )
      .map(([method]) => ({ method: method.toUpperCase() as NonNullable<InjectOptions['method']>, url: path.replace(/\{[^}]+\}/g, 'x') })),
  );
}

describe('the rate limit of routes that take a PIN or password', () => {
  let app: FastifyInstance;
  afterEach(() => app.close());

  it('is one budget per client across every such route', async () => {
    const { app: built } = await fakeApp({ secretRateLimit: 2 });
    app = built;
    await app.ready();
    const routes = secretRoutes(app);
    expect(routes.length).toBeGreaterThanOrEqual(10);
    const query = () => app.inject({ method: 'POST', url: '/organisations/query', headers: authorized(), payload: { pin: '1234' } });
    expect((await query()).statusCode).toBe(200);
    expect((await query()).statusCode).toBe(200);
    for (const route of routes) {
      const response = await app.inject({ ...route, headers: authorized(), payload: {} });
      expect({ ...route, status: response.statusCode, code: response.json().code }).toEqual({ ...route, status: 429, code: 'RATE_LIMITED' });
    }
  });

  it('counts tries on different routes together', async () => {
    const { app: built } = await fakeApp({ secretRateLimit: 3 });
    app = built;
    const tries = [
      { method: 'POST', url: '/keystores/x/inspection' },
      { method: 'POST', url: '/keystores/x/password' },
      { method: 'POST', url: '/requests/x/completion' },
    ] as const;
    for (const route of tries) {
      expect((await app.inject({ ...route, headers: authorized(), payload: {} })).statusCode).not.toBe(429);
    }
    const fourth = await app.inject({ method: 'POST', url: '/keystores/x/etk-activation', headers: authorized(), payload: {} });
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json()).toMatchObject({ code: 'RATE_LIMITED', details: { limit: 3 } });
  });

  it('leaves routes without a secret and other clients alone', async () => {
    const { app: built } = await fakeApp({ secretRateLimit: 1 });
    app = built;
    const query = (remoteAddress: string) =>
      app.inject({ method: 'POST', url: '/organisations/query', headers: authorized(), payload: { pin: '1234' }, remoteAddress });
    expect((await query('127.0.0.2')).statusCode).toBe(200);
    expect((await query('127.0.0.2')).statusCode).toBe(429);
    expect((await query('127.0.0.3')).statusCode).toBe(200);
    expect((await app.inject({ url: '/keystores', headers: authorized(), remoteAddress: '127.0.0.2' })).statusCode).toBe(200);
  });
});
