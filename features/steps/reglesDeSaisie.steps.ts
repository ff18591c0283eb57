import assert from 'node:assert/strict';
import { Then, When } from '@cucumber/cucumber';
import { failureOf, resultOf } from '../support/drivers/Outcome.js';
import { expectVerdict } from '../support/world/expectations.js';
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

When(
  "j'introduis les données de contact {string}, {string}, {string} et j'envoie la demande",
  async function (this: EhealthWorld, emailPrivate: string, emailGeneral: string, phonePrivate: string) {
    this.draft.contactData = { emailPrivate, emailGeneral, phonePrivate };
    await this.sendRequest();
  },
);

Then('les données de contact sont {string}', async function (this: EhealthWorld, verdict: string) {
  await expectVerdict(this, verdict === 'acceptées', 'INVALID_CONTACT_DATA');
});

When("je choisis le mot de passe {string} pour le keystore et j'envoie la demande", async function (this: EhealthWorld, password: string) {
  this.draft.password = password;
  await this.sendRequest();
});

Then('le mot de passe est {string}', async function (this: EhealthWorld, verdict: string) {
  await expectVerdict(this, verdict === 'accepté', 'WEAK_PASSWORD');
});

// The rule of manual step 11 that the refusal names (WEAK_PASSWORD details.rule).
const RULES: Readonly<Record<string, string | undefined>> = { aucune: undefined, longueur: 'length', courant: 'common', identifiant: 'identifier', nom: 'name' };

Then('la règle enfreinte est {string}', function (this: EhealthWorld, rule: string) {
  assert.equal(this.last?.ok ? undefined : this.last?.details['rule'], RULES[rule]);
});
