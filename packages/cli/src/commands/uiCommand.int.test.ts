import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../runCli.js';
import { captureIo } from '../test-support/captureIo.js';
import { USUAL_WIZARD_PORT } from '../web-ui/launchWizard.js';

// `ehealth-cert ui` runs the built ehealth-cert-api (npm run build) as a child process, env sim.
describe('ehealth-cert ui', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('serves the wizard on loopback (another port when its usual one is taken), trades the one-time ticket for a token once, and stops the API on Ctrl-C', async () => {
    dir = await mkdtemp(join(tmpdir(), 'ehealth-cert-ui-'));
    // The usual port taken (by this test, or a wizard already running): any free port instead.
    const squatter = createServer();
    const squatting = await new Promise<boolean>((resolve) => {
      squatter.once('error', () => resolve(false));
      squatter.listen(USUAL_WIZARD_PORT, '127.0.0.1', () => resolve(true));
    });
    const abort = new AbortController();
    const captured = captureIo({ PATH: process.env['PATH'], HOME: dir, LANG: 'fr_BE.UTF-8' }, dir);
    const running = runCli(['ui', '--env', 'sim', '--keystore-dir', join(dir, 'keystore'), '--no-open'], { ...captured.io, signal: abort.signal });
    let said = '';
    for (let waited = 0; !/#ticket=/.test(said) && waited < 60_000; waited += 200) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      said = captured.stdout();
    }
    const url = /(http:\/\/127\.0\.0\.1:\d+\/ui\/)#ticket=([\w-]+)/.exec(said);
    expect(url, said + captured.stderr()).not.toBeNull();
    const [, page, ticket] = url!;
    expect(new URL(page!).port).not.toBe(String(USUAL_WIZARD_PORT));
    if (squatting) squatter.close();
    const base = new URL('..', page).href.replace(/\/$/, '');

    expect((await fetch(page!)).status).toBe(200);
    // The API needs the token; the ticket gives it once.
    expect((await fetch(`${base}/card`)).status).toBe(401);
    const session = await fetch(`${base}/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ticket }) });
    expect(session.status).toBe(200);
    const { token } = (await session.json()) as { token: string };
    expect(token.length).toBeGreaterThanOrEqual(32);
    expect(said).not.toContain(token);
    expect((await fetch(`${base}/card`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    const again = await fetch(`${base}/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ticket }) });
    expect(again.status).toBe(401);

    abort.abort();
    expect(await running).toBe(0);
    await expect(fetch(`${base}/health`)).rejects.toThrow();
  }, 120_000);

  it('demo --ui serves the wizard with the demo\'s fake card (its PIN said) and stops on Ctrl-C', async () => {
    dir = await mkdtemp(join(tmpdir(), 'ehealth-cert-demo-ui-'));
    const abort = new AbortController();
    const captured = captureIo({ PATH: process.env['PATH'], HOME: dir, LANG: 'en_GB.UTF-8' }, dir);
    const running = runCli(['demo', '--ui', '--no-open', '--port', '0', '--dir', join(dir, 'demo')], { ...captured.io, signal: abort.signal });
    let said = '';
    for (let waited = 0; !/#ticket=/.test(said) && waited < 90_000; waited += 200) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      said = captured.stdout();
    }
    expect(said).toMatch(/Step 1\b/);
    expect(said).toContain("the fake card's PIN is 1234");
    const [, page, ticket] = /(http:\/\/127\.0\.0\.1:\d+\/ui\/)#ticket=([\w-]+)/.exec(said) ?? [];
    const base = new URL('..', page).href.replace(/\/$/, '');
    const session = await fetch(`${base}/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ticket }) });
    const { token } = (await session.json()) as { token: string };
    const card = (await (await fetch(`${base}/card`, { headers: { authorization: `Bearer ${token}` } })).json()) as { holder: { tokenSerial: string } };
    // The demo's card, kept in its folder, is the one the API reads.
    const demoCard = JSON.parse(await readFile(join(dir, 'demo', 'card.json'), 'utf8')) as { tokenSerial: string };
    expect(card.holder.tokenSerial).toBe(demoCard.tokenSerial);
    abort.abort();
    expect(await running).toBe(0);
  }, 150_000);
});
