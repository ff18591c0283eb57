import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { A_STRONG_PASSWORD, anAmbulanceService, someContactData } from '@ehealth-cert/core/testing';
import { authorized } from '../testing/authorized.js';
import { fakeApp } from '../testing/fakeApp.js';

async function requestOne(app: FastifyInstance): Promise<{ reference: string; keystore: string }> {
  const ambulance = anAmbulanceService();
  const response = await app.inject({
    method: 'POST',
    url: '/requests',
    headers: authorized({ 'idempotency-key': 'k', prefer: 'wait=10' }),
    payload: {
      organisation: { kind: 'listed', identifier: ambulance.identifier, name: ambulance.name },
      contactData: someContactData(),
      password: A_STRONG_PASSWORD,
      pin: '1234',
      acceptTerms: true,
    },
  });
  expect(response.statusCode).toBe(200);
  return response.json().result;
}

function complete(app: FastifyInstance, url: string, body: Record<string, unknown> = {}) {
  return app.inject({ method: 'POST', url, headers: authorized({ prefer: 'wait=10' }), payload: { password: A_STRONG_PASSWORD, ...body } });
}

describe('POST /requests/{reference}/completion', () => {
  let app: FastifyInstance;
  afterEach(() => app.close());

  it('answers pending as a normal 200 outcome while eHealth has not issued the certificate', async () => {
    const { app: built, world } = await fakeApp();
    app = built;
    world.registry.issueAutomatically = false;
    const { reference } = await requestOne(app);
    const response = await complete(app, `/requests/${reference}/completion`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ kind: 'certificate-completion', status: 'succeeded', result: { status: 'pending', reference } });
    // No invented delivery date: when it was sent and how it is validated, from the local record.
    const result = response.json().result as Record<string, unknown>;
    expect(result).not.toHaveProperty('expectedDelivery');
    expect(result).toMatchObject({ automaticallyValidated: true });
    expect(Date.parse(String(result['requestedAt']))).not.toBeNaN();
    expect((await app.inject({ url: `/requests/${reference}`, headers: authorized() })).json().status).toBe('pending');
  });

  it('installs the certificate and registers the ETK once eHealth issued it (manual steps 16-19)', async () => {
    const { app: built, world } = await fakeApp();
    app = built;
    world.registry.issueAutomatically = false;
    const { reference } = await requestOne(app);
    world.registry.release(reference);
    const response = await complete(app, `/requests/${reference}/completion`);
    expect(response.statusCode).toBe(200);
    expect(response.json().result).toMatchObject({
      status: 'completed',
      reference,
      dn: expect.stringContaining('NIHII-AMBU_SERVICE'),
      etkSerial: expect.any(String),
      toBeActivated: false,
    });
    expect((await app.inject({ url: '/requests?status=completed', headers: authorized() })).json().requests).toHaveLength(1);
  });

  it('keeps asking eHealth while pending within `wait`, and completes when issued', async () => {
    const { app: built, world } = await fakeApp();
    app = built;
    world.registry.issueAutomatically = false;
    const { reference } = await requestOne(app);
    const started = await app.inject({
      method: 'POST',
      url: `/requests/${reference}/completion`,
      headers: authorized(),
      payload: { password: A_STRONG_PASSWORD, wait: 30, pollInterval: 1 },
    });
    expect(started.statusCode).toBe(202);
    world.registry.release(reference);
    const finished = await app.inject({ url: started.headers.location as string, headers: authorized({ prefer: 'wait=20' }) });
    expect(finished.json()).toMatchObject({ status: 'succeeded', result: { status: 'completed' } });
  });

  it('joins a running completion of the same request instead of starting a second one', async () => {
    const { app: built, world } = await fakeApp();
    app = built;
    world.registry.issueAutomatically = false;
    const { reference } = await requestOne(app);
    const body = { password: A_STRONG_PASSWORD, wait: 30, pollInterval: 1 };
    const first = await app.inject({ method: 'POST', url: `/requests/${reference}/completion`, headers: authorized(), payload: body });
    const second = await app.inject({ method: 'POST', url: `/requests/${reference}/completion`, headers: authorized(), payload: body });
    expect(second.json().id).toBe(first.json().id);
    world.registry.release(reference);
    await app.inject({ url: first.headers.location as string, headers: authorized({ prefer: 'wait=20' }) });
  });

  it('answers a wrong keystore password with 422 KEYSTORE_PASSWORD_WRONG, never echoing it', async () => {
    const { app: built } = await fakeApp();
    app = built;
    const { reference } = await requestOne(app);
    const response = await complete(app, `/requests/${reference}/completion`, { password: 'not the right one at all' });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'KEYSTORE_PASSWORD_WRONG', details: { keystore: expect.stringMatching(/\.acc-p12$/) } });
    // The problem names the keystore by file name, never by the server's folder.
    expect(response.body).not.toContain('/home/');
    expect(response.body).not.toContain('not the right one at all');
  });

  it('answers 404 for a request not recorded here, and 400 naming body.password when it is missing', async () => {
    const { app: built } = await fakeApp();
    app = built;
    expect((await complete(app, `/requests/${'b'.repeat(40)}/completion`)).statusCode).toBe(404);
    const missing = await app.inject({ method: 'POST', url: `/requests/${'b'.repeat(40)}/completion`, headers: authorized(), payload: {} });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ details: { field: 'body.password' } });
  });
});

describe('POST /keystores/{name}/completion', () => {
  let app: FastifyInstance;
  afterEach(() => app.close());

  it('completes from the keystore alone when the record of requests is lost', async () => {
    const { app: built, world } = await fakeApp();
    app = built;
    const { reference, keystore } = await requestOne(app);
    world.pending.requests.clear();
    const response = await complete(app, `/keystores/${encodeURIComponent(keystore)}/completion`);
    expect(response.statusCode).toBe(200);
    expect(response.json().result).toMatchObject({ status: 'completed', reference });
  });

  it('answers 404 KEYSTORE_NOT_FOUND for an unknown keystore', async () => {
    const { app: built } = await fakeApp();
    app = built;
    const response = await complete(app, `/keystores/${encodeURIComponent('CBE=0123456789')}/completion`);
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'KEYSTORE_NOT_FOUND', details: { field: 'params.name' } });
  });
});
