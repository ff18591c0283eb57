import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeApp } from '../testing/fakeApp.js';

// The web wizard served by this API, in the system Chromium (Debian package chromium, installed by
// scripts/ensure-setup.mjs --tests), over core's in-memory fakes: what the features do not show.
const TICKET = 'wizard-ticket-0123456789abcdef';
const REFERENCE = 'ab'.repeat(20);

let profile: string;
let browser: BrowserContext;

beforeAll(async () => {
  profile = await mkdtemp(join(tmpdir(), 'wizard-chromium-'));
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1024, height: 768 },
    locale: 'fr-BE',
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await rm(profile, { recursive: true, force: true });
});

describe('the web wizard in a browser', () => {
  let app: FastifyInstance | undefined;
  let page: Page | undefined;
  afterEach(async () => {
    await page?.close();
    await app?.close();
  });

  async function open() {
    const built = await fakeApp({ uiTicket: TICKET });
    app = built.app;
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    page = await browser.newPage();
    await page.goto(`${url}/ui/#ticket=${TICKET}`);
    await page.locator('main[data-screen="2"][aria-busy="false"]').waitFor();
    return { ...built, url, page };
  }

  it('removes the ticket from the address bar and speaks French, Dutch and English', async () => {
    const { page } = await open();
    expect(new URL(page.url()).hash).toBe('');
    expect(await page.locator('main .step').textContent()).toBe('Étape 2');
    await page.getByLabel('Langue').selectOption('nl');
    expect(await page.locator('main .step').textContent()).toBe('Stap 2');
    expect(await page.locator('h1').textContent()).toBe('Welkom');
    await page.getByLabel('Taal').selectOption('en');
    expect(await page.locator('h1').textContent()).toBe('Welcome');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
  });

  it('shows a request interrupted by a closed page on the next visit, with its progress, then its secret key', async () => {
    const { page, deps } = await open();
    let finish: () => void = () => undefined;
    const job = deps.jobs.start('certificate-request', async () => {
      deps.jobs.progress.report({ step: '14', activity: 'card.sign', phase: 'start' });
      await new Promise<void>((resolve) => (finish = resolve));
      return { status: 'submitted', reference: REFERENCE, automaticallyValidated: true, keystore: 'k.p12', dn: 'CN=x', certificateName: 'x', secretKeyFile: 'k.txt' };
    });
    // What the page keeps while step 14 runs; then the page is closed and opened again.
    await page.evaluate(`localStorage.setItem('ehealth-cert.inflight', JSON.stringify({ jobId: '${job.id}', kind: 'request' }))`);
    await page.reload();
    await page.locator('main[data-screen="resume"]').waitFor();
    await expect.poll(() => page.locator('main').innerText()).toContain('Signature avec la carte eID');
    expect(await page.locator('main').innerText()).toContain('se poursuit');
    finish();
    await page.locator('main[data-screen="15"]').waitFor();
    expect(await page.locator('[data-secret-key]').textContent()).toBe(REFERENCE);
    expect(await page.evaluate(`localStorage.getItem('ehealth-cert.inflight')`)).toBeNull();
  });

  it('says when the server no longer knows the interrupted operation, and leads to the requests to complete', async () => {
    const { page } = await open();
    await page.evaluate(`localStorage.setItem('ehealth-cert.inflight', JSON.stringify({ jobId: '00000000-0000-4000-8000-000000000000', kind: 'request' }))`);
    await page.reload();
    await page.locator('main[data-screen="resume"][aria-busy="false"]').waitFor();
    expect(await page.locator('main').innerText()).toContain('n’est plus connue du serveur');
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.locator('main[data-screen="16"]').waitFor();
  });

  it('keeps the PIN field masked and empties it once used, whatever the outcome', async () => {
    const { page } = await open();
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByRole('button', { name: 'Demandez un nouveau certificat' }).click();
    await page.getByLabel('J’accepte les conditions générales').check();
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByRole('button', { name: 'Je suis Belge ou mon domicile est en Belgique' }).click();
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByRole('button', { name: 'Mon organisation (pharmacie, labo,…)' }).click();
    const pin = page.getByLabel('Code PIN', { exact: true });
    expect(await pin.getAttribute('type')).toBe('password');
    await pin.fill('9999');
    await page.getByRole('button', { name: 'OK' }).click();
    await page.locator('[role="alert"][data-code="PIN_INCORRECT"]').waitFor();
    expect(await pin.inputValue()).toBe('');
  });
});
