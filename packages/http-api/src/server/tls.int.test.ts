import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { get } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeDeps } from '../testing/fakeApp.js';
import type { ApiSettings } from './ApiSettings.js';
import { startServer, type RunningServer } from './startServer.js';

describe('TLS', () => {
  let dir: string;
  let server: RunningServer;
  let ca: Buffer;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ehealth-cert-api-tls-'));
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], {
      stdio: 'ignore',
    });
    ca = await readFile(cert);
    const settings: ApiSettings = {
      env: 'acc',
      host: '127.0.0.1',
      port: 0,
      auth: { kind: 'none' },
      tls: { keyFile: key, certFile: cert },
      keystoreDir: dir,
      logLevel: 'silent',
      publicDocs: false,
    };
    server = await startServer(settings, { compose: async () => ({ deps: fakeDeps().deps, close: async () => undefined }) });
  });

  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves HTTPS with the given key and certificate when --tls-key and --tls-cert are set', async () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const body = await new Promise<string>((resolve, reject) => {
      get(`${server.url}/health`, { ca }, (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve(text));
      }).on('error', reject);
    });
    expect(JSON.parse(body)).toMatchObject({ status: 'ok' });
  });

  it('does not answer plain HTTP', async () => {
    await expect(fetch(server.url.replace('https:', 'http:') + '/health')).rejects.toThrow();
  });
});
