import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulatorServer, type SimulatorServer } from '@ehealth-cert/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSettings } from './ApiSettings.js';
import { startServer, type RunningServer } from './startServer.js';

const TOKEN = 'e2e-token-0123456789abcdef';
const PASSWORD = 'amber walrus juggles lanterns 58';
const PIN = '1234';

describe('the API over HTTP: the whole manual with the simulator and a SoftHSM card', () => {
  let dir: string;
  let simulator: SimulatorServer;
  let server: RunningServer;

  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    // The test reads JSON documents whose schemas the inject tests already check.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: response.status, type: response.headers.get('content-type'), json: (await response.json()) as Record<string, any> };
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ehealth-cert-api-e2e-'));
    simulator = await startSimulatorServer({ seed: 'http-api-e2e' });
    const settings: ApiSettings = {
      env: 'sim',
      host: '127.0.0.1',
      port: 0,
      auth: { kind: 'token', token: TOKEN },
      keystoreDir: join(dir, 'keystore'),
      endpointBase: simulator.url,
      logLevel: 'silent',
      publicDocs: false,
    };
    server = await startServer(settings);
  });

  afterAll(async () => {
    await server?.close();
    await simulator?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('listens on loopback, answers health without a token and refuses the rest without one', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await fetch(`${server.url}/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', environment: 'sim' });
    const refused = await fetch(`${server.url}/card`);
    expect(refused.status).toBe(401);
  });

  it('requests, waits for eHealth, completes and inspects the keystore (manual steps 5-19)', async () => {
    const card = await call('GET', '/card');
    expect(card.status).toBe(200);
    expect(card.json.holder).toMatchObject({ ssin: '85071400254', generation: 'rsa2048' });

    const organisations = await call('POST', '/organisations/query', { pin: PIN });
    expect(organisations.status).toBe(200);
    const ambulance = organisations.json.organisations.find((o: { identifier: { value: string } }) => o.identifier.value === '81234530');
    expect(ambulance).toBeDefined();

    const body = {
      organisation: { kind: 'listed', identifier: ambulance.identifier, name: ambulance.name },
      contactData: { emailPrivate: 'alice@example.be', emailGeneral: 'info@ambulance.example.be', phonePrivate: '+32470123456' },
      password: PASSWORD,
      pin: PIN,
      acceptTerms: true,
    };
    const requested = await call('POST', '/requests', body, { 'idempotency-key': 'e2e-1', prefer: 'wait=60' });
    expect(requested.status, JSON.stringify(requested.json)).toBe(200);
    const { reference, keystore } = requested.json.result;
    expect(reference).toMatch(/^[0-9a-f]{40}$/);

    // A retry of the same POST is answered from the job: eHealth sees one GenerateCertificate.
    const retried = await call('POST', '/requests', body, { 'idempotency-key': 'e2e-1', prefer: 'wait=60' });
    expect(retried.json.id).toBe(requested.json.id);
    expect(simulator.simulator.certificates().map((c) => c.publicKeyIdentifier)).toEqual([reference]);

    const pendingList = await call('GET', '/requests?status=pending');
    expect(pendingList.json.requests.map((r: { reference: string }) => r.reference)).toEqual([reference]);

    const early = await call('POST', `/requests/${reference}/completion`, { password: PASSWORD }, { prefer: 'wait=60' });
    expect(early.status, JSON.stringify(early.json)).toBe(200);
    expect(early.json.result).toMatchObject({ status: 'pending', reference });

    const advanced = await fetch(`${simulator.url}/admin/clock/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ms: simulator.simulator.timings.issuanceDelayMs + 60_000 }),
    });
    expect(advanced.status).toBe(200);

    const completed = await call('POST', `/requests/${reference}/completion`, { password: PASSWORD }, { prefer: 'wait=60' });
    expect(completed.status, JSON.stringify(completed.json)).toBe(200);
    expect(completed.json.result).toMatchObject({ status: 'completed', reference, etkSerial: expect.stringMatching(/^\d+$/) });

    const inspected = await call('POST', `/keystores/${encodeURIComponent(completed.json.result.keystore)}/inspection`, { password: PASSWORD });
    expect(inspected.status).toBe(200);
    expect(inspected.json.authentication).toMatchObject({ state: 'issued', reference, dn: expect.stringContaining('81234530') });
    expect(inspected.json.etkSerials).toEqual([completed.json.result.etkSerial]);
    expect(keystore).toMatch(/\.sim-p12$/);

    const done = await call('GET', `/requests/${reference}`);
    expect(done.json.status).toBe('completed');
  });

  it('answers a wrong PIN with the card\'s answer and the tries left', async () => {
    const wrong = await call('POST', '/organisations/query', { pin: '9999' });
    expect(wrong.status).toBe(422);
    expect(wrong.type).toMatch(/^application\/problem\+json/);
    expect(wrong.json).toMatchObject({ code: 'PIN_INCORRECT', details: { triesLeft: 2 } });
    // The right PIN resets the counter, as on a real card.
    expect((await call('POST', '/organisations/query', { pin: PIN })).status).toBe(200);
  });
});
