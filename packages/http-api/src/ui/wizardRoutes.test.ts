import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { fakeApp } from '../testing/fakeApp.js';

describe('GET /ui/ (the web wizard\'s files)', () => {
  let app: FastifyInstance | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await app?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function withAssets() {
    dir = await mkdtemp(join(tmpdir(), 'wizard-assets-'));
    const assets = join(dir, 'ui');
    await mkdir(join(assets, 'assets'), { recursive: true });
    await writeFile(join(assets, 'index.html'), '<!doctype html><title>wizard</title>');
    await writeFile(join(assets, 'assets', 'index.js'), 'console.log(1)');
    await writeFile(join(dir, 'outside-wizard.txt'), 'secret');
    return assets;
  }

  it('serves the page and its scripts without a token, with a strict content security policy', async () => {
    ({ app } = await fakeApp({ wizardAssetsDir: await withAssets() }));
    const page = await app.inject('/ui/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('<title>wizard</title>');
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['content-security-policy']).toContain("connect-src 'self'");
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    const script = await app.inject('/ui/assets/index.js');
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect((await app.inject('/ui')).headers.location).toBe('/ui/');
  });

  it('serves nothing outside the wizard\'s folder, and the API routes still need the token', async () => {
    ({ app } = await fakeApp({ wizardAssetsDir: await withAssets() }));
    expect((await app.inject('/ui/../outside-wizard.txt')).statusCode).not.toBe(200);
    expect((await app.inject('/ui/%2e%2e/outside-wizard.txt')).statusCode).not.toBe(200);
    expect((await app.inject('/card')).statusCode).toBe(401);
  });

  it('serves the wizard built by npm run build by default', async () => {
    ({ app } = await fakeApp());
    const page = await app.inject('/ui/');
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<script type="module"[^>]*src="\.\/assets\/index-[\w-]+\.js"/);
  });
});
