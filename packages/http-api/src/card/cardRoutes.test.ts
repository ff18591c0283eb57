import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { authorized } from '../testing/authorized.js';
import { CardQueue } from './CardQueue.js';
import { fakeApp } from '../testing/fakeApp.js';

describe('GET /card', () => {
  let app: FastifyInstance;
  afterEach(() => app.close());

  it('shows the holder, the card generation and the PIN state without asking the PIN', async () => {
    const { app: built, world } = await fakeApp();
    app = built;
    const response = await app.inject({ url: '/card', headers: authorized() });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      holder: {
        ssin: world.card.holder.ssin,
        givenNames: world.card.holder.givenNames,
        surname: world.card.holder.surname,
        generation: world.card.holder.generation,
        tokenSerial: world.card.holder.tokenSerial,
      },
      pin: { state: 'ok', pinpad: false },
    });
    expect(world.card.sessions).toEqual([]);
  });

  it('says when the PIN has one try left', async () => {
    const { app: built, world } = await fakeApp();
    app = built;
    world.card.triesLeft = 1;
    expect((await app.inject({ url: '/card', headers: authorized() })).json()).toMatchObject({ pin: { state: 'final-try' } });
  });

  it('answers 409 CARD_ABSENT when no card is inserted', async () => {
    const { app: built, world } = await fakeApp();
    app = built;
    world.card.inserted = false;
    const response = await app.inject({ url: '/card', headers: authorized() });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'CARD_ABSENT' });
  });

  it('answers 409 CARD_BUSY saying what the card is doing when too many operations wait', async () => {
    const { app: built, deps } = await fakeApp({ cardQueue: new CardQueue(0) });
    app = built;
    let release!: () => void;
    const busy = deps.cardQueue.run('certificate.request', () => new Promise<void>((resolve) => (release = resolve)));
    const response = await app.inject({ url: '/card', headers: authorized() });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'CARD_BUSY', details: { current: 'certificate.request' } });
    expect(response.json().detail).toContain('certificate.request');
    release();
    await busy;
    expect((await app.inject({ url: '/card', headers: authorized() })).statusCode).toBe(200);
  });
});
