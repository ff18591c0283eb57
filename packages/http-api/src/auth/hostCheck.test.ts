import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { authorized } from '../testing/authorized.js';
import { FAKE_TOKEN, fakeApp } from '../testing/fakeApp.js';
import { hostHeaderName, hostNameKey, LOOPBACK_HOST_NAMES } from './hostCheck.js';

const TICKET = 'one-time-ticket-0123456789';

describe('the Host check (DNS rebinding)', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it.each([
    ['GET', '/health'],
    ['GET', '/requests'],
    ['GET', '/ui/'],
    ['GET', '/docs'],
    ['GET', '/openapi.json'],
    ['GET', '/no-such-route'],
    ['POST', '/session'],
  ])('refuses %s %s for a foreign Host with 403 HOST_NOT_ALLOWED, before the token and the route', async (method, url) => {
    ({ app } = await fakeApp({ uiTicket: TICKET, publicDocs: true }));
    const response = await app.inject({
      method: method as 'GET' | 'POST',
      url,
      headers: authorized({ host: 'evil.example:8080' }),
      ...(method === 'POST' ? { payload: { ticket: TICKET } } : {}),
    });
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ code: 'HOST_NOT_ALLOWED', details: { field: 'headers.host', rule: 'allowed-host' } });
    expect(response.json().detail).toMatch(/"evil\.example:8080".*allowed-host.*DNS rebinding.*--allowed-host NAME/);
  });

  it('refuses a foreign Host even without a token (the check is no part of auth), and lookalike names', async () => {
    ({ app } = await fakeApp({ auth: { kind: 'none' } }));
    expect((await app.inject({ url: '/requests', headers: { host: 'attacker.test' } })).json().code).toBe('HOST_NOT_ALLOWED');
    expect((await app.inject({ url: '/requests', headers: { host: 'localhost.attacker.test' } })).json().code).toBe('HOST_NOT_ALLOWED');
    expect((await app.inject({ url: '/requests', headers: { host: '127.0.0.1.nip.io:8080' } })).json().code).toBe('HOST_NOT_ALLOWED');
  });

  it('keeps the one-time ticket for the right Host: the refused exchange did not use it', async () => {
    ({ app } = await fakeApp({ uiTicket: TICKET }));
    expect((await app.inject({ method: 'POST', url: '/session', headers: { host: 'evil.example' }, payload: { ticket: TICKET } })).statusCode).toBe(403);
    const exchanged = await app.inject({ method: 'POST', url: '/session', headers: { host: '127.0.0.1:8089' }, payload: { ticket: TICKET } });
    expect(exchanged.statusCode).toBe(200);
    expect(exchanged.json()).toEqual({ token: FAKE_TOKEN });
  });

  it.each(['127.0.0.1:8080', 'localhost:43210', 'LOCALHOST', 'localhost.:8080', '[::1]:8080', '[::1]'])('answers the loopback name %s', async (host) => {
    ({ app } = await fakeApp());
    const response = await app.inject({ url: '/requests', headers: authorized({ host }) });
    expect(response.statusCode).toBe(200);
  });

  it('answers the names of its policy (the bound host, --allowed-host), and only those', async () => {
    ({ app } = await fakeApp({ allowedHosts: { names: [...LOOPBACK_HOST_NAMES, 'certs.example.org', '192.0.2.10'] } }));
    for (const host of ['certs.example.org', 'Certs.Example.Org:443', '192.0.2.10:8080', '127.0.0.1:8080']) {
      expect((await app.inject({ url: '/requests', headers: authorized({ host }) })).statusCode, host).toBe(200);
    }
    for (const host of ['example.org', 'x.certs.example.org', '192.0.2.11']) {
      expect((await app.inject({ url: '/requests', headers: authorized({ host }) })).json().code, host).toBe('HOST_NOT_ALLOWED');
    }
  });
});

describe('hostHeaderName / hostNameKey', () => {
  it('normalises names and IPv6 addresses, and refuses what is no host name', () => {
    expect(hostHeaderName('LocalHost.:80')).toBe('localhost');
    expect(hostHeaderName('[::1]:8080')).toBe('[::1]');
    expect(hostHeaderName('[0:0:0:0:0:0:0:1]')).toBe('[0:0:0:0:0:0:0:1]');
    expect(hostNameKey('::1')).toBe('[::1]');
    expect(hostHeaderName('a b')).toBeUndefined();
    expect(hostHeaderName('user@host')).toBeUndefined();
    expect(hostHeaderName('host:port')).toBeUndefined();
    expect(hostNameKey('-bad.example')).toBeUndefined();
  });
});

describe('a token in the query string', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it.each([
    ['?access_token=', `/requests?access_token=${FAKE_TOKEN}`, 'query.access_token'],
    ['?token=', `/requests?token=${FAKE_TOKEN}`, 'query.token'],
    ['?api_key= with any value', '/requests?api_key=whatever', 'query.api_key'],
    ['the token as another parameter', `/requests?status=${FAKE_TOKEN}`, 'query'],
    ['"Bearer <token>" as a value', `/requests?h=Bearer%20${FAKE_TOKEN}`, 'query'],
    ['the token as a parameter name', `/requests?${FAKE_TOKEN}`, 'query'],
  ])('refuses %s with 400 TOKEN_IN_QUERY, even with a right Authorization header, without echoing it', async (_title, url, field) => {
    ({ app } = await fakeApp());
    const response = await app.inject({ url, headers: authorized() });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'TOKEN_IN_QUERY', details: { field, rule: 'no-token-in-query' } });
    expect(response.json().detail).toMatch(/Authorization: Bearer <token>.*replace this one/);
    expect(response.body).not.toContain(FAKE_TOKEN);
  });

  it('refuses it before the token is checked, on public routes too, and without auth', async () => {
    ({ app } = await fakeApp());
    expect((await app.inject({ url: `/health?access_token=${FAKE_TOKEN}` })).json().code).toBe('TOKEN_IN_QUERY');
    expect((await app.inject({ url: '/requests?token=wrong' })).json().code).toBe('TOKEN_IN_QUERY');
    await app.close();
    ({ app } = await fakeApp({ auth: { kind: 'none' } }));
    expect((await app.inject({ url: '/requests?access_token=x' })).json().code).toBe('TOKEN_IN_QUERY');
  });

  it('lets ordinary query parameters through', async () => {
    ({ app } = await fakeApp());
    expect((await app.inject({ url: '/requests?status=pending', headers: authorized() })).statusCode).toBe(200);
  });
});
