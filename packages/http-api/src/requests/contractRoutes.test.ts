import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { authorized } from '../testing/authorized.js';
import { fakeApp } from '../testing/fakeApp.js';

const contactData = { emailPrivate: 'jean@example.be', emailGeneral: 'info@ambulance.be', phonePrivate: '02 123 45 67' };

describe('POST /contracts', () => {
  let app: FastifyInstance;
  afterEach(() => app.close());

  it('returns the terms (HTML and text) and the DN before anything is sent, and records nothing', async () => {
    const { app: built, world } = await fakeApp();
    app = built;
    const response = await app.inject({ method: 'POST', url: '/contracts', headers: authorized(), payload: { organisation: { kind: 'personal' }, contactData } });
    expect(response.statusCode).toBe(200);
    const contract = response.json();
    expect(contract.dn).toMatch(/^CN=SSIN\\=\d{11},/);
    expect(contract.certificateName).toMatch(/^SSIN=\d{11}$/);
    expect(Object.keys(contract.html).length).toBeGreaterThan(0);
    expect(Object.keys(contract.text)).toEqual(Object.keys(contract.html));
    expect(world.registry.calls.map((call) => call.operation)).toEqual(['GenerateContract']);
    expect(await world.vault.list()).toEqual([]);
    expect(await world.pending.list()).toEqual([]);
  });

  it('gives the contract of a listed organisation', async () => {
    const { app: built, world } = await fakeApp();
    app = built;
    const organisations = await app.inject({ method: 'POST', url: '/organisations/query', headers: authorized(), payload: { pin: '1234' } });
    const [listed] = organisations.json().organisations;
    const response = await app.inject({
      method: 'POST',
      url: '/contracts',
      headers: authorized(),
      payload: { organisation: { kind: 'listed', identifier: listed.identifier, name: listed.name }, applicationId: 'APP1', contactData },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().certificateName).toBe(`${listed.identifier.type}=${listed.identifier.value},APP1`);
    expect(world.registry.calls.at(-1)?.operation).toBe('GenerateContract');
  });

  it('refuses bad contact data naming the rule, in the language asked', async () => {
    ({ app } = await fakeApp());
    const response = await app.inject({
      method: 'POST',
      url: '/contracts',
      headers: authorized({ 'accept-language': 'fr' }),
      payload: { organisation: { kind: 'personal' }, contactData: { emailPrivate: 'x', phonePrivate: '1' } },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'INVALID_CONTACT_DATA' });
    expect(response.json().detail).toMatch(/^Les coordonnées ne sont pas valides/);
  });
});

describe('the simulator routes outside env sim', () => {
  it('refuse naming the rule: only a server started with --env sim has a support team', async () => {
    const { app } = await fakeApp();
    try {
      const answer = await app.inject({ method: 'POST', url: `/simulator/requests/${'a'.repeat(40)}/approval`, headers: authorized(), payload: {} });
      expect(answer.statusCode).toBe(400);
      expect(answer.json()).toMatchObject({ code: 'INVALID_INPUT', details: { rule: 'sim-only' } });
    } finally {
      await app.close();
    }
  });
});
