import { basename } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { completedKeystore } from '@ehealth-cert/core/testing';
import { authorized } from '../testing/authorized.js';
import { fakeApp } from '../testing/fakeApp.js';

describe('certificate routes', () => {
  let app: FastifyInstance;
  afterEach(() => app.close());

  it('lists the card holder\'s certificates and their situation (PIN in the body)', async () => {
    const { app: built, world } = await fakeApp();
    app = built;
    const completed = await completedKeystore(world);
    const response = await app.inject({ method: 'POST', url: '/certificates/status-query', headers: authorized(), payload: { pin: '1234' } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      source: 'card',
      certificates: [{ situation: 'active', info: { publicKeyIdentifier: completed.reference, status: 'VALID_ACTIVE', etkStatus: 'VALID_ACTIVE' } }],
    });
  });

  it('shows a keystore\'s certificate as eHealth sees it', async () => {
    const { app: built, world } = await fakeApp();
    app = built;
    const completed = await completedKeystore(world);
    const response = await app.inject({
      method: 'POST',
      url: `/keystores/${encodeURIComponent(basename(completed.keystorePath))}/status-query`,
      headers: authorized(),
      payload: { password: world.password },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ source: 'keystore', certificate: { situation: 'active' } });
  });

  it('renews inside the window, then the completed renewal\'s ETK is activated', async () => {
    const { app: built, world } = await fakeApp();
    app = built;
    const current = await completedKeystore(world);
    world.clock.set('2029-01-15T10:00:00Z');
    const renewal = await app.inject({
      method: 'POST',
      url: `/keystores/${encodeURIComponent(basename(current.keystorePath))}/renewal`,
      headers: authorized({ 'idempotency-key': 'renew-1', prefer: 'wait=10' }),
      payload: { password: world.password, pin: '1234', contactData: world.contactData, acceptTerms: true },
    });
    expect(renewal.statusCode).toBe(200);
    const result = renewal.json().result;
    expect(result).toMatchObject({ status: 'submitted', replacesCertificate: current.reference, renews: { dn: current.dn } });
    const completion = await app.inject({
      method: 'POST',
      url: `/requests/${result.reference}/completion`,
      headers: authorized({ prefer: 'wait=10' }),
      payload: { password: world.password },
    });
    expect(completion.json().result).toMatchObject({ status: 'completed', toBeActivated: true });
    const activation = await app.inject({
      method: 'POST',
      url: `/keystores/${encodeURIComponent(completion.json().result.keystore)}/etk-activation`,
      headers: authorized({ prefer: 'wait=10' }),
      payload: { password: world.password },
    });
    expect(activation.statusCode).toBe(200);
    expect(activation.json().result).toEqual({ status: 'activated', dn: current.dn });
  });

  it('refuses a renewal before the window with 409 RENEWAL_NOT_ALLOWED', async () => {
    const { app: built, world } = await fakeApp();
    app = built;
    const current = await completedKeystore(world);
    const response = await app.inject({
      method: 'POST',
      url: `/keystores/${encodeURIComponent(basename(current.keystorePath))}/renewal`,
      headers: authorized({ 'idempotency-key': 'renew-1', prefer: 'wait=10' }),
      payload: { password: world.password, pin: '1234', contactData: world.contactData, acceptTerms: true },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'RENEWAL_NOT_ALLOWED', details: { state: 'too-early' } });
  });

  it('revokes with the PIN once, even when the client retries', async () => {
    const { app: built, world } = await fakeApp();
    app = built;
    const current = await completedKeystore(world);
    const revoke = () =>
      app.inject({
        method: 'POST',
        url: `/certificates/${current.reference}/revocation`,
        headers: authorized({ 'idempotency-key': 'revoke-1', prefer: 'wait=10' }),
        payload: { reason: 'superseded', pin: '1234', acceptTerms: true },
      });
    const first = await revoke();
    const retry = await revoke();
    expect(first.statusCode).toBe(200);
    expect(first.json().result).toEqual({ status: 'revoked', publicKeyIdentifier: current.reference, dn: current.dn });
    expect(retry.json().id).toBe(first.json().id);
    expect(world.registry.operations().filter((operation) => operation === 'Revoke')).toHaveLength(1);
  });

  it('refuses a revocation without reason, naming the field', async () => {
    const { app: built } = await fakeApp();
    app = built;
    const response = await app.inject({
      method: 'POST',
      url: `/certificates/${'c'.repeat(40)}/revocation`,
      headers: authorized({ 'idempotency-key': 'k' }),
      payload: { pin: '1234', acceptTerms: true },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ details: { field: 'body.reason' } });
  });
});
