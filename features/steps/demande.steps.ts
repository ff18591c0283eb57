import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Given, Then, When } from '@cucumber/cucumber';
import { resultOf } from '../support/drivers/Outcome.js';
import { openKeystore } from '../support/scene/keystoreFiles.js';
import type { EhealthWorld } from '../support/world/EhealthWorld.js';

// Manual steps 2 to 15: the request, automatic (8A-9A) or manual (8M-9M).

When(/^je clique sur « (Suivant) » dans la fenêtre d'accueil \(étape (2)\)$/, function (this: EhealthWorld, _button: string, step: string) {
  this.steps.add(step);
});

When(/^je clique sur « Demandez un nouveau certificat » \(étape (3)\)$/, function (this: EhealthWorld, step: string) {
  assert.ok(this.steps.has('2'), "l'étape 2 vient avant l'étape 3");
  this.steps.add(step);
});

When("j'accepte les conditions générales \\(étape 4)", function (this: EhealthWorld) {
  assert.ok(this.steps.has('3'), "l'étape 3 vient avant l'étape 4");
  this.steps.add('4');
});

When('je clique sur « Je suis Belge ou mon domicile est en Belgique » avec mon eID dans le lecteur \\(étape 5)', async function (this: EhealthWorld) {
  this.last = await this.driver.readCard();
});

Then('le logiciel lit sur la carte le nom {string} et son numéro national', function (this: EhealthWorld, name: string) {
  const card = resultOf(this.last, 'la lecture de la carte') as { ssin: string; givenNames: string; surname: string };
  assert.equal(`${card.givenNames} ${card.surname}`, name);
  assert.equal(card.ssin, this.holder.ssin);
});

When('je clique sur « Mon organisation \\(pharmacie, labo,…) » \\(étape 6)', function (this: EhealthWorld) {
  this.steps.add('6');
});

When("j'introduis mon code PIN \\(étape 7)", async function (this: EhealthWorld) {
  this.last = await this.driver.listOrganisations(this.pin);
  if (this.last.ok) this.organisations = this.last.result as typeof this.organisations;
});

Then('le menu déroulant propose {string}', function (this: EhealthWorld, name: string) {
  resultOf(this.last, 'la liste des organisations');
  assert.ok(this.organisations.some((o) => o.name === name), `menu: ${this.organisations.map((o) => o.name).join(', ')}`);
});

When('je sélectionne {string} dans le menu déroulant \\(étape 8A)', function (this: EhealthWorld, name: string) {
  const organisation = this.organisations.find((o) => o.name === name);
  assert.ok(organisation, `"${name}" n'est pas dans le menu déroulant`);
  this.draft.organisation = { kind: 'listed', identifier: organisation.identifier };
});

When('la partie automatisée prend fin \\(étape 9A)', function (this: EhealthWorld) {
  // 9A: the organisation's name and number come from eHealth's list; nothing is typed by hand.
  assert.equal(this.draft.organisation?.kind, 'listed');
});

When('je clique sur « Une autre organisation pour laquelle je peux gérer des certificats » \\(étape 8M)', function (this: EhealthWorld) {
  this.steps.add('8M');
});

When(
  "j'introduis le type {string}, l'identifiant {string} et le nom officiel {string} \\(étape 9M)",
  function (this: EhealthWorld, identifierType: string, identifierValue: string, officialName: string) {
    assert.ok(this.steps.has('8M'), "l'étape 8M vient avant l'étape 9M");
    this.draft.organisation = { kind: 'manual', identifierType, identifierValue, officialName };
  },
);

When("j'introduis mes données de contact avec l'adresse générique {string} \\(étape 10)", function (this: EhealthWorld, emailGeneral: string) {
  this.draft.contactData = this.contactData(emailGeneral);
});

When("j'introduis un mot de passe sûr pour le keystore \\(étape 11)", function (this: EhealthWorld) {
  this.draft.password = this.requestDraft().password;
});

Then("l'aperçu de ma demande montre {string} \\(étape 12)", async function (this: EhealthWorld, text: string) {
  const sent = resultOf(await this.sendRequest(), "l'envoi de la demande");
  assert.ok(sent.overview.includes(text), `aperçu :\n${sent.overview}`);
});

When('je clique sur « Suivant » pour envoyer la demande de certificat \\(étape 13)', async function (this: EhealthWorld) {
  resultOf(await this.sendRequest(), "l'envoi de la demande");
  assert.ok(await this.record(), "eHealth n'a pas reçu la demande");
});

When("j'introduis mon code PIN pour signer \\(étape 14)", async function (this: EhealthWorld) {
  await this.sendRequest();
  // eHealth accepted GenerateCertificate only with a signature of this card's Signature key.
  assert.equal((await this.record()).signerSsin, this.holder.ssin);
});

When("j'envoie la demande et j'introduis mon code PIN \\(étapes 12 à 14)", async function (this: EhealthWorld) {
  await this.sendRequest();
});

When('je demande un certificat pour {string} par le transfert automatique \\(étapes 2 à 14)', async function (this: EhealthWorld, name: string) {
  await this.requestAutomatic(name);
});

When(
  "je demande un certificat pour {string} avec l'identifiant d'application {string} \\(étapes 2 à 14)",
  async function (this: EhealthWorld, name: string, applicationId: string) {
    await this.requestAutomatic(name, applicationId);
  },
);

Given('une demande automatique envoyée pour {string} \\(étapes 2 à 15)', async function (this: EhealthWorld, name: string) {
  resultOf(await this.requestAutomatic(name), 'la demande automatique');
});

Then("ma clé secrète s'affiche \\(étape 15)", function (this: EhealthWorld) {
  assert.match(resultOf(this.requestOutcome, 'la demande').secretKey, /^[0-9a-f]{40}$/i);
});

Then('le keystore est enregistré sur le disque avec ma clé privée', async function (this: EhealthWorld) {
  const content = await openKeystore(this.sentRequest.keystorePath, this.requestDraft().password);
  assert.ok(content.entries.some((e) => e.kind === 'key' && e.alias === 'authentication' && e.privateKey.length > 0));
});

Then("la clé secrète est écrite à côté du keystore avec les instructions de l'étape 16", async function (this: EhealthWorld) {
  const folder = dirname(this.sentRequest.keystorePath);
  const texts = await Promise.all((await readdir(folder)).filter((n) => !/p12$|\.json$/.test(n)).map((n) => readFile(join(folder, n), 'utf8')));
  assert.ok(texts.some((t) => t.includes(this.sentRequest.secretKey) && t.includes('Étape 16')), 'pas de fichier avec la clé secrète et l’étape 16');
});

Then("eHealth a validé la demande automatiquement", async function (this: EhealthWorld) {
  assert.equal(this.sentRequest.automaticallyValidated, true);
  assert.equal((await this.record()).validation, 'AUTOMATIC');
});

Then('la demande attend une validation manuelle par eHealth', async function (this: EhealthWorld) {
  assert.equal(this.sentRequest.automaticallyValidated, false);
  assert.equal((await this.record()).validation, 'PENDING');
});

Then('le certificat demandé porte le DN {string}', async function (this: EhealthWorld, dn: string) {
  assert.equal(this.sentRequest.dn, dn);
  assert.equal((await this.record()).dn, dn);
});
