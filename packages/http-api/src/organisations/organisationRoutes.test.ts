import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { authorized } from '../testing/authorized.js';
import { timeoutError } from '@ehealth-cert/core/testing';
import { fakeApp } from '../testing/fakeApp.js';

describe('POST /organisations/query', () => {
  let app: FastifyInstance;
  afterEach(() => app.close());

  it('lists the organisations the holder may manage, signing with the Authentication key', async () => {
    const { app: built, world } = await fakeApp();
    app = built;
    const response = await app.inject({ method: 'POST', url: '/organisations/query', headers: authorized(), payload: { pin: '1234' } });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.holder.ssin).toBe(world.card.holder.ssin);
    expect(body.naturalPersonAuthorization).toBe(true);
    expect(body.organisations).toEqual([
      { name: expect.any(Object), identifier: { type: 'NIHII-AMBU_SERVICE', value: expect.stringMatching(/^\d{8}$/) } },
    ]);
    expect(world.card.sessions).toEqual(['authentication']);
  });

  it('answers a wrong PIN with 422 PIN_INCORRECT and the tries left, and does not try it again', async () => {
    const { app: built, world } = await fakeApp();
    app = built;
    const response = await app.inject({ method: 'POST', url: '/organisations/query', headers: authorized(), payload: { pin: '9999' } });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'PIN_INCORRECT', details: { triesLeft: 2 } });
    expect(response.body).not.toContain('9999');
    expect(world.card.triesLeft).toBe(2);
    expect(world.card.sessions).toHaveLength(1);
  });

  it('answers a blocked PIN with 423', async () => {
    const { app: built, world } = await fakeApp();
    app = built;
    world.card.triesLeft = 0;
    const response = await app.inject({ method: 'POST', url: '/organisations/query', headers: authorized(), payload: { pin: '1234' } });
    expect(response.statusCode).toBe(423);
    expect(response.json()).toMatchObject({ code: 'PIN_BLOCKED' });
  });

  it('refuses a PIN that is not 4-12 digits with 400 naming body.pin, without echoing it', async () => {
    const { app: built } = await fakeApp();
    app = built;
    const response = await app.inject({ method: 'POST', url: '/organisations/query', headers: authorized(), payload: { pin: '12ab' } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'body.pin', rule: 'pattern' } });
    expect(response.body).not.toContain('12ab');
  });

  it('answers 400 PIN_UNAVAILABLE naming body.pin when the PIN is missing and the reader has no PIN pad', async () => {
    const { app: built } = await fakeApp();
    app = built;
    const response = await app.inject({ method: 'POST', url: '/organisations/query', headers: authorized(), payload: {} });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'PIN_UNAVAILABLE', details: { field: 'body.pin' } });
  });

  it('refuses unknown body fields with 400 naming them', async () => {
    const { app: built } = await fakeApp();
    app = built;
    const response = await app.inject({ method: 'POST', url: '/organisations/query', headers: authorized(), payload: { pinn: '1234' } });
    expect(response.statusCode).toBe(400);
    const problem = response.json();
    expect(problem).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'body.pinn', rule: 'additionalProperties' } });
    expect(problem.detail).toContain('body.pinn');
    expect(problem.detail).toContain('additional properties');
    expect(problem.detail).not.toContain('1234');
  });
});

describe('GET /organisation-types', () => {
  let app: FastifyInstance;
  afterEach(() => app.close());

  it('lists the types eHealth knows', async () => {
    const { app: built } = await fakeApp();
    app = built;
    const response = await app.inject({ url: '/organisation-types', headers: authorized() });
    expect(response.statusCode).toBe(200);
    expect(response.json().source).toBe('ehealth');
    expect(response.json().types.length).toBeGreaterThan(0);
  });

  it('falls back to the local table when eHealth is unavailable', async () => {
    const { app: built, world } = await fakeApp();
    app = built;
    world.registry.failures.failNext('GetGenericOrganizationTypes', timeoutError('GetGenericOrganizationTypes'));
    const response = await app.inject({ url: '/organisation-types', headers: authorized() });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ source: 'local', reason: expect.any(String) });
  });
});
