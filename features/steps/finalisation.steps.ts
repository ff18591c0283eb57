import assert from 'node:assert/strict';
import { Given, Then, When } from '@cucumber/cucumber';
import { resultOf } from '../support/drivers/Outcome.js';
import { openKeystore } from '../support/scene/keystoreFiles.js';
import { expectInstalledKeystore, expectKeystoreUnchanged, expectMail } from '../support/world/expectations.js';
import type { EhealthWorld } from '../support/world/EhealthWorld.js';

// Manual steps 16 to 19: waiting for eHealth, then completing the request (certificate and ETK).

Given("eHealth a fabriqué le certificat et envoyé le mail {string}", async function (this: EhealthWorld, mail: string) {
  await this.issueCertificate();
  await expectMail(this, mail, this.requestDraft().contactData.emailGeneral);
});

When('eHealth fabrique le certificat', async function (this: EhealthWorld) {
  await this.issueCertificate();
});

When('eHealth valide la demande manuellement', async function (this: EhealthWorld) {
  await this.sim.approve(this.sentRequest.secretKey);
});

When('je démarre le logiciel et clique sur « Complétez la demande de certificat eHealth et ETK » \\(étape 16)', function (this: EhealthWorld) {
  this.steps.add('16');
});

When("j'introduis le mot de passe du keystore de l'étape 11 et j'ouvre le keystore \\(étape 17)", async function (this: EhealthWorld) {
  assert.ok(this.steps.has('16'), "l'étape 16 vient avant l'étape 17");
  await this.complete();
});

When('je clique sur « Installez votre certificat et commencez la création de votre eHealth ETK » \\(étape 18)', function (this: EhealthWorld) {
  // Step 18 continues the completion opened at step 17: the front end installs and registers in one go.
  resultOf(this.completion, 'la finalisation');
});

When('je complète la demande de certificat eHealth et ETK \\(étapes 16 à 18)', async function (this: EhealthWorld) {
  await this.complete();
});

When('je complète à nouveau la demande de certificat eHealth et ETK \\(étapes 16 à 18)', async function (this: EhealthWorld) {
  await this.complete();
});

Given("j'ai complété la demande \\(étapes 16 à 19)", async function (this: EhealthWorld) {
  assert.equal(resultOf(await this.complete(), 'la finalisation').status, 'installed');
});

Then('mon certificat eHealth est installé avec succès \\(étape 19)', function (this: EhealthWorld) {
  assert.equal(resultOf(this.completion, 'la finalisation').status, 'installed');
});

Then("on me dit que le certificat n'a pas encore été fabriqué par eHealth", function (this: EhealthWorld) {
  assert.equal(resultOf(this.completion, 'la finalisation').status, 'pending');
});

Then("l'ETK est enregistré et publié par eHealth", async function (this: EhealthWorld) {
  const etks = (await this.record()).etks;
  assert.equal(etks.length, 1);
  assert.equal(etks[0]?.status, 'VALID_ACTIVE');
});

Then(
  'le nouveau keystore s\'ouvre avec mon mot de passe et contient la clé "authentication", la clé de l\'ETK et la chaîne du certificat',
  async function (this: EhealthWorld) {
    await expectInstalledKeystore(this);
  },
);

Then("l'ancien keystore est conservé tel quel", async function (this: EhealthWorld) {
  assert.notEqual(this.installedKeystore, this.sentRequest.keystorePath);
  await expectKeystoreUnchanged(this, this.sentRequest.keystorePath);
});

Then('le keystore est intact', async function (this: EhealthWorld) {
  await expectKeystoreUnchanged(this, this.sentRequest.keystorePath);
  await openKeystore(this.sentRequest.keystorePath, this.requestDraft().password);
});

Then("eHealth n'a reçu qu'une seule demande de certificat", async function (this: EhealthWorld) {
  assert.equal((await this.sim.records()).length, 1);
});

Then('la boîte mail du simulateur contient un mail {string} pour {string}', async function (this: EhealthWorld, mail: string, to: string) {
  await expectMail(this, mail, to);
});

Given('une demande manuelle envoyée pour {string} \\(étapes 8M à 15)', async function (this: EhealthWorld, name: string) {
  resultOf(await this.requestManual(name), 'la demande manuelle');
});
