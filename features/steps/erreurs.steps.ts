import assert from 'node:assert/strict';
import { Given, Then, When } from '@cucumber/cucumber';
import { expectFailure, expectKeptKeystore } from '../support/world/expectations.js';
import type { EhealthWorld } from '../support/world/EhealthWorld.js';

// 04-erreurs.feature: what the person is told, and that nothing was lost.

When("j'introduis un code PIN erroné \\(étape 7)", async function (this: EhealthWorld) {
  this.last = await this.driver.listOrganisations(this.wrongPin);
});

Then("on me dit que le code PIN est erroné et qu'il reste {int} essais", function (this: EhealthWorld, tries: number) {
  const refused = expectFailure(this, 'PIN_INCORRECT');
  assert.equal(refused.details['triesLeft'], tries);
  assert.match(refused.message, new RegExp(`${tries}`));
});

Then("le logiciel n'a essayé le code PIN qu'une seule fois", async function (this: EhealthWorld) {
  assert.equal(await this.card?.wrongPinCount(), 1);
});

Given('ma carte est bloquée après trois codes PIN erronés', async function (this: EhealthWorld) {
  for (let attempt = 0; attempt < 3; attempt += 1) await this.driver.listOrganisations(this.wrongPin);
  assert.equal(await this.card?.wrongPinCount(), 3);
});

Then("on me dit que ma carte est bloquée et qu'il faut le code PUK à la commune", function (this: EhealthWorld) {
  assert.match(expectFailure(this, 'PIN_BLOCKED').message, /PUK/);
});

Given("aucune carte n'est dans le lecteur", async function (this: EhealthWorld) {
  await this.card?.pullOut();
});

Then("on me dit d'insérer ma carte eID dans le lecteur", function (this: EhealthWorld) {
  assert.match(expectFailure(this, 'CARD_ABSENT').message, /insert|insérez/i);
});

When("je retire ma carte pendant l'envoi de la demande \\(étapes 13 et 14)", async function (this: EhealthWorld) {
  this.card?.pullOutWhenSigning();
  await this.sendRequest();
});

Then('on me dit que la carte a été retirée', function (this: EhealthWorld) {
  expectFailure(this, 'CARD_REMOVED');
});

Then('le keystore avec la nouvelle clé privée est enregistré et intact', async function (this: EhealthWorld) {
  await expectKeptKeystore(this);
});

When("j'introduis mes données de contact sans adresse générique \\(étape 10)", async function (this: EhealthWorld) {
  this.draft.contactData = this.contactData('');
  await this.sendRequest();
});

Then("on me dit qu'il faut au moins une adresse e-mail générique pour les rappels d'expiration", function (this: EhealthWorld) {
  const refused = expectFailure(this, 'INVALID_CONTACT_DATA');
  assert.equal(refused.details['field'], 'emailGeneral');
});

When("j'introduis le mot de passe {string} pour le keystore \\(étape 11)", async function (this: EhealthWorld, password: string) {
  this.draft.password = password;
  await this.sendRequest();
});

Then('on me dit que le mot de passe est trop faible, sans le répéter', function (this: EhealthWorld) {
  const refused = expectFailure(this, 'WEAK_PASSWORD');
  assert.ok(!refused.message.includes(this.requestDraft().password), 'le message répète le mot de passe');
});

Then("rien n'a été envoyé à eHealth", async function (this: EhealthWorld) {
  assert.equal(await this.sim.contractCount(), 0);
  assert.equal((await this.sim.records()).length, 0);
});

When("j'introduis le mot de passe {string} et j'ouvre le keystore \\(étape 17)", async function (this: EhealthWorld, password: string) {
  await this.complete(password);
});

Then('on me dit que le mot de passe du keystore est erroné', function (this: EhealthWorld) {
  expectFailure(this, 'KEYSTORE_PASSWORD_WRONG');
});

Given("eHealth est injoignable", async function (this: EhealthWorld) {
  await this.sim.setUnreachable(true);
});

When('eHealth est de nouveau joignable', async function (this: EhealthWorld) {
  await this.sim.setUnreachable(false);
});

Then("on me dit qu'eHealth est injoignable et de réessayer plus tard", function (this: EhealthWorld) {
  expectFailure(this, 'EHEALTH_UNAVAILABLE');
});

Given(
  /^selon la BCE, l'hôpital "([^"]+)" \(([A-Z_-]+) (\d+)\) que je ne gère pas$/,
  async function (this: EhealthWorld, name: string, type: string, id: string) {
    await this.addOrganisation({ type, id: String(id), name });
  },
);

When(
  "je demande un certificat pour l'organisation {string} par le transfert manuel \\(étapes 8M à 14)",
  async function (this: EhealthWorld, identifier: string) {
    await this.requestManual(identifier);
  },
);

When('eHealth refuse la demande car {string}', async function (this: EhealthWorld, reason: string) {
  await this.sim.refuse(this.sentRequest.secretKey, reason);
});

Then("on me dit qu'eHealth a refusé la demande", function (this: EhealthWorld) {
  expectFailure(this, 'EHEALTH_REJECTED');
});

Given('un certificat actif pour {string}, fabriqué il y a {int} an', async function (this: EhealthWorld, name: string, years: number) {
  await this.installCertificate(name);
  await this.sim.advance(years * 365 * 24 * 3600_000);
  this.forgetRequest();
});

Then("on me dit qu'un certificat actif existe déjà pour ce DN", function (this: EhealthWorld) {
  assert.match(expectFailure(this, 'EHEALTH_REJECTED').message, /active certificate|certificat actif/i);
});

Then("aucun keystore n'a été perdu", async function (this: EhealthWorld) {
  await expectKeptKeystore(this);
});
