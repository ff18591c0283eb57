import assert from 'node:assert/strict';
import { Given, Then } from '@cucumber/cucumber';
import { checkIdentifier } from '@ehealth-cert/core';
import { resultOf } from '../support/drivers/Outcome.js';
import type { EhealthWorld } from '../support/world/EhealthWorld.js';

// 07-carte-reelle.feature (@live): a real card and eHealth acceptance, read-only.

Given("le logiciel démarré pour l'environnement d'acceptation \\(étape 1)", function (this: EhealthWorld) {
  this.startLive();
});

Given('ma propre carte eID dans le lecteur', function (this: EhealthWorld) {
  assert.equal(this.card, undefined, 'pas de carte de test en mode réel');
});

Then('le logiciel lit sur la carte un nom et un numéro national valide', function (this: EhealthWorld) {
  const card = resultOf(this.last, 'la lecture de la carte') as { ssin: string; givenNames: string; surname: string };
  assert.ok(card.givenNames && card.surname, 'nom et prénom');
  assert.equal(checkIdentifier(`SSIN=${card.ssin}`).valid, true, `numéro national ${card.ssin}`);
});

Then('le menu déroulant propose au moins une organisation', function (this: EhealthWorld) {
  resultOf(this.last, 'la liste des organisations');
  assert.ok(this.organisations.length > 0, 'aucune organisation proposée');
});
