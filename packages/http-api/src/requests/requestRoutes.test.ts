import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { A_STRONG_PASSWORD, anAmbulanceService, someContactData } from '@ehealth-cert/core/testing';
import { authorized } from '../testing/authorized.js';
import { fakeApp } from '../testing/fakeApp.js';

const ambulance = anAmbulanceService();

function requestBody(overrides: Record<string, unknown> = {}) {
  return {
    organisation: { kind: 'listed', identifier: ambulance.identifier, name: ambulance.name },
    contactData: someContactData(),
    baseServiceUsages: [],
    password: A_STRONG_PASSWORD,
    pin: '1234',
    acceptTerms: true,
    ...overrides,
  };
}

/** POST /requests with a key and `Prefer: wait` unless `headers` says otherwise. */
function postRequest(app: FastifyInstance, payload: Record<string, unknown> = requestBody(), headers: Record<string, string> = { 'idempotency-key': 'k', prefer: 'wait=10' }) {
  return app.inject({ method: 'POST', url: '/requests', headers: authorized(headers), payload });
}

describe('POST /requests', () => {
  let app: FastifyInstance;
  afterEach(() => app.close());

  it('answers 202 with a job whose result is the request reference (manual step 15)', async () => {
    const { app: built, world } = await fakeApp();
    app = built;
    const started = await postRequest(app, requestBody(), { 'idempotency-key': 'k-1' });
    expect(started.statusCode).toBe(202);
    expect(started.headers.location).toMatch(/^\/jobs\/[0-9a-f-]{36}$/);
    await app.inject({ url: started.headers.location as string, headers: authorized({ prefer: 'wait=5' }) });
    const job = (await app.inject({ url: started.headers.location as string, headers: authorized() })).json();
    expect(job).toMatchObject({ kind: 'certificate-request', status: 'succeeded' });
    expect(job.result).toMatchObject({
      status: 'submitted',
      reference: expect.stringMatching(/^[0-9a-f]{40}$/),
      automaticallyValidated: true,
      certificateName: `NIHII-AMBU_SERVICE=${ambulance.identifier.value}`,
    });
    expect(job.result.keystore).not.toContain('/');
    expect(job.progress).toEqual(
      expect.arrayContaining([
        { step: '12', activity: 'ehealth.GenerateContract', phase: 'done' },
        { step: '14', activity: 'ehealth.GenerateCertificate', phase: 'done' },
      ]),
    );
    expect(world.registry.operations().filter((operation) => operation === 'GenerateCertificate')).toHaveLength(1);
  });

  it('answers 200 with the finished job when asked to wait (Prefer: wait)', async () => {
    const { app: built } = await fakeApp();
    app = built;
    const response = await postRequest(app);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'succeeded', result: { status: 'submitted' } });
    expect(response.headers['preference-applied']).toBe('wait=10');
  });

  it('sends GenerateCertificate once when the client retries with the same Idempotency-Key', async () => {
    const { app: built, world } = await fakeApp();
    app = built;
    const post = () =>
      postRequest(app, requestBody(), { 'idempotency-key': 'retry-me', prefer: 'wait=10' });
    const first = await post();
    const retry = await post();
    const concurrent = await Promise.all([post(), post()]);
    expect(retry.json().id).toBe(first.json().id);
    expect(concurrent.map((r) => r.json().id)).toEqual([first.json().id, first.json().id]);
    expect(world.registry.operations().filter((operation) => operation === 'GenerateCertificate')).toHaveLength(1);
    expect(world.card.signatures).toHaveLength(1);
  });

  it('refuses the same Idempotency-Key with another body (422)', async () => {
    const { app: built } = await fakeApp();
    app = built;
    await postRequest(app, requestBody(), { 'idempotency-key': 'k' });
    const other = await postRequest(app, requestBody({ applicationId: 'OTHER' }), { 'idempotency-key': 'k' });
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('requires an Idempotency-Key', async () => {
    const { app: built, world } = await fakeApp();
    app = built;
    const response = await postRequest(app, requestBody(), {});
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_MISSING', details: { field: 'headers.idempotency-key' } });
    expect(world.registry.operations()).toEqual([]);
  });

  it.each([
    ['a missing password', { password: undefined }, 'body.password'],
    ['terms not accepted', { acceptTerms: false }, 'body.acceptTerms'],
    ['a wrong contact field', { contactData: { emailPrivate: 3 } }, 'body.contactData.emailPrivate'],
    ['an unknown organisation kind', { organisation: { kind: 'other' } }, 'body.organisation.kind'],
    ['a misspelt contact field', { contactData: { ...someContactData(), emailPrivat: 'a@b.be' } }, 'body.contactData.emailPrivat'],
    ['a misspelt password field', { passwrd: 'x' }, 'body.passwrd'],
  ])('refuses %s with 400 naming the field, before any card or eHealth call', async (_title, change, field) => {
    const { app: built, world } = await fakeApp();
    app = built;
    const response = await postRequest(app, requestBody(change), { 'idempotency-key': 'k' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'INVALID_INPUT', details: { field } });
    expect(world.registry.operations()).toEqual([]);
  });

  it('answers a rule broken in core (no generic e-mail) with 400 and its field', async () => {
    const { app: built } = await fakeApp();
    app = built;
    const response = await postRequest(app, requestBody({ contactData: { ...someContactData(), emailGeneral: undefined } }));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'INVALID_CONTACT_DATA', details: { field: 'emailGeneral', jobId: expect.any(String) } });
  });

  it('answers a weak password with 400 WEAK_PASSWORD, never echoing it', async () => {
    const { app: built } = await fakeApp();
    app = built;
    const response = await postRequest(app, requestBody({ password: 'password123' }));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'WEAK_PASSWORD' });
    expect(response.body).not.toContain('password123');
  });

  it('names the missing identifier of a manual organisation', async () => {
    const { app: built } = await fakeApp();
    app = built;
    const response = await postRequest(app, requestBody({ organisation: { kind: 'manual', officialName: 'Ambulance X' } }));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'body.organisation.identifier' } });
  });

  it('answers a wrong PIN with 422 and the tries left; the keystore written before stays', async () => {
    const { app: built, world } = await fakeApp();
    app = built;
    const response = await postRequest(app, requestBody({ pin: '0000' }));
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'PIN_INCORRECT', details: { triesLeft: 2 } });
    expect(response.body).not.toContain('0000');
    expect(world.card.triesLeft).toBe(2);
  });
});

describe('GET /requests', () => {
  let app: FastifyInstance;
  afterEach(() => app.close());

  it('lists pending requests and shows one by reference', async () => {
    const { app: built } = await fakeApp();
    app = built;
    const job = (
      await postRequest(app)
    ).json();
    const reference = job.result.reference as string;
    const pending = await app.inject({ url: '/requests?status=pending', headers: authorized() });
    expect(pending.statusCode).toBe(200);
    expect(pending.json().requests).toEqual([expect.objectContaining({ reference, status: 'sent', environment: 'acc' })]);
    expect((await app.inject({ url: '/requests?status=completed', headers: authorized() })).json().requests).toEqual([]);
    const one = await app.inject({ url: `/requests/${reference}`, headers: authorized() });
    expect(one.json()).toMatchObject({ reference, certificateName: `NIHII-AMBU_SERVICE=${ambulance.identifier.value}`, keystore: job.result.keystore });
  });

  it('answers an unknown reference with 404 REQUEST_NOT_FOUND and a malformed one with 400', async () => {
    const { app: built } = await fakeApp();
    app = built;
    const unknown = await app.inject({ url: `/requests/${'a'.repeat(40)}`, headers: authorized() });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'REQUEST_NOT_FOUND' });
    const malformed = await app.inject({ url: '/requests/xyz', headers: authorized() });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ details: { field: 'params.reference' } });
  });

  it('refuses an unknown status filter, naming it', async () => {
    const { app: built } = await fakeApp();
    app = built;
    const response = await app.inject({ url: '/requests?status=lost', headers: authorized() });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ details: { field: 'querystring.status' } });
  });
});
