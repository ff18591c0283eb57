import { Writable } from 'node:stream';
import { A_STRONG_PASSWORD, anAmbulanceService, someContactData } from '@ehealth-cert/core/testing';
import { describe, expect, it } from 'vitest';
import { authorized } from '../testing/authorized.js';
import { FAKE_TOKEN, fakeApp } from '../testing/fakeApp.js';
import { loggerOptions, redactUrl } from './loggerOptions.js';

/** Distinctive secrets: a hit in the log can only be a leak. */
const PIN = '80417265';
const NEW_PASSWORD = 'Zebra-Quokka-Lantern-7719';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { lines, stream };
}

describe('log redaction', () => {
  it('never writes a PIN, a password or the bearer token, whatever the requests do', async () => {
    const { lines, stream } = capture();
    const { app, world } = await fakeApp({}, { logger: { ...loggerOptions('trace'), stream } });
    world.card.triesLeft = 3;
    const ambulance = anAmbulanceService();
    const body = {
      organisation: { kind: 'listed', identifier: ambulance.identifier, name: ambulance.name },
      contactData: someContactData(),
      password: A_STRONG_PASSWORD,
      pin: PIN,
      acceptTerms: true,
    };
    // Wrong PIN (the fake card's is 1234), a good request, a schema failure, a wrong password.
    await app.inject({ method: 'POST', url: '/organisations/query', headers: authorized(), payload: { pin: PIN } });
    const request = await app.inject({
      method: 'POST',
      url: '/requests',
      headers: authorized({ 'idempotency-key': 'k', prefer: 'wait=10' }),
      payload: { ...body, pin: '1234' },
    });
    await app.inject({ method: 'POST', url: '/requests', headers: authorized({ 'idempotency-key': 'k2' }), payload: { ...body, pin: PIN, extra: PIN } });
    await app.inject({
      method: 'POST',
      url: `/requests/${request.json().result.reference}/completion`,
      headers: authorized({ prefer: 'wait=10' }),
      payload: { password: NEW_PASSWORD },
    });
    // A client that puts the PIN in a query string by mistake: the route ignores it, the log censors it.
    await app.inject({ url: `/card?pin=${PIN}&x=1`, headers: authorized() });
    // The bearer token in a query string, by name, as a value and as a name: refused, never logged.
    for (const url of [`/keystores?access_token=${FAKE_TOKEN}`, `/health?x=${FAKE_TOKEN}`, `/ui/?${FAKE_TOKEN}`, `/nowhere?token=${FAKE_TOKEN}`]) {
      expect((await app.inject({ url })).json()).toMatchObject({ code: 'TOKEN_IN_QUERY' });
    }
    app.log.info({ body: { pin: PIN, password: NEW_PASSWORD }, details: { newPassword: NEW_PASSWORD } }, 'a careless line');
    await app.close();
    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(8);
    expect(log).toContain('[redacted]');
    for (const secret of [PIN, A_STRONG_PASSWORD, NEW_PASSWORD, FAKE_TOKEN]) {
      expect(log).not.toContain(secret);
    }
  });
});

describe('redactUrl', () => {
  it('keeps the path and censors the whole query string, names included (a name may be the token)', () => {
    expect(redactUrl('/card?pin=1234&x=1')).toBe('/card?[redacted]');
    expect(redactUrl('/k?Password=abc#f')).toBe('/k?[redacted]');
    expect(redactUrl(`/health?${FAKE_TOKEN}`)).toBe('/health?[redacted]');
    expect(redactUrl('/requests')).toBe('/requests');
  });
});
