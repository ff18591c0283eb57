import assert from 'node:assert/strict';
import { isAbsolute, join } from 'node:path';
import { Given, Then, When } from '@cucumber/cucumber';
import { expectFailure } from '../support/world/expectations.js';
import type { EhealthWorld } from '../support/world/EhealthWorld.js';

// Issue 13: a request is recorded before it leaves (step 14), a lost answer ends in a status check,
// an interrupted request is found again, and a second request for the same certificate is refused.

Given("la réponse d'eHealth à l'envoi de la demande \\(étape 14) se perd", async function (this: EhealthWorld) {
  await this.sim.loseNextAnswer('GenerateCertificate');
});

Given("ensuite eHealth ne répond plus aux vérifications de l'état des demandes", async function (this: EhealthWorld) {
  await this.sim.setOperationUnreachable('GetCertificate');
});

Then(
  "on me dit qu'eHealth a peut-être reçu la demande, de vérifier son état avant de redemander, et où est le keystore",
  function (this: EhealthWorld) {
    const refused = expectFailure(this, 'EHEALTH_UNAVAILABLE');
    assert.equal(refused.details['maybeReceived'], true, JSON.stringify(refused.details));
    const reference = String(refused.details['reference']);
    assert.match(reference, /^[0-9a-f]{40}$/);
    // The CLI and the use cases give the path; the API gives the file name (GET /keystores).
    const named = String(refused.details['keystorePath'] ?? refused.details['keystore']);
    const keystorePath = isAbsolute(named) ? named : join(this.keystoreDir, named);
    assert.ok(refused.message.includes(named.split('/').at(-1) ?? named), `le message ne nomme pas le keystore : ${refused.message}`);
    this.interruptedRequest = { keystorePath, reference };
  },
);

When('je complète la demande interrompue avec le keystore indiqué \\(étapes 16 à 18)', async function (this: EhealthWorld) {
  assert.ok(this.interruptedRequest, "aucune demande interrompue n'a été signalée");
  this.completion = await this.driver.complete({ keystorePath: this.interruptedRequest.keystorePath, password: this.requestDraft().password });
  this.last = this.completion;
});

When('eHealth fabrique le certificat de la demande interrompue', async function (this: EhealthWorld) {
  assert.ok(this.interruptedRequest, "aucune demande interrompue n'a été signalée");
  await this.sim.advance(this.sim.issuanceDelayMs);
  const record = await this.record(this.interruptedRequest.reference);
  assert.ok(record.certificate, `eHealth n'a pas fabriqué le certificat (validation ${record.validation})`);
});

Then(
  "on me dit qu'une demande pour ce certificat n'est pas terminée, avec sa clé secrète, et rien n'est envoyé",
  function (this: EhealthWorld) {
    const refused = expectFailure(this, 'REQUEST_UNFINISHED');
    // The first request (the one that succeeded) is the one named.
    assert.ok(this.sent, "aucune demande n'a été envoyée avant");
    assert.equal(String(refused.details['reference']).toLowerCase(), this.sent.secretKey.toLowerCase());
    assert.match(refused.message, /--new-key|newKey/);
  },
);

Then("on me dit qu'une demande pour ce certificat n'est pas terminée, avec la clé secrète de la demande interrompue", function (this: EhealthWorld) {
  const refused = expectFailure(this, 'REQUEST_UNFINISHED');
  assert.ok(this.interruptedRequest, "aucune demande interrompue n'a été signalée");
  assert.equal(String(refused.details['reference']).toLowerCase(), this.interruptedRequest.reference);
  assert.equal(refused.details['state'], 'sending');
});
