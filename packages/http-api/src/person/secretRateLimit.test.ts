import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { SecretFailureBudget } from './SecretFailureBudget.js';
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

describe('the budget of failed PIN/password checks', () => {
  let app: FastifyInstance;
  afterEach(() => app.close());

  const query = (pin: string, remoteAddress = '127.0.0.1') =>
    app.inject({ method: 'POST', url: '/organisations/query', headers: authorized(), payload: { pin }, remoteAddress });

  it('never counts a right PIN: a client reading with the right secret is never limited', async () => {
    ({ app } = await fakeApp({ secretRateLimit: 2 }));
    for (let i = 0; i < 6; i += 1) {
      expect((await query('1234')).statusCode).toBe(200);
    }
  });

  it('counts wrong PINs, then refuses every secret route with RATE_LIMITED, retryAfter in seconds and Retry-After', async () => {
    ({ app } = await fakeApp({ secretRateLimit: 2 }));
    await app.ready();
    expect((await query('0000')).json().code).toBe('PIN_INCORRECT');
    expect((await query('0001')).json().code).toBe('PIN_INCORRECT');
    const limited = await query('1234');
    expect(limited.statusCode).toBe(429);
    const problem = limited.json();
    expect(problem).toMatchObject({ code: 'RATE_LIMITED', details: { limit: 2 } });
    expect(Number.isInteger(problem.details.retryAfter)).toBe(true);
    expect(problem.details.retryAfter).toBeGreaterThan(0);
    expect(problem.details.retryAfter).toBeLessThanOrEqual(60);
    expect(limited.headers['retry-after']).toBe(String(problem.details.retryAfter));

    const routes = secretRoutes(app);
    expect(routes.length).toBeGreaterThanOrEqual(10);
    for (const route of routes) {
      const response = await app.inject({ ...route, headers: authorized(), payload: {} });
      expect({ ...route, status: response.statusCode, code: response.json().code }).toEqual({ ...route, status: 429, code: 'RATE_LIMITED' });
    }
    // Other clients and routes without a secret are not affected.
    expect((await query('1234', '127.0.0.3')).statusCode).toBe(200);
    expect((await app.inject({ url: '/keystores', headers: authorized() })).statusCode).toBe(200);
  });

  it('does not count failures that are not a wrong secret (missing PIN, unknown keystore)', async () => {
    ({ app } = await fakeApp({ secretRateLimit: 1 }));
    for (let i = 0; i < 3; i += 1) {
      const missing = await app.inject({ method: 'POST', url: '/organisations/query', headers: authorized(), payload: {} });
      expect(missing.json().code).toBe('PIN_UNAVAILABLE');
      const unknown = await app.inject({ method: 'POST', url: '/keystores/nope/inspection', headers: authorized(), payload: { password: 'whatever-password' } });
      expect(unknown.json().code).toBe('KEYSTORE_NOT_FOUND');
    }
    expect((await query('1234')).statusCode).toBe(200);
  });

  it('counts a wrong PIN that a job (202) ends with, against the client that started it', async () => {
    ({ app } = await fakeApp({ secretRateLimit: 1 }));
    const body = {
      organisation: { kind: 'personal' },
      contactData: { emailPrivate: 'a@example.be', phonePrivate: '+3221234567', emailGeneral: 'info@example.be' },
      password: 'Correct-Horse-Battery-9',
      pin: '0000',
      acceptTerms: true,
    };
    const started = await app.inject({ method: 'POST', url: '/requests', headers: authorized({ 'idempotency-key': 'k1', prefer: 'wait=10' }), payload: body });
    expect(started.json().code).toBe('PIN_INCORRECT');
    expect((await query('1234')).statusCode).toBe(429);
    expect((await query('1234', '127.0.0.9')).statusCode).toBe(200);
  });
});

describe('SecretFailureBudget', () => {
  it('opens again when the window ends', () => {
    let now = 1_000_000;
    const budget = new SecretFailureBudget(1, 60_000, () => now);
    expect(budget.record('c', 'KEYSTORE_PASSWORD_WRONG')).toBe(true);
    expect(() => budget.assertAllowed('c')).toThrow(/retry in 60 s/);
    now += 59_001;
    expect(() => budget.assertAllowed('c')).toThrow(/retry in 1 s/);
    now += 1_000;
    expect(() => budget.assertAllowed('c')).not.toThrow();
    expect(budget.record('c', 'WEAK_PASSWORD')).toBe(false);
  });
});
