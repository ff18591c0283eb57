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

  it('marks the current keystore of each certificate; the files completion replaced are listed, as superseded, on request', async () => {
    const { app: built, world } = await fakeApp();
    app = built;
    const completed = await completedKeystore(world);
    const list = (await app.inject({ url: '/keystores', headers: authorized() })).json();
    expect(list.keystores).toEqual([expect.objectContaining({ name: basename(completed.keystorePath), state: 'current' })]);
    const answer = await app.inject({ url: '/keystores?includeSuperseded=true', headers: authorized() });
    expect(answer.statusCode, answer.body).toBe(200);
    const all = answer.json();
    const superseded = all.keystores.filter((file: { state: string }) => file.state === 'superseded');
    // The request keystore and the one before the ETK, moved aside by the completion.
    expect(superseded).toHaveLength(2);
    expect(superseded.every((file: { name: string }) => /^superseded\/[^/]+$/.test(file.name))).toBe(true);
    expect(all.keystores.filter((file: { state: string }) => file.state === 'current')).toHaveLength(1);
    expect(JSON.stringify(all)).not.toContain(dirname(completed.keystorePath));
  });

  it('answers a PKCS#12 without an "authentication" key with 409 KEYSTORE_NOT_EHEALTH, its own problem type, not "damaged"', async () => {
    const { app: built, world } = await fakeApp();
    app = built;
    const completed = await completedKeystore(world);
    const key = (await world.vault.open(completed.keystorePath, world.password)).entries.find((entry) => entry.kind === 'key');
    const other = await world.vault.save('SSIN=85073003328', { entries: [{ ...key!, alias: 'tomcat' }] }, world.password);
    const response = await app.inject({
      method: 'POST',
      url: `/keystores/${encodeURIComponent(basename(other))}/inspection`,
      headers: { ...authorized(), 'accept-language': 'fr' },
      payload: { password: world.password },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ type: 'urn:ehealth-cert:problem:KEYSTORE_NOT_EHEALTH', code: 'KEYSTORE_NOT_EHEALTH', details: { aliases: ['tomcat'] } });
    expect(response.json().detail).toMatch(/pas un keystore eHealth/);
  });

  it('writes the keystore in the format the body chooses, and refuses an unknown format naming the field and the values', async () => {
    const { app: built, world } = await fakeApp();
    app = built;
    const completed = await completedKeystore(world);
    const url = `/keystores/${encodeURIComponent(basename(completed.keystorePath))}/password`;
    const bad = await app.inject({ method: 'POST', url, headers: authorized(), payload: { password: world.password, newPassword: NEW_PASSWORD, keystoreFormat: 'pkcs12-3des' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'body.keystoreFormat', rule: 'enum', allowed: ['modern', 'legacy'] } });
    expect(bad.json().detail).toContain('body.keystoreFormat must be one of: modern, legacy');
    expect(bad.body).not.toContain('pkcs12-3des');
    const legacy = await app.inject({ method: 'POST', url, headers: authorized(), payload: { password: world.password, newPassword: NEW_PASSWORD, keystoreFormat: 'legacy' } });
    expect(legacy.statusCode).toBe(200);
    expect(world.vault.written(`${dirname(completed.keystorePath)}/${legacy.json().keystore}`)?.format).toBe('legacy');
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

  it('changes the password into a new file and says where the old one is kept (superseded/)', async () => {
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
    expect(previousKeystore).toBe(`superseded/${name}`);
    expect(world.vault.supersededFiles.has(`${dirname(completed.keystorePath)}/superseded/${name}`)).toBe(true);
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
