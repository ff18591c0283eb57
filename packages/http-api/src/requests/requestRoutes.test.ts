import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { A_STRONG_PASSWORD, anAmbulanceService, someContactData } from '@ehealth-cert/core/testing';
import { buildApp } from '../app/buildApp.js';
import { JobStore } from '../jobs/JobStore.js';
import { authorized } from '../testing/authorized.js';
import { fakeApp, fakeDeps } from '../testing/fakeApp.js';
import { IdempotencyStore } from './IdempotencyStore.js';

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

  it("sends the organisation type's base services when the body leaves them out", async () => {
    const { app: built, world } = await fakeApp();
    app = built;
    world.registry.organisationTypes = world.registry.organisationTypes.map((t) => (t.identifierType === ambulance.identifier.type ? { ...t, availableBaseServices: ['tsa', 'codage'] } : t));
    const { baseServiceUsages: _left, ...withoutServices } = requestBody();
    const defaulted = (await postRequest(app, withoutServices, { 'idempotency-key': 'k-default', prefer: 'wait=10' })).json().result;
    expect(defaulted.baseServiceUsages).toEqual(['tsa', 'codage']);
    expect(world.registry.requests.get(defaulted.reference)?.baseServiceUsages).toEqual(['tsa', 'codage']);
  });

  it('writes the new keystore in the keystoreFormat of the body (legacy), modern without one, and completion keeps it', async () => {
    const { app: built, world } = await fakeApp();
    app = built;
    const legacy = await postRequest(app, requestBody({ keystoreFormat: 'legacy' }), { 'idempotency-key': 'k-legacy', prefer: 'wait=10' });
    expect(legacy.statusCode, legacy.body).toBe(200);
    const written = [...world.vault.files.values()];
    expect(written.map((file) => file.format)).toEqual(['legacy']);
    const completion = await app.inject({
      method: 'POST',
      url: `/requests/${legacy.json().result.reference}/completion`,
      headers: authorized({ prefer: 'wait=10' }),
      payload: { password: A_STRONG_PASSWORD },
    });
    expect(completion.json()).toMatchObject({ status: 'succeeded', result: { status: 'completed' } });
    expect([...world.vault.files.values()].map((file) => file.format)).toEqual(['legacy']);
    expect(world.vault.supersededFiles.size).toBe(2);
    const bad = await postRequest(app, requestBody({ keystoreFormat: 'LEGACY-3DES' }), { 'idempotency-key': 'k-bad', prefer: 'wait=10' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'body.keystoreFormat', rule: 'enum', allowed: ['modern', 'legacy'] } });
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

describe('issue 13: requests are never orphaned or duplicated (API)', () => {
  let app: FastifyInstance | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('answers the next step with the environment, and refuses a second request for the same certificate with 409 REQUEST_UNFINISHED naming the first', async () => {
    const built = await fakeApp();
    app = built.app;
    const first = (await postRequest(app, requestBody(), { 'idempotency-key': 'first', prefer: 'wait=10' })).json();
    expect(first.result).toMatchObject({
      environment: 'acc',
      next: { method: 'POST', href: `/requests/${first.result.reference}/completion`, environment: 'acc' },
    });
    const second = (await postRequest(app, requestBody(), { 'idempotency-key': 'second', prefer: 'wait=10' })).json();
    // A job that failed within `Prefer: wait` is answered as its problem document.
    expect(second).toMatchObject({
      status: 409,
      code: 'REQUEST_UNFINISHED',
      details: { reference: first.result.reference, state: 'sent', href: `/requests/${first.result.reference}`, completion: `/requests/${first.result.reference}/completion` },
    });
    expect(JSON.stringify(second)).not.toContain('/home/');
    expect(built.world.registry.operations().filter((op) => op === 'GenerateCertificate')).toHaveLength(1);
    const shown = await app.inject({ url: second.details.href, headers: authorized() });
    expect(shown.json()).toMatchObject({ reference: first.result.reference, status: 'sent', environment: 'acc' });

    const anyway = (await postRequest(app, requestBody({ newKey: true }), { 'idempotency-key': 'third', prefer: 'wait=10' })).json();
    expect(anyway.code).not.toBe('REQUEST_UNFINISHED');
    expect(built.world.registry.operations().filter((op) => op === 'GenerateCertificate')).toHaveLength(2);
  });

  it('after a server stop mid-request, 409 REQUEST_INTERRUPTED points to a route that shows the interrupted request', async () => {
    dir = await mkdtemp(join(tmpdir(), 'ehealth-cert-api-interrupted-'));
    const file = join(dir, 'idempotency.json');
    const before = fakeDeps();
    const jobs = new JobStore();
    // The server "dies" while GenerateCertificate is on its way: its answer never comes.
    before.world.registry.generateCertificate = () => new Promise(() => undefined);
    const first = await buildApp({ ...before.deps, jobs, idempotency: new IdempotencyStore({ jobs, file }) }, { logger: false });
    const started = await first.inject({ method: 'POST', url: '/requests', headers: authorized({ 'idempotency-key': 'crash' }), payload: requestBody() });
    expect(started.statusCode).toBe(202);
    await vi.waitFor(async () => expect((await before.world.pending.list()).map((r) => r.lastStatus)).toEqual(['sending']), { timeout: 5000 });
    // A new server process: a new job store and idempotency store from the same files and keystore folder.
    const afterJobs = new JobStore();
    const afterStore = new IdempotencyStore({ jobs: afterJobs, file });
    await afterStore.load();
    app = await buildApp({ ...before.deps, jobs: afterJobs, idempotency: afterStore }, { logger: false });
    const retry = (await app.inject({ method: 'POST', url: '/requests', headers: authorized({ 'idempotency-key': 'crash', prefer: 'wait=5' }), payload: requestBody() })).json();
    expect(retry).toMatchObject({ status: 409, code: 'REQUEST_INTERRUPTED', details: { see: '/requests?status=pending' } });
    const listed = (await app.inject({ url: retry.details.see, headers: authorized() })).json();
    const [record] = await before.world.pending.list();
    expect(listed.requests).toEqual([expect.objectContaining({ reference: record?.reference, status: 'sending', environment: 'acc' })]);
    expect(retry.detail).toContain('/requests?status=pending');
    await first.close();
  });

  it('refuses to complete a request in another environment than the one it was sent to', async () => {
    const built = await fakeApp();
    app = built.app;
    const first = (await postRequest(app, requestBody(), { 'idempotency-key': 'env', prefer: 'wait=10' })).json();
    await built.world.pending.update(first.result.reference, {});
    const record = await built.world.pending.get(first.result.reference);
    built.world.pending.requests.set(first.result.reference, { ...record!, environment: 'prd' });
    const response = await app.inject({
      method: 'POST',
      url: `/requests/${first.result.reference}/completion`,
      headers: authorized({ prefer: 'wait=5' }),
      payload: { password: A_STRONG_PASSWORD },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'INVALID_INPUT', details: { expected: 'prd', actual: 'acc' } });
  });
});

describe('issue 13: hostile free text through the API', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it.each([
    ['a newline in the official name', { organisation: { kind: 'manual', identifier: { type: 'CBE', value: '0809394427' }, officialName: 'Société\nX' } }],
    ['a bidi override in the official name', { organisation: { kind: 'manual', identifier: { type: 'CBE', value: '0809394427' }, officialName: 'Société \u202eX' } }],
    ['a base service with a space', { baseServiceUsages: ['consult rn'] }],
  ])('refuses %s as INVALID_INPUT before any key or eHealth call', async (_title, overrides) => {
    const built = await fakeApp();
    app = built.app;
    const answer = (await postRequest(app, requestBody(overrides), { 'idempotency-key': 'hostile', prefer: 'wait=10' })).json();
    expect(answer).toMatchObject({ code: 'INVALID_INPUT' });
    expect(built.world.registry.calls).toEqual([]);
    expect(built.world.vault.files.size).toBe(0);
  });
});
