import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeDeps } from '../testing/fakeApp.js';
import type { ApiSettings } from './ApiSettings.js';
import { hostPolicyOf, startServer, type RunningServer } from './startServer.js';
import { startupWarnings } from './startupWarnings.js';

const TOKEN = 'reach-token-0123456789abcdef';

function capture() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  return { text: () => chunks.join(''), stream };
}

/** One HTTP/1.1 GET with the given Host header (fetch may not set Host). */
function getWithHost(url: string, path: string, host: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request_ = request(`${url}${path}`, { headers: { host, ...headers } }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request_.on('error', reject);
    request_.end();
  });
}

/** A raw HTTP/1.0 request without any Host header. */
function getWithoutHost(url: string, path: string) {
  const { hostname, port } = new URL(url);
  return new Promise<string>((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(`GET ${path} HTTP/1.0\r\n\r\n`));
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
}

describe('the API reachable by a browser: a listening server', () => {
  let dir: string;
  let server: RunningServer | undefined;
  const settingsOf = (overrides: Partial<ApiSettings> = {}): ApiSettings => ({
    env: 'acc',
    host: '127.0.0.1',
    port: 0,
    auth: { kind: 'token', token: TOKEN },
    keystoreDir: dir,
    logLevel: 'info',
    publicDocs: false,
    ...overrides,
  });
  const start = (settings: ApiSettings, log = capture(), warnings = capture()) =>
    startServer(settings, { compose: async () => ({ deps: fakeDeps({ auth: settings.auth }).deps, close: async () => undefined }), logStream: log.stream, warningStream: warnings.stream });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ehealth-cert-api-reach-'));
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('answers its loopback names with the bound port, refuses a rebinding name and a request without Host', async () => {
    server = await start(settingsOf());
    const port = new URL(server.url).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      expect((await getWithHost(server.url, '/health', host)).status, host).toBe(200);
    }
    const rebound = await getWithHost(server.url, '/keystores', `evil.example:${port}`, { authorization: `Bearer ${TOKEN}` });
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.body)).toMatchObject({ code: 'HOST_NOT_ALLOWED', details: { rule: 'allowed-host' } });
    expect(await getWithoutHost(server.url, '/health')).toMatch(/^HTTP\/1\.[01] 403[\s\S]*HOST_NOT_ALLOWED/);
  });

  it('answers the names given with --allowed-host', async () => {
    server = await start(settingsOf({ allowedHosts: ['certs.example.org'] }));
    expect((await getWithHost(server.url, '/health', 'certs.example.org')).status).toBe(200);
    expect((await getWithHost(server.url, '/health', 'other.example.org')).status).toBe(403);
  });

  it('refuses a token in the query string and writes neither it nor any query string to the log', async () => {
    const log = capture();
    server = await start(settingsOf(), log);
    for (const path of [`/keystores?access_token=${TOKEN}`, `/health?x=${TOKEN}`, `/ui/?${TOKEN}`, `/keystores?token=${TOKEN}&status=pending`]) {
      const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(response.status, path).toBe(400);
      expect(await response.json()).toMatchObject({ code: 'TOKEN_IN_QUERY' });
    }
    await server.close();
    server = undefined;
    expect(log.text()).toContain('?[redacted]');
    expect(log.text()).toContain('TOKEN_IN_QUERY');
    expect(log.text()).not.toContain(TOKEN);
    expect(log.text()).not.toContain('access_token');
  });

  it('warns at start, on stderr and in the log, when the token file is readable by group or others; not when it is 0600', async () => {
    const file = join(dir, 'token');
    await writeFile(file, `${TOKEN}\n`);
    await chmod(file, 0o644);
    const log = capture();
    const warnings = capture();
    server = await start(settingsOf({ tokenFile: file }), log, warnings);
    expect(warnings.text()).toMatch(/^ehealth-cert-api: warning: the token file .*token is readable or writable by other users of this machine \(mode 0644\): run "chmod 600 /);
    expect(log.text()).toMatch(/"level":40.*"code":"TOKEN_FILE_READABLE_BY_OTHERS"/);
    expect(warnings.text() + log.text()).not.toContain(TOKEN);
    await server.close();
    await chmod(file, 0o600);
    const quiet = capture();
    server = await start(settingsOf({ tokenFile: file }), capture(), quiet);
    expect(quiet.text()).toBe('');
  });

  it('refuses to start without a token in prd, even when the settings come from code', async () => {
    await expect(start(settingsOf({ env: 'prd', auth: { kind: 'none' } }))).rejects.toThrow(/--no-auth is refused with --env prd/);
  });
});

describe('startupWarnings', () => {
  it('warns about a non-loopback address without TLS, saying what to do', () => {
    const [warning] = startupWarnings({ host: '192.0.2.10', allowedHosts: ['certs.example.org'] });
    expect(warning).toMatchObject({ code: 'NO_TLS_OFF_LOOPBACK' });
    expect(warning?.message).toMatch(/192\.0\.2\.10 without TLS.*--tls-cert F --tls-key F.*reverse proxy/);
    expect(startupWarnings({ host: '192.0.2.10', tls: { keyFile: 'k', certFile: 'c' } })).toEqual([]);
    expect(startupWarnings({ host: '127.0.0.1' })).toEqual([]);
    expect(startupWarnings({ host: '::1' })).toEqual([]);
  });

  it('warns that an all-addresses bind answers only loopback names until --allowed-host names others', () => {
    expect(startupWarnings({ host: '0.0.0.0' }).map((w) => w.code)).toEqual(['NO_TLS_OFF_LOOPBACK', 'WILDCARD_HOST_NAMES']);
    expect(startupWarnings({ host: '::', tls: { keyFile: 'k', certFile: 'c' }, allowedHosts: ['a.example'] })).toEqual([]);
  });
});

describe('hostPolicyOf', () => {
  it('answers the loopback names, a particular bound address, and the --allowed-host names', () => {
    expect(hostPolicyOf({ host: '127.0.0.1' }).names).toEqual(['127.0.0.1', 'localhost', '[::1]']);
    expect(hostPolicyOf({ host: '192.0.2.10', allowedHosts: ['certs.example.org'] }).names).toEqual(['127.0.0.1', 'localhost', '[::1]', '192.0.2.10', 'certs.example.org']);
    expect(hostPolicyOf({ host: 'fd00::5' }).names).toContain('[fd00::5]');
    expect(hostPolicyOf({ host: '0.0.0.0' }).names).toEqual(['127.0.0.1', 'localhost', '[::1]']);
    expect(hostPolicyOf({ host: '::' }).names).toEqual(['127.0.0.1', 'localhost', '[::1]']);
  });
});
