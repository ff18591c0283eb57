import { readdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { buildApp } from '../app/buildApp.js';
import { composeApi, type ApiComposition } from '../composition/composeApi.js';

const PASSWORD = 'amber walrus juggles lanterns 58';
const contactData = { emailPrivate: 'alice@example.org', emailGeneral: 'info@exemple.example.org', phonePrivate: '02 555 01 23' };
/** An eHealth-identified organisation (EHP): the simulator allows it the base services tsa and other only. */
const EHP = { type: 'EHP', value: '1990001916' };

/**
 * Issue 13, "Bad input, every front end alike": hostile input through the API, composed as
 * `ehealth-cert-api --env sim` composes it (real SOAP client, keystore folder and fake card, the
 * in-process simulator). Each is a 400 problem naming the field and the rule; no keystore (so no
 * key) is written, and nothing about the request reaches the simulator.
 */
describe('hostile input through the API (env sim)', () => {
  let dir: string;
  let composed: ApiComposition;
  let app: FastifyInstance;
  let received: MockInstance;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ehealth-cert-api-hostile-'));
    composed = await composeApi({ env: 'sim', host: '127.0.0.1', port: 0, auth: { kind: 'none' }, keystoreDir: join(dir, 'keystore'), logLevel: 'silent', publicDocs: false });
    app = await buildApp(composed.deps, { logger: false });
  });
  beforeEach(() => {
    const simulator = composed.simulated?.simulator;
    if (simulator === undefined) throw new Error('env sim runs the simulator in this process');
    received = vi.spyOn(simulator, 'handle');
    return () => received.mockRestore();
  });
  afterAll(async () => {
    await app?.close();
    await composed?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const soapActions = () => received.mock.calls.map(([request]) => String((request as { soapAction?: string }).soapAction ?? '').replace(/"/g, '').split(':').pop());
  /** The keystores (`.p12`, `.acc-p12`, `.sim-p12`...) and secret-key files of the folder: a key is only ever kept in one. */
  const keystores = async () => (await readdir(join(dir, 'keystore')).catch(() => [])).filter((name) => /p12$|secret-key/.test(name));
  const post = (body: Record<string, unknown>, key: string) =>
    app.inject({
      method: 'POST',
      url: '/requests',
      headers: { 'idempotency-key': key, prefer: 'wait=30' },
      payload: { contactData, password: PASSWORD, pin: '1234', acceptTerms: true, ...body },
    });

  it.each([
    ['a 100 000-character organisation name', { officialName: 'A'.repeat(100_000) }, 'body.organisation.officialName', 'maxLength'],
    ['a name with a newline', { officialName: 'Exemple\nSA' }, 'officialName', 'control-character'],
    ['a name with a bidi override', { officialName: 'Exemple \u202eAS' }, 'officialName', 'control-character'],
  ])('answers %s with 400 INVALID_INPUT naming the field and the rule; nothing reaches eHealth, no key', async (_title, organisation, field, rule) => {
    const answer = await post({ organisation: { kind: 'manual', identifier: EHP, ...organisation } }, `hostile-${field}-${rule}-${_title.length}`);
    expect(answer.statusCode, answer.body).toBe(400);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = answer.json().problem ?? answer.json();
    expect(problem).toMatchObject({ status: 400, code: 'INVALID_INPUT', details: { field, rule } });
    expect(problem.detail).toContain(field.split('.').pop());
    expect(received).not.toHaveBeenCalled();
    expect(await keystores()).toEqual([]);
  });

  it('answers a base service with a space with 400 before anything is sent', async () => {
    const answer = await post({ organisation: { kind: 'manual', identifier: EHP, officialName: 'Exemple SA' }, baseServiceUsages: ['consult rn'] }, 'hostile-space');
    expect(answer.statusCode).toBe(400);
    expect(answer.json()).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'baseServiceUsages[0]', rule: 'base-service' } });
    expect(received).not.toHaveBeenCalled();
    expect(await keystores()).toEqual([]);
  });

  it('answers a base service eHealth does not allow for the organisation type with 400, having read only the list of types', async () => {
    const answer = await post({ organisation: { kind: 'manual', identifier: EHP, officialName: 'Exemple SA' }, baseServiceUsages: ['tsa', 'consultrn'] }, 'hostile-service');
    expect(answer.statusCode, answer.body).toBe(400);
    expect(answer.json()).toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'baseServiceUsages[1]', value: 'consultrn', rule: 'available-base-service', allowed: ['tsa', 'other'], organisationType: 'EHP' },
    });
    expect(answer.json().detail).toMatch(/"consultrn" is not a base service eHealth allows for organisation type EHP \(allowed: tsa, other\)/);
    // GetGenericOrganizationTypes is anonymous and says nothing about the request: no contract, no key, no request.
    expect(soapActions()).toEqual(['getGenericOrganizationTypes']);
    expect(await keystores()).toEqual([]);
  });

  it('sends the same request once the base service is one the type allows (the spy sees what reaches the simulator)', async () => {
    const answer = await post({ organisation: { kind: 'manual', identifier: EHP, officialName: 'Exemple SA' }, baseServiceUsages: ['tsa'] }, 'allowed-service');
    expect(answer.statusCode, answer.body).toBe(200);
    expect(soapActions()).toEqual(expect.arrayContaining(['getGenericOrganizationTypes', 'generateContract', 'generatecertificate']));
    expect(await keystores()).toHaveLength(2);
  });
});
