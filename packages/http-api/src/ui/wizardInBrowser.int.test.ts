import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeApp } from '../testing/fakeApp.js';

// The web wizard served by this API, in the system Chromium (Debian package chromium, installed by
// scripts/ensure-setup.mjs --tests), over core's in-memory fakes: what the features do not show.
const TICKET = 'wizard-ticket-0123456789abcdef';
const REFERENCE = 'ab'.repeat(20);

let browser: Browser;

beforeAll(async () => {
  // playwright-core gives the browser a fresh temporary profile; each test gets its own context
  // (its own localStorage), since two servers in a row may get the same port, hence origin.
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('the web wizard in a browser', () => {
  let app: FastifyInstance | undefined;
  let context: BrowserContext | undefined;
  afterEach(async () => {
    await context?.close();
    await app?.close();
  });

  async function open() {
    const built = await fakeApp({ uiTicket: TICKET });
    app = built.app;
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    context = await browser.newContext({ viewport: { width: 1024, height: 768 }, locale: 'fr-BE' });
    const page: Page = await context.newPage();
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

  it('sends the request again with a new Idempotency-Key after a wrong PIN at step 14 (the server keeps the failed job under the first)', async () => {
    const { page, world } = await open();
    const next = () => page.getByRole('button', { name: 'Suivant', exact: true }).click();
    await next();
    await page.getByRole('button', { name: 'Demandez un nouveau certificat' }).click();
    await page.getByLabel('J’accepte les conditions générales').check();
    await next();
    await page.getByRole('button', { name: 'Je suis Belge ou mon domicile est en Belgique' }).click();
    await next();
    await page.getByRole('button', { name: 'Mon organisation (pharmacie, labo,…)' }).click();
    await page.getByLabel('Code PIN', { exact: true }).fill('1234');
    await page.getByRole('button', { name: 'OK' }).click();
    await page.locator('main[data-screen="8A"]').waitFor();
    await next();
    await next();
    await page.getByLabel('Votre adresse e-mail', { exact: true }).fill('alice@example.be');
    await page.getByLabel('Adresse e-mail générique de l’organisation', { exact: true }).fill('info@example.be');
    await next();
    // Step 10's rules are core's, checked in the page before anything is sent, said in French.
    const missingPhone = page.locator('[role="alert"][data-code="INVALID_CONTACT_DATA"]');
    await missingPhone.waitFor();
    expect(await missingPhone.innerText()).toContain('Votre numéro de téléphone — obligatoire');
    await page.getByLabel('Votre numéro de téléphone', { exact: true }).fill('02 123 45 67');
    await next();
    await page.getByLabel('Mot de passe du keystore', { exact: true }).fill('Tulipe-Horloge-Brouillard-42');
    await page.getByLabel('Confirmez le mot de passe', { exact: true }).fill('Tulipe-Horloge-Brouillard-42');
    await next();
    await page.getByLabel('J’accepte ce contrat').check();
    await next();
    await next();
    await page.getByLabel('Code PIN', { exact: true }).fill('9999');
    await page.getByRole('button', { name: 'OK' }).click();
    await page.locator('[role="alert"][data-code="PIN_INCORRECT"]').waitFor();
    await page.getByLabel('Code PIN', { exact: true }).fill('1234');
    await page.getByRole('button', { name: 'OK' }).click();
    await page.locator('main[data-screen="15"]').waitFor();
    expect(await page.locator('[data-secret-key]').textContent()).toMatch(/^[0-9a-f]{40}$/);
    // One request went to eHealth; the first attempt (wrong PIN) never left and is recorded as unsent (issue 13).
    expect((await world.pending.list()).map((r) => r.lastStatus).sort()).toEqual(['sent', 'unsent']);
  });
});
