import assert from 'node:assert/strict';
import { Given, Then, When } from '@cucumber/cucumber';
import { keystoreFileName, type KeystoreEnvironment } from '@ehealth-cert/core';
import { resultOf } from '../support/drivers/Outcome.js';
import { openKeystore } from '../support/scene/keystoreFiles.js';
import { expectFailure } from '../support/world/expectations.js';
import type { EhealthWorld } from '../support/world/EhealthWorld.js';

// 05-au-dela-du-manuel.feature: what the Certificate Manager does besides the request.

const DAY = 24 * 3600_000;

Given('un certificat installé pour {string}', async function (this: EhealthWorld, name: string) {
  await this.installCertificate(name);
});

Given(/^(\d+) ans? et (\d+) mois plus tard$/, async function (this: EhealthWorld, years: number, months: number) {
  await this.sim.advance((Number(years) * 365 + Number(months) * 30) * DAY);
});

Given(/^(\d+) ans? plus tard$/, async function (this: EhealthWorld, years: number) {
  await this.sim.advance(Number(years) * 365 * DAY);
});

When('je renouvelle le certificat', async function (this: EhealthWorld) {
  await this.renew();
});

Then("on me dit que le renouvellement n'est possible qu'à partir de la date de début de la fenêtre", function (this: EhealthWorld) {
  const refused = expectFailure(this, 'RENEWAL_NOT_ALLOWED');
  assert.ok(refused.details['windowStart'] ?? /\d{4}-\d{2}-\d{2}/.test(refused.message), refused.message);
});

Then("le nouvel ETK attend d'être activé", async function (this: EhealthWorld) {
  assert.equal(resultOf(this.completion, 'la finalisation du renouvellement').status === 'installed' && this.etkToBeActivated, true);
  assert.equal((await this.record()).etks[0]?.status, 'WAIT_FOR_ACTIVATION');
});

Given("un certificat renouvelé et installé dont l'ETK attend d'être activé", async function (this: EhealthWorld) {
  resultOf(await this.renew(), 'le renouvellement');
  await this.issueCertificate();
  resultOf(await this.complete(), 'la finalisation du renouvellement');
  assert.equal(this.etkToBeActivated, true);
});

When("j'active le nouvel ETK", async function (this: EhealthWorld) {
  this.last = await this.driver.activateEtk({ keystorePath: this.installedKeystore, password: this.requestDraft().password });
});

Then('le nouvel ETK est publié par eHealth', async function (this: EhealthWorld) {
  resultOf(this.last, "l'activation de l'ETK");
  assert.equal((await this.record()).etks[0]?.status, 'VALID_ACTIVE');
});

When('je révoque le certificat pour la raison {string}', async function (this: EhealthWorld, reason: string) {
  const access = { keystorePath: this.installedKeystore, password: this.requestDraft().password };
  this.last = await this.driver.revoke({ ...access, reference: this.sentRequest.secretKey, pin: this.pin, reason });
});

Then('le certificat et son ETK sont révoqués chez eHealth', async function (this: EhealthWorld) {
  resultOf(this.last, 'la révocation');
  const record = await this.record();
  assert.ok(record.revokedAt, 'le certificat n’est pas révoqué');
  assert.ok(record.etks.every((etk) => etk.status === 'REVOKED'), 'un ETK n’est pas révoqué');
});

When('je change le mot de passe du keystore', async function (this: EhealthWorld) {
  this.last = await this.driver.changePassword({ keystorePath: this.installedKeystore, password: this.requestDraft().password, newPassword: this.newPassword });
});

Then('le nouveau keystore s\'ouvre avec le nouveau mot de passe', async function (this: EhealthWorld) {
  const changed = resultOf(this.last, 'le changement de mot de passe') as { keystorePath: string };
  const content = await openKeystore(changed.keystorePath, this.newPassword);
  assert.ok(content.entries.some((e) => e.kind === 'key' && e.alias === 'authentication'));
});

Given("les fichiers de keystore de l'environnement {string}", function (this: EhealthWorld, environment: string) {
  this.keystoreEnvironment = ({ production: 'prd', acceptation: 'acc', simulation: 'sim' } as Record<string, KeystoreEnvironment>)[environment];
});

Then(
  /^le keystore de "([^"]+)" enregistré le (\d\d)\/(\d\d)\/(\d{4}) à (\d\d):(\d\d):(\d\d) s'appelle "([^"]+)"$/,
  function (this: EhealthWorld, name: string, d: string, mo: string, y: string, h: string, mi: string, s: string, file: string) {
    const savedAt = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
    assert.equal(keystoreFileName(name, savedAt, this.keystoreEnvironment ?? 'prd'), file);
  },
);
