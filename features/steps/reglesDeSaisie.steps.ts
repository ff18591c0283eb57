import assert from 'node:assert/strict';
import { Then, When } from '@cucumber/cucumber';
import { failureOf, resultOf } from '../support/drivers/Outcome.js';
import type { EhealthWorld } from '../support/world/EhealthWorld.js';

// 06-regles-de-saisie.feature: the input rules of manual steps 9M, 10 and 11.

When("je vérifie l'identifiant {string}", async function (this: EhealthWorld, text: string) {
  this.last = await this.driver.checkIdentifier(text);
});

Then("l'identifiant est valide et vaut {string}", function (this: EhealthWorld, expected: string) {
  assert.equal((resultOf(this.last, "la vérification de l'identifiant") as { identifier: string }).identifier, expected);
});

Then("l'identifiant est refusé avec un message qui cite {string}", function (this: EhealthWorld, rule: string) {
  const refused = failureOf(this.last, "la vérification de l'identifiant");
  assert.equal(refused.code, 'INVALID_IDENTIFIER');
  assert.match(refused.message, new RegExp(rule.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
});

When('j\'introduis les données de contact {string}, {string}, {string}', async function (this: EhealthWorld, emailPrivate: string, emailGeneral: string, phonePrivate: string) {
  this.last = await this.driver.checkContactData({ emailPrivate, emailGeneral, phonePrivate });
});

Then('les données de contact sont {string}', function (this: EhealthWorld, verdict: string) {
  assert.equal(this.last?.ok, verdict === 'acceptées', JSON.stringify(this.last));
  if (!this.last?.ok) assert.equal(failureOf(this.last, 'les données de contact').code, 'INVALID_CONTACT_DATA');
});

When('je choisis le mot de passe {string} pour le keystore', async function (this: EhealthWorld, password: string) {
  this.last = await this.driver.checkPassword(password);
});

Then('le mot de passe est {string}', function (this: EhealthWorld, verdict: string) {
  assert.equal(this.last?.ok, verdict === 'accepté', JSON.stringify(this.last));
  if (!this.last?.ok) assert.equal(failureOf(this.last, 'le mot de passe').code, 'WEAK_PASSWORD');
});
