import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app/buildApp.js';
import { composeApi, type ApiComposition } from '../composition/composeApi.js';

const PASSWORD = 'paarden-staan-op-stal-42';
const contactData = { emailPrivate: 'alice@example.org', emailGeneral: 'info@ambulance.example.org', phonePrivate: '02 555 01 23' };

/**
 * Export, expiry monitoring and the simulated support team over HTTP, in env sim: the real SOAP
 * client, keystore and fake card against the in-process simulator.
 */
describe('export, expiry-query and the support team (env sim)', () => {
  let dir: string;
  let composed: ApiComposition;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ehealth-cert-api-export-'));
    composed = await composeApi({ env: 'sim', host: '127.0.0.1', port: 0, auth: { kind: 'none' }, keystoreDir: join(dir, 'keystore'), logLevel: 'silent', publicDocs: false });
    app = await buildApp(composed.deps, { logger: false });
  });

  afterAll(async () => {
    await app?.close();
    await composed?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const request = async (organisation: object, key: string) => {
    const answer = await app.inject({
      method: 'POST',
      url: '/requests',
      headers: { 'idempotency-key': key, prefer: 'wait=30' },
      payload: { organisation, contactData, password: PASSWORD, pin: '1234', acceptTerms: true },
    });
    expect(answer.statusCode, answer.body).toBe(200);
    return answer.json().result as { reference: string; keystore: string; automaticallyValidated: boolean };
  };
  const complete = (reference: string) =>
    app.inject({ method: 'POST', url: `/requests/${reference}/completion`, headers: { prefer: 'wait=30' }, payload: { password: PASSWORD } });

  it('finishes a manual request with the support team, exports it (PEM, .p12 OpenSSL opens) and monitors its expiry', async () => {
    const manual = { kind: 'manual', identifier: { type: 'NIHII-AMBU_SERVICE', value: '61111186' }, officialName: 'Ambulancedienst Kempen (TEST)' };
    const submitted = await request(manual, 'manual-1');
    expect(submitted.automaticallyValidated).toBe(false);
    const approved = await app.inject({ method: 'POST', url: `/simulator/requests/${submitted.reference}/approval`, payload: {} });
    expect(approved.json()).toEqual({ reference: submitted.reference, decision: 'APPROVED' });
    await composed.simulated?.simulator?.advance((composed.simulated.simulator.timings.issuanceDelayMs ?? 0) + 60_000);
    const completed = await complete(submitted.reference);
    expect(completed.json().result.status, completed.body).toBe('completed');

    const keystore = completed.json().result.keystore as string;
    const exported = await app.inject({ method: 'POST', url: `/keystores/${encodeURIComponent(keystore)}/export`, payload: { password: PASSWORD, exportPassword: 'un autre mot de passe pour exporter 9' } });
    expect(exported.statusCode, exported.body).toBe(200);
    const body = exported.json();
    expect(body.pem.match(/-----BEGIN CERTIFICATE-----/g)).toHaveLength(body.chainLength);
    const p12 = join(dir, 'exported.p12');
    await writeFile(p12, Buffer.from(body.p12, 'base64'));
    const opened = execFileSync('openssl', ['pkcs12', '-in', p12, '-passin', 'env:P', '-nodes'], { env: { ...process.env, P: 'un autre mot de passe pour exporter 9' }, encoding: 'utf8' });
    expect(opened).toContain('PRIVATE KEY');
    expect(JSON.stringify(body)).not.toContain(dir);

    const monitored = await app.inject({ method: 'POST', url: '/keystores/expiry-query', payload: { password: PASSWORD, within: '90d' } });
    expect(monitored.statusCode, monitored.body).toBe(200);
    expect(monitored.json()).toMatchObject({ withinDays: 90, needingRenewal: 0, certificates: [expect.objectContaining({ keystore, state: 'valid' })] });
    const wholeLife = await app.inject({ method: 'POST', url: '/keystores/expiry-query', payload: { password: PASSWORD, within: '1200d' } });
    expect(wholeLife.json()).toMatchObject({ needingRenewal: 1, certificates: [expect.objectContaining({ state: 'expiring' })] });
  });

  it('refuses a manual request with the reason; a second decision is REQUEST_NOT_FOUND', async () => {
    // Another certificate of the organisation the holder does not manage (an application id).
    const manual = { kind: 'manual', identifier: { type: 'NIHII-AMBU_SERVICE', value: '61111186' }, officialName: 'Ambulancedienst Kempen (TEST)' };
    const submitted = await (async () => {
      const answer = await app.inject({
        method: 'POST',
        url: '/requests',
        headers: { 'idempotency-key': 'manual-2', prefer: 'wait=30' },
        payload: { organisation: manual, applicationId: 'LABO2', contactData, password: PASSWORD, pin: '1234', acceptTerms: true },
      });
      return answer.json().result as { reference: string; automaticallyValidated: boolean };
    })();
    expect(submitted.automaticallyValidated).toBe(false);
    const refused = await app.inject({ method: 'POST', url: `/simulator/requests/${submitted.reference}/refusal`, payload: { reason: 'nom officiel inconnu' } });
    expect(refused.json()).toEqual({ reference: submitted.reference, decision: 'REFUSED', reason: 'nom officiel inconnu' });
    expect((await complete(submitted.reference)).json().code).toBe('EHEALTH_REJECTED');
    const again = await app.inject({ method: 'POST', url: `/simulator/requests/${submitted.reference}/approval`, payload: {} });
    expect(again.statusCode).toBe(404);
    expect(again.json().code).toBe('REQUEST_NOT_FOUND');
  });

  it('counts a query whose password does not open a keystore toward the budget of wrong passwords, never a right one', async () => {
    // The keystores of the first test are in the folder; a budget of one failure per minute.
    const limited = await buildApp({ ...composed.deps, secretRateLimit: 1 }, { logger: false });
    try {
      const ask = (password: string) => limited.inject({ method: 'POST', url: '/keystores/expiry-query', payload: { password, within: '90d' } });
      for (let i = 0; i < 3; i += 1) expect((await ask(PASSWORD)).statusCode).toBe(200);
      const guessed = await ask('une-tentative-au-hasard-17');
      expect(guessed.statusCode).toBe(200);
      expect(guessed.json().certificates).toEqual(expect.arrayContaining([expect.objectContaining({ state: 'unreadable', reason: 'KEYSTORE_PASSWORD_WRONG' })]));
      const next = await ask(PASSWORD);
      expect(next.statusCode).toBe(429);
      expect(next.json()).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfter: expect.any(Number) } });
    } finally {
      await limited.close();
    }
  });
});
