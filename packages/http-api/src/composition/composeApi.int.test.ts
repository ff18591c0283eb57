import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app/buildApp.js';
import type { ApiSettings } from '../server/ApiSettings.js';
import { composeApi, type ApiComposition } from './composeApi.js';

describe('composeApi in env sim without an endpoint base', () => {
  let dir: string;
  let composed: ApiComposition;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ehealth-cert-api-container-'));
    const settings: ApiSettings = {
      env: 'sim',
      host: '127.0.0.1',
      port: 0,
      auth: { kind: 'none' },
      keystoreDir: join(dir, 'keystore'),
      logLevel: 'silent',
      publicDocs: false,
    };
    composed = await composeApi(settings);
  });

  afterAll(async () => {
    await composed?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('runs the simulator in this process (msw) and makes a fake SoftHSM card', async () => {
    expect(composed.simulated?.simulator).toBeDefined();
    expect(composed.simulated?.fakeCard?.holder.ssin).toBe('85071400254');
    const app = await buildApp(composed.deps, { logger: false });
    try {
      const card = await app.inject('/card');
      expect(card.json()).toMatchObject({ holder: { surname: 'Geldigekaart' }, pin: { state: 'ok' } });
      // GetActorQualities goes through the real SOAP client, signed on the card, to the simulator.
      const organisations = await app.inject({ method: 'POST', url: '/organisations/query', payload: { pin: '1234' } });
      expect(organisations.statusCode).toBe(200);
      expect(organisations.json().organisations.map((o: { identifier: { value: string } }) => o.identifier.value)).toContain('81234530');
      const types = await app.inject('/organisation-types');
      expect(types.json().source).toBe('ehealth');
    } finally {
      await app.close();
    }
  });

  it('removes the fake card folder at close', async () => {
    const cardDir = composed.simulated?.fakeCard?.dir as string;
    expect(existsSync(cardDir)).toBe(true);
    await composed.close();
    expect(existsSync(cardDir)).toBe(false);
  });
});
