import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Locator, Page } from 'playwright-core';
import { buildApp, type ApiComposition } from '@ehealth-cert/http-api';
import type { InProcessEhealth } from '../scene/InProcessEhealth.js';
import { REPOSITORY_ROOT } from '../scene/repositoryPaths.js';
import { composeScenarioApi } from './composeScenarioApi.js';
import type { CompletionView, Driver, KeystoreAccess, KeystoreView, OrganisationView, RequestDraft, RequestView } from './Driver.js';
import type { DriverScene } from './DriverScene.js';
import { headlessChromium } from './headlessChromium.js';
import { LOW_CONTRAST_TEXTS } from './lowContrastTexts.js';
import { failure, success, type Outcome } from './Outcome.js';

/** Where the screenshots of each step (in French) go: `reports/` is git-ignored. */
const SCREENSHOTS = join(REPOSITORY_ROOT, 'reports', 'web-wizard');
/** The screens of the automatic path (steps 2-15): photographed by the keyboard-only scenario. */
const AUTOMATIC_PATH = new Set(['2', '3', '4', '5', '6', '7', '8A', '9A', '10', '11', '12', '13', '14', '15', 'sent', 'wait']);
/** The other screens this worker photographed already (once per run is enough). */
const photographed = new Set<string>();
/** Longest a screen may take to answer: a request signs with the card and calls eHealth. */
const SCREEN_TIMEOUT_MS = 45_000;

/**
 * The web wizard in headless Chromium, as a person uses it: the API (composeApi + buildApp,
 * as ehealth-cert-api composes it) listens on 127.0.0.1 with a token and a one-time ticket, and
 * the page opens `/ui/#ticket=...` like `ehealth-cert ui` does. Every action goes through the
 * screens (French labels), and what the person is told is read from them. With the `@clavier` tag
 * the keyboard alone is used: Tab to each control, Enter / Space / typing. Each screen is checked
 * to fit 1024x768 without horizontal scrolling and for the WCAG contrast minimum of its texts, and
 * photographed into reports/web-wizard/.
 */
export class WebDriver implements Driver {
  readonly name = 'web';
  private server: { container: ApiComposition; app: FastifyInstance; url: string } | undefined;
  private ownSimulator: InProcessEhealth | undefined;
  private current: Page | undefined;
  private readonly keyboardOnly: boolean;

  constructor(private readonly scene: DriverScene) {
    this.keyboardOnly = scene.tags.includes('@clavier');
  }

  async checkIdentifier(): Promise<never> {
    throw new Error('the web wizard checks identifiers only inside step 9M: this scenario is not for the web driver');
  }

  async readCard() {
    return this.after(async (page) => {
      await this.walkTo('5');
      await this.screen('5');
      const holder = page.locator('[data-holder]');
      return { ssin: (await page.locator('[data-ssin]').textContent()) ?? '', givenNames: (await holder.getAttribute('data-given-names')) ?? '', surname: (await holder.getAttribute('data-surname')) ?? '' };
    });
  }

  async listOrganisations(pin: string): Promise<Outcome<readonly OrganisationView[]>> {
    return this.after(() => this.organisationsWithPin(pin));
  }

  /** Steps 6-7 (from wherever the page is), then the drop-down list of step 8A. */
  private async organisationsWithPin(pin: string): Promise<OrganisationView[]> {
    const page = await this.page();
    if ((await this.screenId()) !== '7') {
      await this.walkTo('6');
      await this.press(page.getByRole('button', { name: 'Mon organisation (pharmacie, labo,…)' }));
      await this.screen('7');
    }
    await this.fill(page.getByLabel('Code PIN', { exact: true }), pin);
    await this.press(page.getByRole('button', { name: 'OK', exact: true }));
    await this.screen('8A');
    const options = await page.locator('#organisation option').all();
    return Promise.all(options.map(async (option) => ({ identifier: (await option.getAttribute('value')) ?? '', name: (await option.getAttribute('data-name')) ?? '' })));
  }

  async request(draft: RequestDraft): Promise<Outcome<RequestView>> {
    return this.after(async (page) => {
      // The automatic path goes on from the drop-down list of step 8A when the scenario is there.
      if ((await this.screenId()) !== '8A') await this.organisationsWithPin(draft.pin);
      if (draft.organisation.kind === 'listed') {
        await this.select(page.getByLabel('Organisation', { exact: true }), draft.organisation.identifier);
        await this.next();
        await this.screen('9A');
      } else {
        await this.press(page.getByRole('button', { name: 'Une autre organisation pour laquelle je peux gérer des certificats' }));
        await this.screen('9M');
        await this.select(page.getByLabel('Type d’organisation', { exact: true }), draft.organisation.identifierType);
        await this.fill(page.getByLabel('Identifiant', { exact: true }), draft.organisation.identifierValue);
        await this.fill(page.getByLabel('Nom officiel (BCE)', { exact: true }), draft.organisation.officialName);
      }
      await this.next();
      await this.screen('10');
      await this.fill(page.getByLabel('Votre adresse e-mail', { exact: true }), draft.contactData.emailPrivate);
      await this.fill(page.getByLabel('Adresse e-mail générique de l’organisation', { exact: true }), draft.contactData.emailGeneral);
      await this.fill(page.getByLabel('Votre numéro de téléphone', { exact: true }), draft.contactData.phonePrivate);
      if (draft.applicationId) await this.fill(page.getByLabel('Identifiant d’application (facultatif)', { exact: true }), draft.applicationId);
      await this.next();
      await this.screen('11');
      await this.fill(page.getByLabel('Mot de passe du keystore', { exact: true }), draft.password);
      await this.fill(page.getByLabel('Confirmez le mot de passe', { exact: true }), draft.password);
      await this.next();
      await this.screen('12');
      const overview = (await page.locator('[data-overview]').innerText()).replace(/\s+/g, ' ');
      // eHealth's contract for this request (POST /contracts), shown before anything is sent.
      assert.ok((await page.locator('[data-contract]').innerText()).length > 100, 'the contract of step 12 is shown');
      await this.check(page.getByLabel('J’accepte ce contrat', { exact: true }));
      await this.next();
      await this.screen('13');
      await this.next();
      await this.screen('14');
      await this.fill(page.getByLabel('Code PIN', { exact: true }), draft.pin);
      await this.press(page.getByRole('button', { name: 'OK', exact: true }));
      await this.screen('15');
      const result: RequestView = {
        secretKey: (await page.locator('[data-secret-key]').textContent()) ?? '',
        dn: (await page.locator('[data-dn]').textContent()) ?? '',
        automaticallyValidated: (await page.locator('[data-manual-validation]').count()) === 0,
        keystorePath: join(this.scene.keystoreDir, (await page.locator('[data-keystore]').textContent()) ?? ''),
        overview,
      };
      // The screens after step 15: the confirmation and the wait for eHealth's e-mail.
      await this.press(page.getByRole('button', { name: 'OK', exact: true }));
      await this.screen('sent');
      await this.next();
      await this.screen('wait');
      return result;
    });
  }

  async complete(access: KeystoreAccess): Promise<Outcome<CompletionView>> {
    return this.after(async (page): Promise<CompletionView> => {
      await this.walkTo('3');
      await this.press(page.getByRole('button', { name: 'Complétez la demande de certificat eHealth et ETK' }));
      await this.screen('16');
      const wanted = page.locator(`input[type=radio][data-keystore="${basename(access.keystorePath ?? '')}"]`);
      await this.check(wanted);
      await this.next();
      await this.screen('17');
      await this.fill(page.getByLabel('Mot de passe du keystore (étape 11)', { exact: true }), access.password);
      await this.press(page.getByRole('button', { name: 'Ouvrez keystore' }));
      await this.screen('18');
      await this.press(page.getByRole('button', { name: 'Installez votre certificat et commencez la création de votre eHealth ETK' }));
      if ((await this.screenOneOf(['19', 'pending'])) === 'pending') {
        // eHealth gives no delivery date: the screen states the manual's usual delay, as such.
        assert.match(await page.locator('[data-usual-delay]').innerText(), /Délai habituel.*quelques jours.*pas une promesse/);
        return { status: 'pending' };
      }
      return {
        status: 'installed',
        keystorePath: join(this.scene.keystoreDir, (await page.locator('[data-keystore]').textContent()) ?? ''),
        etkToBeActivated: (await page.locator('[data-etk-to-be-activated]').count()) > 0,
      };
    });
  }

  async renew(): Promise<never> {
    throw new Error('renewal is beyond the manual and has no screen in the web wizard: this scenario is not for the web driver');
  }

  async revoke(): Promise<never> {
    throw new Error('revocation has no screen in the web wizard: this scenario is not for the web driver');
  }

  async activateEtk(): Promise<never> {
    throw new Error('ETK activation has no screen in the web wizard: this scenario is not for the web driver');
  }

  async changePassword(): Promise<never> {
    throw new Error('password change has no screen in the web wizard: this scenario is not for the web driver');
  }

  async inspect(): Promise<Outcome<KeystoreView>> {
    throw new Error('keystore inspection has no screen in the web wizard: this scenario is not for the web driver');
  }

  async exportCertificate(): Promise<never> {
    throw new Error('export has no screen in the web wizard: this scenario is not for the web driver');
  }

  async expiringWithin(): Promise<never> {
    throw new Error('expiry monitoring has no screen in the web wizard: this scenario is not for the web driver');
  }

  async supportTeamDecides(): Promise<never> {
    throw new Error("the simulator's support team has no screen in the web wizard: this scenario is not for the web driver");
  }

  async close(): Promise<void> {
    await this.photograph();
    await this.current?.close();
    await this.server?.app.close();
    await this.server?.container.close();
    await this.ownSimulator?.close();
  }

  /** The scenario's page, opened on its server with the one-time ticket in the fragment. */
  private async page(): Promise<Page> {
    if (this.current) return this.current;
    const token = randomBytes(24).toString('hex');
    const ticket = randomBytes(24).toString('base64url');
    const { container, ownSimulator } = await composeScenarioApi(this.scene, { auth: { kind: 'token', token }, uiTicket: ticket });
    this.ownSimulator = ownSimulator;
    const app = await buildApp(container.deps, { logger: false });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    this.server = { container, app, url };
    const page = await (await headlessChromium()).newPage();
    page.setDefaultTimeout(SCREEN_TIMEOUT_MS);
    this.current = page;
    await page.goto(`${url}/ui/#ticket=${ticket}`);
    await this.screen('2');
    // The ticket left the address bar at once, and cannot be used a second time.
    assert.equal(new URL(page.url()).hash, '');
    return page;
  }

  /** Goes from wherever the page is to `target` (3, 5 or 6) by the manual's first screens. */
  private async walkTo(target: '3' | '5' | '6'): Promise<void> {
    const page = await this.page();
    const at = await this.screenId();
    if (at === target) return;
    if (at !== '2') {
      await page.goto(`${this.server!.url}/ui/`);
      await this.screen('2');
    }
    await this.next();
    await this.screen('3');
    if (target === '3') return;
    await this.press(page.getByRole('button', { name: 'Demandez un nouveau certificat' }));
    await this.screen('4');
    await this.check(page.getByLabel('J’accepte les conditions générales', { exact: true }));
    await this.next();
    await this.screen('5');
    await this.press(page.getByRole('button', { name: 'Je suis Belge ou mon domicile est en Belgique' }));
    if (target === '6') {
      await this.screen('5');
      await this.next();
      await this.screen('6');
    }
  }

  /** The screen on show (`data-screen` of the main element), or '' before the page is open. */
  private async screenId(): Promise<string> {
    if (!this.current) return '';
    await this.settled();
    return (await this.current.locator('main').getAttribute('data-screen')) ?? '';
  }

  /** Waits for the wizard to stop working (no `aria-busy`). */
  private async settled(): Promise<void> {
    await this.current!.locator('main[aria-busy="false"]').waitFor({ timeout: SCREEN_TIMEOUT_MS });
  }

  /** Waits for screen `id` (or a problem shown instead), checks it fits 1024x768, photographs it. */
  private async screen(id: string): Promise<void> {
    await this.screenOneOf([id]);
  }

  private async screenOneOf(ids: readonly string[]): Promise<string> {
    const page = this.current!;
    const selector = ids.map((id) => `main[data-screen="${id}"][aria-busy="false"]`).join(', ');
    await page.locator(`${selector}, main[aria-busy="false"] [role="alert"]`).first().waitFor({ timeout: SCREEN_TIMEOUT_MS });
    const alert = page.locator('[role="alert"]');
    const id = (await page.locator('main').getAttribute('data-screen')) ?? '';
    if (!ids.includes(id) || (await alert.count()) > 0) throw new ShownProblem(alert, id);
    const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'));
    assert.ok(overflow <= 0, `screen ${id} scrolls sideways at 1024x768 (${overflow} px)`);
    assert.deepEqual(await page.evaluate(LOW_CONTRAST_TEXTS), [], `screen ${id} has text below the WCAG contrast minimum`);
    return id;
  }

  /**
   * Photographs the screen on show as the person acts on it (its fields filled in): the screens of
   * the automatic path in the keyboard-only scenario (at each action, so the last shot of a screen
   * is its final state), the others once per run from whichever scenario reaches them.
   */
  private async photograph(): Promise<void> {
    const page = this.current;
    const id = page === undefined || page.isClosed() ? '' : ((await page.locator('main').getAttribute('data-screen')) ?? '');
    if (id === '' || (AUTOMATIC_PATH.has(id) ? !this.keyboardOnly : photographed.has(id))) return;
    photographed.add(id);
    await mkdir(SCREENSHOTS, { recursive: true });
    await page!.screenshot({ path: join(SCREENSHOTS, `fr-${id.padStart(2, '0')}.png`) });
  }

  /** The outcome of what the person does: its result, or the problem the screen shows (code, text, details). */
  private async after<T>(act: (page: Page) => Promise<T>): Promise<Outcome<T>> {
    try {
      return success(await act(await this.page()));
    } catch (error) {
      if (!(error instanceof ShownProblem)) throw error;
      if ((await error.alert.count()) === 0) throw new Error(`the wizard shows screen "${error.screen}" where another was expected, and no problem`, { cause: error });
      const code = (await error.alert.getAttribute('data-code')) ?? '';
      const details = JSON.parse((await error.alert.getAttribute('data-details')) ?? '{}') as Record<string, unknown>;
      return failure(code, (await error.alert.innerText()).replace(/\s+/g, ' '), details);
    }
  }

  /** The main action of the screen (Suivant). */
  private async next(): Promise<void> {
    await this.press(this.current!.getByRole('button', { name: 'Suivant', exact: true }));
  }

  /** Activates a button: a click, or (keyboard only) Tab to it and Enter. */
  private async press(button: Locator): Promise<void> {
    await this.photograph();
    if (!this.keyboardOnly) return button.click();
    await this.tabTo(button);
    await this.current!.keyboard.press('Enter');
  }

  /** Ticks a checkbox or radio button: a click, or Tab to it and Space. */
  private async check(box: Locator): Promise<void> {
    if (!this.keyboardOnly) return box.check();
    await this.tabTo(box);
    if (!(await box.isChecked())) await this.current!.keyboard.press('Space');
    assert.ok(await box.isChecked());
  }

  /** Types into a labelled field: fill, or Tab to it and type. */
  private async fill(field: Locator, value: string): Promise<void> {
    if (!this.keyboardOnly) return field.fill(value);
    await this.tabTo(field);
    await this.current!.keyboard.press('Control+A');
    await this.current!.keyboard.type(value);
  }

  /** Chooses an option by value: selectOption, or Tab to the list and the arrow keys. */
  private async select(list: Locator, value: string): Promise<void> {
    if (!this.keyboardOnly) {
      await list.selectOption(value);
      return;
    }
    await this.tabTo(list);
    const count = await list.locator('option').count();
    for (let i = 0; i < count && (await list.inputValue()) !== value; i += 1) await this.current!.keyboard.press('ArrowDown');
    assert.equal(await list.inputValue(), value);
  }

  /** Presses Tab until `target` has the focus: proves it is reachable by keyboard, in order. */
  private async tabTo(target: Locator): Promise<void> {
    const page = this.current!;
    await target.waitFor();
    for (let presses = 0; presses < 40; presses += 1) {
      if (await target.evaluate((element: { ownerDocument: { activeElement: unknown } }) => element === element.ownerDocument.activeElement)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`${String(target)} cannot be reached with the Tab key`);
  }
}

/** A screen showed a problem (or another screen) where the next one was expected. */
class ShownProblem extends Error {
  constructor(
    readonly alert: Locator,
    readonly screen: string,
  ) {
    super(`the wizard shows ${screen}`);
  }
}
