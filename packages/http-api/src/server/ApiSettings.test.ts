import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLoopback, parseApiSettings } from './ApiSettings.js';

const TOKEN = 'a-token-of-at-least-sixteen-characters';

describe('parseApiSettings', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ehealth-cert-api-settings-'));
    await writeFile(join(dir, 'token'), `${TOKEN}\n`);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('binds 127.0.0.1:8080 in prd by default (as the CLI) and reads the token file', () => {
    const settings = parseApiSettings(['--token-file', join(dir, 'token')], {});
    expect(settings).toMatchObject({ env: 'prd', host: '127.0.0.1', port: 8080, auth: { kind: 'token', token: TOKEN } });
  });

  it('resolves a relative keystore folder against the working directory', () => {
    expect(parseApiSettings(['--env', 'acc', '--no-auth', '--keystore-dir', 'ks'], {}, '/srv')).toMatchObject({ keystoreDir: '/srv/ks' });
  });

  it('takes the CLI environment names', () => {
    const settings = parseApiSettings([], {
      EHEALTH_CERT_ENV: 'sim',
      EHEALTH_CERT_API_TOKEN: TOKEN,
      EHEALTH_CERT_KEYSTORE_DIR: '/k',
      EHEALTH_CERT_PKCS11_MODULE: '/m.so',
      EHEALTH_CERT_ENDPOINT_BASE: 'http://127.0.0.1:9000',
      SOFTHSM2_CONF: '/c/softhsm2.conf',
    });
    expect(settings).toMatchObject({
      env: 'sim',
      keystoreDir: '/k',
      pkcs11Module: '/m.so',
      endpointBase: 'http://127.0.0.1:9000',
      softhsmConf: '/c/softhsm2.conf',
    });
  });

  it('requires a token unless --no-auth', () => {
    expect(() => parseApiSettings([], {})).toThrow(/bearer token is required/);
    expect(parseApiSettings(['--env', 'acc', '--no-auth'], {})).toMatchObject({ auth: { kind: 'none' } });
  });

  it('refuses --no-auth on a host other machines can reach', () => {
    expect(() => parseApiSettings(['--env', 'acc', '--no-auth', '--host', '0.0.0.0'], {})).toThrow(/--host "0.0.0.0".*loopback.*--no-auth/);
  });

  it('refuses --no-auth with --env prd, given or by default, naming both options', () => {
    for (const [argv, env] of [[['--no-auth'], {}], [['--no-auth', '--env', 'prd'], {}], [['--no-auth'], { EHEALTH_CERT_ENV: 'PRD' }]] as const) {
      expect(() => parseApiSettings(argv, env)).toThrow(/--no-auth is refused with --env prd.*--token-file/);
    }
    let caught: unknown;
    try {
      parseApiSettings(['--no-auth'], {});
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'INVALID_INPUT', details: { field: '--no-auth', rule: 'no-auth-not-with-env-prd' } });
    expect(parseApiSettings(['--no-auth', '--env', 'sim'], {})).toMatchObject({ auth: { kind: 'none' } });
  });

  it('reads --allowed-host (repeatable) or EHEALTH_CERT_API_ALLOWED_HOSTS, normalised, and refuses what is no host name', () => {
    const token = ['--token-file', join(dir, 'token')];
    expect(parseApiSettings([...token, '--allowed-host', 'Certs.Example.org', '--allowed-host', '::1'], {})).toMatchObject({
      allowedHosts: ['certs.example.org', '[::1]'],
    });
    expect(parseApiSettings(token, { EHEALTH_CERT_API_ALLOWED_HOSTS: 'a.example, 192.0.2.1' })).toMatchObject({ allowedHosts: ['a.example', '192.0.2.1'] });
    expect(parseApiSettings(token, {})).not.toHaveProperty('allowedHosts');
    for (const bad of ['https://a.example', 'a.example:8080', 'a b', 'a.example/x']) {
      expect(() => parseApiSettings([...token, '--allowed-host', bad], {}), bad).toThrow(/--allowed-host ".*" is invalid: expected a host name or an IP address/);
    }
  });

  it('keeps the token file name (its mode is checked at start), never with --no-auth', () => {
    expect(parseApiSettings(['--token-file', join(dir, 'token')], {})).toMatchObject({ tokenFile: join(dir, 'token') });
    expect(parseApiSettings([], { EHEALTH_CERT_API_TOKEN: TOKEN })).not.toHaveProperty('tokenFile');
  });

  it('refuses a short token without quoting it', () => {
    expect(() => parseApiSettings([], { EHEALTH_CERT_API_TOKEN: 'short-secret' })).toThrow(/12 characters; at least 16/);
    expect(() => parseApiSettings([], { EHEALTH_CERT_API_TOKEN: 'short-secret' })).not.toThrow(/short-secret/);
  });

  it('names the field of a bad value', () => {
    expect(() => parseApiSettings(['--env', 'test', '--no-auth'], {})).toThrow(/--env "test"/);
    expect(() => parseApiSettings(['--port', '99999', '--no-auth'], {})).toThrow(/--port "99999"/);
    expect(() => parseApiSettings(['--tls-key', 'k.pem', '--no-auth'], {})).toThrow(/--tls-cert/);
  });

  it('reads the rate limit of secret-taking routes', () => {
    expect(parseApiSettings(['--env', 'acc', '--no-auth', '--rate-limit', '60'], {})).toMatchObject({ secretRateLimit: 60 });
    expect(parseApiSettings(['--env', 'acc', '--no-auth'], { EHEALTH_CERT_API_RATE_LIMIT: '5' })).toMatchObject({ secretRateLimit: 5 });
    expect(() => parseApiSettings(['--env', 'acc', '--no-auth', '--rate-limit', '0'], {})).toThrow(/--rate-limit "0"/);
  });

  it('defaults to port 8443 with TLS', () => {
    expect(parseApiSettings(['--env', 'acc', '--no-auth', '--tls-key', 'k', '--tls-cert', 'c'], {})).toMatchObject({ port: 8443, tls: { keyFile: 'k', certFile: 'c' } });
  });
});

describe('isLoopback', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['::1', true],
    ['localhost', true],
    ['0.0.0.0', false],
    ['::', false],
    ['192.168.1.10', false],
  ])('%s -> %s', (host, expected) => {
    expect(isLoopback(host)).toBe(expected);
  });
});
