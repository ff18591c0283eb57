import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { provisionFakeEid, type FakeEid } from '@ehealth-cert/simulator';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hasTmux, TmuxWizard } from '../test-support/tmuxWizard.js';

// Issue 15, in a real terminal (tmux), in French: the way back to the previous question (a menu
// choice or `<` typed), which never asks the PIN again nor sends anything again and ends at step
// 12; the base services explained where they are asked, with eHealth's default for the type; and
// step 4's terms shown a page at a time on a short terminal, then accepted explicitly.
let dir: string;
let card: FakeEid;
let wizard: TmuxWizard | undefined;

function env(name: string): Record<string, string> {
  return {
    LANG: 'fr_BE.UTF-8',
    HOME: dir,
    EHEALTH_CERT_ENV: 'sim',
    EHEALTH_CERT_SIM_STATE_DIR: join(dir, name, 'sim'),
    EHEALTH_CERT_KEYSTORE_DIR: join(dir, name, 'keystore'),
    SOFTHSM2_CONF: card.softhsmConf,
    EHEALTH_CERT_PKCS11_MODULE: card.modulePath,
  };
}

const filesIn = (folder: string) => readdir(folder).catch(() => [] as string[]);
/** The screen with its line breaks as spaces: the wizard wraps long lines to the terminal's width. */
const flat = (screen: string) => screen.replace(/\s+/g, ' ');

describe.skipIf(!hasTmux)('going back in the wizard, base services and the terms of step 4', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ehealth-cert-goback-'));
    card = await provisionFakeEid({ dir: join(dir, 'card') });
  });

  afterEach(() => {
    wizard?.stop();
    wizard = undefined;
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('goes back one question from a menu or with <, without asking the PIN again, up to step 12 and no further', async () => {
    const w = (wizard = await TmuxWizard.start({ dir, name: 'ehealth-cert-goback', env: env('goback'), width: 140, height: 50 }));
    // Announced on the first screen, in French.
    const first = await w.waitFor('Pour revenir à la question précédente');
    expect(flat(first)).toContain('Pour revenir à la question précédente : choisissez « < Question précédente » dans un menu, ou tapez < puis Entrée.');
    await w.answer('ehealth-cert, le logiciel de demande de certificats eHealth', 'Enter');
    await w.answer('Que voulez-vous faire', 'Enter');

    // Step 4: the terms, then the explicit question; its menu goes back to step 3.
    const terms = await w.answer('Acceptez-vous les conditions générales', 'Down', 'Enter');
    expect(terms).toContain('Étape 4 : Conditions générales');
    expect(flat(terms)).toContain("Le contrat d'eHealth pour votre certificat s'affiche en entier à l'étape 12");
    expect(TmuxWizard.liveQuestion(terms)).not.toBeNull();
    await w.waitFor('< Retour à\u00a0: Que voulez-vous faire ?');
    await w.answer('Que voulez-vous faire', 'Enter');
    await w.answer('Acceptez-vous les conditions générales', 'Up', 'Enter');
    await w.answer('Qui êtes-vous', 'Enter');
    await w.answer('Pour qui est le certificat', 'Enter');
    await w.answer("Code PIN d'Alice Geldigekaart", '1234', 'Enter');

    // Back over step 7: the organisations are remembered, the PIN is not asked again.
    await w.answer("Comment voulez-vous indiquer l'organisation", 'Down', 'Down', 'Enter');
    await w.waitFor('< Retour à\u00a0: Pour qui est le certificat ?');
    await w.answer('Pour qui est le certificat', 'Enter');
    const again = await w.answer("Comment voulez-vous indiquer l'organisation", 'Enter');
    expect(again.match(/Code PIN d'Alice Geldigekaart/g)).toHaveLength(1);

    await w.answer('Votre organisation', 'Down', 'Enter');
    await w.answer("Identifiant d'application", 'Enter');
    // `<` typed in a text question.
    await w.answer('Votre adresse électronique', '<', 'Enter');
    await w.waitFor("< Retour à\u00a0: Identifiant d'application (vide si aucun)");
    await w.answer("Identifiant d'application", 'Enter');
    await w.answer('Votre adresse électronique', 'alice@example.org', 'Enter');
    await w.answer('Adresse électronique générique', 'info@ambulances.example.org', 'Enter');
    await w.answer('Votre numéro de téléphone', '02 555 01 23', 'Enter');
    await w.answer('Numéro de téléphone générique', 'Enter');

    // Base services: explained where they are asked, eHealth's list for the type by default.
    const services = await w.answer('Pour quels services de base ce certificat servira-t-il', 'Enter');
    expect(services).toContain("Services de base d'eHealth");
    expect(flat(services)).toContain("Le mode d'emploi ne pose pas cette question");
    expect(flat(services)).toContain('Prévus pour ce type : Horodatage électronique, Consultation du Registre national, Codage et anonymisation, Autre service de base.');
    expect(services).toMatch(/❯ Ceux prévus pour ce type \(recommandé\)/);

    // `<` in the password goes back to the base services; this time none.
    await w.answer('Mot de passe du keystore', '<', 'Enter');
    await w.waitFor('< Retour à\u00a0: Pour quels services de base ce certificat servira-t-il ?');
    await w.answer('Pour quels services de base ce certificat servira-t-il', 'Down', 'Down', 'Enter');
    await w.answer('Mot de passe du keystore', 'paarden-staan-op-stal-42', 'Enter');
    await w.answer('Mot de passe du keystore (encore une fois)', 'paarden-staan-op-stal-42', 'Enter');

    // Step 12: said to be the point of no return, and its questions offer no way back.
    const overview = await w.answer('Acceptez-vous ce contrat', 'Enter');
    expect(overview).toMatch(/Services de base\s+aucun/);
    const noReturn = flat(overview).indexOf("À partir d'ici, plus de retour aux questions précédentes");
    expect(noReturn).toBeGreaterThan(0);
    expect(flat(overview).slice(noReturn)).not.toContain('< Question précédente');
    expect(overview.match(/Code PIN d'Alice Geldigekaart/g)).toHaveLength(1);

    // "Non": nothing sent, no keystore made.
    const end = await w.waitFor('EXIT=');
    expect(end).not.toContain('EXIT=0');
    expect(end).not.toContain('paarden-staan-op-stal-42');
    expect(await filesIn(join(dir, 'goback', 'keystore'))).not.toContainEqual(expect.stringMatching(/p12$/));
  });

  it('shows the terms of step 4 a page at a time on a short terminal, then asks for an explicit yes', async () => {
    const w = (wizard = await TmuxWizard.start({ dir, name: 'ehealth-cert-terms', env: env('terms'), width: 80, height: 14 }));
    await w.answer('ehealth-cert, le logiciel de demande de certificats eHealth', 'Enter');
    await w.answer('Que voulez-vous faire', 'Enter');
    const firstPage = await w.answer('Appuyez sur Entrée pour lire la suite (page 1 sur 2)', 'Enter');
    expect(firstPage).toContain('Le certificat eHealth vous identifie');
    expect(flat(firstPage)).not.toContain("s'affiche en entier à l'étape 12");
    const question = await w.answer('Acceptez-vous les conditions générales', 'C-c');
    expect(flat(question)).toContain("s'affiche en entier à l'étape 12");
    expect(question).toContain("J'accepte les conditions générales — Suivant");
    expect(question).toMatch(/❯ Je n'accepte pas — arrêter/);
    expect(await w.waitFor('EXIT=')).toContain('EXIT=130');
  });
});
