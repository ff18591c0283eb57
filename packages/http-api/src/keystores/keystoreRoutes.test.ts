import { basename, dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { completedKeystore, submitRequest } from '@ehealth-cert/core/testing';
import { authorized } from '../testing/authorized.js';
import { fakeApp } from '../testing/fakeApp.js';

const NEW_PASSWORD = 'violet pelican orbits quietly 9';

describe('keystore routes', () => {
  let app: FastifyInstance;
  afterEach(() => app.close());

  it('lists the keystores by file name and shows one by file name or by certificate name', async () => {
    const { app: built, world } = await fakeApp();
    app = built;
    const completed = await completedKeystore(world);
    const list = (await app.inject({ url: '/keystores', headers: authorized() })).json();
    expect(list.keystores.length).toBeGreaterThanOrEqual(1);
    expect(list.keystores.every((file: { name: string }) => !file.name.includes('/'))).toBe(true);
    const name = basename(completed.keystorePath);
    const byFile = await app.inject({ url: `/keystores/${encodeURIComponent(name)}`, headers: authorized() });
    expect(byFile.json()).toMatchObject({ name, environment: 'acc' });
    const byBaseName = await app.inject({ url: `/keystores/${encodeURIComponent(byFile.json().baseName)}`, headers: authorized() });
    expect(byBaseName.json().name).toBe(name);
  });

  it('inspects a completed keystore with its password: DN, dates, renewal window, ETK serial', async () => {
    const { app: built, world } = await fakeApp();
    app = built;
    const completed = await completedKeystore(world);
    const response = await app.inject({
      method: 'POST',
      url: `/keystores/${encodeURIComponent(basename(completed.keystorePath))}/inspection`,
      headers: authorized(),
      payload: { password: world.password },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      keystore: basename(completed.keystorePath),
      authentication: { state: 'issued', reference: completed.reference, dn: completed.dn, renewalState: 'too-early' },
      etkSerials: [completed.etkSerial],
    });
    expect(response.body).not.toContain(world.password);
  });

  it('shows a pending keystore as pending', async () => {
    const { app: built, world } = await fakeApp();
    app = built;
    world.registry.issueAutomatically = false;
    const submitted = await submitRequest(world);
    const response = await app.inject({
      method: 'POST',
      url: `/keystores/${encodeURIComponent(basename(submitted.keystorePath))}/inspection`,
      headers: authorized(),
      payload: { password: world.password },
    });
    expect(response.json().authentication).toEqual({ state: 'pending', reference: submitted.reference });
  });

  it('changes the password into a new file and keeps the old one', async () => {
    const { app: built, world } = await fakeApp();
    app = built;
    const completed = await completedKeystore(world);
    const name = basename(completed.keystorePath);
    const response = await app.inject({
      method: 'POST',
      url: `/keystores/${encodeURIComponent(name)}/password`,
      headers: authorized(),
      payload: { password: world.password, newPassword: NEW_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    const { keystore, previousKeystore } = response.json();
    expect(previousKeystore).toBe(name);
    expect(keystore).not.toBe(name);
    expect(response.body).not.toContain(NEW_PASSWORD);
    const reopened = await app.inject({
      method: 'POST',
      url: `/keystores/${encodeURIComponent(keystore)}/inspection`,
      headers: authorized(),
      payload: { password: NEW_PASSWORD },
    });
    expect(reopened.statusCode).toBe(200);
  });

  it('answers a wrong password with 422 naming the keystore by file name; only the server log has its path', async () => {
    const lines: string[] = [];
    const stream = { write: (line: string) => lines.push(line) };
    const { app: built, world } = await fakeApp({}, { logger: { level: 'info', stream } });
    app = built;
    const completed = await completedKeystore(world);
    const name = basename(completed.keystorePath);
    const response = await app.inject({
      method: 'POST',
      url: `/keystores/${encodeURIComponent(name)}/inspection`,
      headers: authorized(),
      payload: { password: 'guess guess guess' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'KEYSTORE_PASSWORD_WRONG', details: { keystore: name } });
    expect(response.json().detail).toContain(name);
    expect(response.body).not.toContain(dirname(completed.keystorePath));
    const refused = lines.map((line) => JSON.parse(line) as { msg: string; paths?: Record<string, string> }).find(({ msg }) => msg === 'request refused');
    expect(refused?.paths).toEqual({ path: completed.keystorePath });
    expect(lines.join('')).not.toContain('guess guess guess');
  });

  it('refuses a weak new password with 400 WEAK_PASSWORD and a wrong current one with 422', async () => {
    const { app: built, world } = await fakeApp();
    app = built;
    const completed = await completedKeystore(world);
    const url = `/keystores/${encodeURIComponent(basename(completed.keystorePath))}/password`;
    const weak = await app.inject({ method: 'POST', url, headers: authorized(), payload: { password: world.password, newPassword: 'short' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ code: 'WEAK_PASSWORD' });
    const wrong = await app.inject({ method: 'POST', url, headers: authorized(), payload: { password: 'guess guess guess', newPassword: NEW_PASSWORD } });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({ code: 'KEYSTORE_PASSWORD_WRONG' });
  });

  it('refuses a name with a slash (no path into other folders)', async () => {
    const { app: built } = await fakeApp();
    app = built;
    const response = await app.inject({ url: `/keystores/${encodeURIComponent('../etc/passwd')}`, headers: authorized() });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ details: { field: 'params.name', rule: 'pattern' } });
  });
});
