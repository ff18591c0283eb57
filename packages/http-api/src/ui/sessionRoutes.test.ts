import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { FAKE_TOKEN, fakeApp } from '../testing/fakeApp.js';

const TICKET = 'ticket-0123456789abcdef-ticket';

describe('POST /session (the web wizard trades its one-time ticket for the token)', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
  });

  it('answers the bearer token once, then refuses the same ticket', async () => {
    ({ app } = await fakeApp({ uiTicket: TICKET }));
    const first = await app.inject({ method: 'POST', url: '/session', payload: { ticket: TICKET } });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ token: FAKE_TOKEN });
    const again = await app.inject({ method: 'POST', url: '/session', payload: { ticket: TICKET } });
    expect(again.statusCode).toBe(401);
    expect(again.json()).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(again.body).not.toContain(FAKE_TOKEN);
  });

  it('refuses a wrong ticket without using up the right one, and never echoes either', async () => {
    ({ app } = await fakeApp({ uiTicket: TICKET }));
    const wrong = await app.inject({ method: 'POST', url: '/session', payload: { ticket: 'not-the-ticket-at-all-0000' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).not.toContain('not-the-ticket');
    expect((await app.inject({ method: 'POST', url: '/session', payload: { ticket: TICKET } })).statusCode).toBe(200);
  });

  it('refuses every ticket when the server was started without one', async () => {
    ({ app } = await fakeApp());
    const response = await app.inject({ method: 'POST', url: '/session', payload: { ticket: TICKET } });
    expect(response.statusCode).toBe(401);
  });
});
