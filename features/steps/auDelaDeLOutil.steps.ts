import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { Given, Then, When } from '@cucumber/cucumber';
import type { ExpiryLine, ExpiryView, ExportView, SupportDecisionView } from '../support/drivers/Driver.js';
import { resultOf } from '../support/drivers/Outcome.js';
import { expectFailure, expectKeystoreUnchanged } from '../support/world/expectations.js';
import { hashKeystores } from '../support/scene/keystoreFiles.js';
import type { EhealthWorld } from '../support/world/EhealthWorld.js';

// 09-au-dela-de-l-outil-officiel.feature: export, expiry monitoring, and the simulated support team.

/** The export of the scenario and the keystore it came from (hashed before the export). */
interface ExportScene {
  keystorePath: string;
  hashes: Map<string, string>;
}
const exportScenes = new WeakMap<EhealthWorld, ExportScene>();

/** openssl on files of the scenario; its output, or an assertion error with what it said. */
function openssl(args: readonly string[], env: Record<string, string> = {}): string {
  const run = spawnSync('openssl', args, { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', ...env } });
  assert.equal(run.status, 0, `openssl ${args.join(' ')}: ${run.stderr}`);
  return run.stdout;
}

/** The PEM blocks of a text, in order. */
const pemBlocks = (text: string, label: string) => text.match(new RegExp(`-----BEGIN ${label}-----[^-]+-----END ${label}-----`, 'g')) ?? [];

async function exportWith(world: EhealthWorld, exportPassword: string | undefined): Promise<void> {
  const keystorePath = world.installedKeystore;
  exportScenes.set(world, { keystorePath, hashes: await hashKeystores(world.keystoreDir) });
  world.last = await world.driver.exportCertificate({
    keystorePath,
    password: world.requestDraft().password,
    ...(exportPassword === undefined ? {} : { exportPassword }),
  });
}

const exported = (world: EhealthWorld): ExportView => resultOf(world.last, "l'export") as ExportView;

When("j'exporte le certificat avec un fichier .p12 protégé par le mot de passe {string}", async function (this: EhealthWorld, password: string) {
  await exportWith(this, password);
});

When("j'exporte le certificat avec un fichier .p12 protégé par le mot de passe du keystore", async function (this: EhealthWorld) {
  await exportWith(this, this.requestDraft().password);
});

When("j'exporte le certificat sans fichier .p12", async function (this: EhealthWorld) {
  await exportWith(this, undefined);
});

Then(
  "openssl vérifie le fichier PEM : le certificat fabriqué par eHealth suivi de sa chaîne, jusqu'à la racine d'eHealth",
  async function (this: EhealthWorld) {
    const pem = await readFile(exported(this).pemFile, 'utf8');
    const blocks = pemBlocks(pem, 'CERTIFICATE');
    assert.ok(blocks.length >= 2, `le PEM contient ${blocks.length} certificat(s), pas la chaîne`);
    // The first certificate is the one eHealth made (same DER), then its chain.
    const leaf = new X509Certificate(blocks[0] ?? '');
    assert.equal(leaf.raw.toString('base64'), (await this.record()).certificate, "le premier certificat n'est pas celui d'eHealth");
    const folder = this.dir;
    await writeFile(join(folder, 'leaf.pem'), `${blocks[0]}\n`);
    await writeFile(join(folder, 'chain.pem'), `${blocks.slice(1).join('\n')}\n`);
    await writeFile(join(folder, 'ehealth-root.pem'), await this.sim.rootCertificates());
    // openssl builds the path from the PEM's chain to eHealth's root, at the simulated time (the
    // scenario's clock, not this machine's).
    const at = String(Math.floor((await this.sim.now()).getTime() / 1000));
    assert.match(openssl(['verify', '-attime', at, '-CAfile', join(folder, 'ehealth-root.pem'), '-untrusted', join(folder, 'chain.pem'), join(folder, 'leaf.pem')]), /: OK/);
    assert.match(openssl(['x509', '-in', join(folder, 'leaf.pem'), '-noout', '-subject']), /AMBULANCES DE LA SENNE/);
  },
);

Then(
  'openssl ouvre le fichier .p12 avec le mot de passe {string} et y trouve la clé privée du certificat et sa chaîne',
  async function (this: EhealthWorld, password: string) {
    const { p12File, pemFile } = exported(this);
    assert.ok(p12File, "aucun fichier .p12 n'a été exporté");
    const opened = openssl(['pkcs12', '-in', p12File, '-passin', 'env:EXPORT_PASSWORD', '-nodes'], { EXPORT_PASSWORD: password });
    assert.equal(pemBlocks(opened, 'PRIVATE KEY').length, 1, 'le .p12 ne contient pas une clé privée');
    const chain = pemBlocks(await readFile(pemFile, 'utf8'), 'CERTIFICATE');
    assert.equal(pemBlocks(opened, 'CERTIFICATE').length, chain.length, 'le .p12 ne contient pas la même chaîne que le PEM');
    // The key is the certificate's: the same public key.
    const key = join(this.dir, 'exported-key.pem');
    await writeFile(key, `${pemBlocks(opened, 'PRIVATE KEY')[0]}\n`, { mode: 0o600 });
    const leaf = join(this.dir, 'exported-certificate.pem');
    await writeFile(leaf, `${chain[0]}\n`);
    const fromKey = openssl(['pkey', '-in', key, '-pubout']);
    const fromCertificate = openssl(['x509', '-in', leaf, '-noout', '-pubkey']);
    assert.equal(fromKey.trim(), fromCertificate.trim(), "la clé privée du .p12 n'est pas celle du certificat");
  },
);

Then("openssl n'ouvre pas le fichier .p12 avec le mot de passe du keystore", function (this: EhealthWorld) {
  const { p12File } = exported(this);
  assert.ok(p12File);
  const run = spawnSync('openssl', ['pkcs12', '-in', p12File, '-passin', 'env:KEYSTORE_PASSWORD', '-nodes'], {
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', KEYSTORE_PASSWORD: this.requestDraft().password },
  });
  assert.notEqual(run.status, 0, 'le .p12 exporté s’ouvre avec le mot de passe du keystore');
});

Then("aucun fichier .p12 n'a été exporté", function (this: EhealthWorld) {
  const view = exported(this);
  assert.equal(view.p12File, undefined);
  assert.ok(existsSync(view.pemFile));
});

Then('le keystore du certificat est conservé tel quel', async function (this: EhealthWorld) {
  const scene = exportScenes.get(this);
  assert.ok(scene, "aucun export n'a été fait");
  this.keystoreHashes = scene.hashes;
  await expectKeystoreUnchanged(this, scene.keystorePath);
});

Then("on me dit que le mot de passe de l'export doit différer de celui du keystore", function (this: EhealthWorld) {
  const refused = expectFailure(this, 'WEAK_PASSWORD');
  assert.equal(refused.details['rule'], 'same-as-keystore', JSON.stringify(refused.details));
  assert.ok(!refused.message.includes(this.requestDraft().password), 'le message répète le mot de passe');
});

// Expiry monitoring.

When(
  'je surveille le dossier des keystores pour les certificats qui expirent dans les {string}',
  async function (this: EhealthWorld, within: string) {
    this.last = await this.driver.expiringWithin({ password: this.requestDraft().password, within });
  },
);

const monitoring = (world: EhealthWorld): ExpiryView => resultOf(world.last, 'la surveillance des échéances') as ExpiryView;

/** The line of the certificate of the organisation `name` (its DN names it). */
function lineOf(world: EhealthWorld, name: string): ExpiryLine {
  const view = monitoring(world);
  const line = view.certificates.find((c) => c.dn?.includes(`OU=${name}`));
  assert.ok(line, `${name} n'est pas listé : ${JSON.stringify(view.certificates)}`);
  return line;
}

Then(
  'le certificat de {string} est listé comme expirant dans les {int} jours',
  function (this: EhealthWorld, name: string, days: number) {
    const line = lineOf(this, name);
    assert.equal(line.state, 'expiring');
    assert.ok(line.daysToExpiry !== undefined && line.daysToExpiry > 0 && line.daysToExpiry <= days, `expire dans ${line.daysToExpiry} jours`);
  },
);

Then('le certificat de {string} est listé comme valide', function (this: EhealthWorld, name: string) {
  assert.equal(lineOf(this, name).state, 'valid');
});

Then("la surveillance donne l'alerte pour {int} certificat(s)", function (this: EhealthWorld, count: number) {
  const view = monitoring(this);
  assert.equal(view.needingRenewal, count);
  // A command tells a monitoring system by its exit code: 7, "a certificate expires within the period".
  if (view.exitCode !== undefined) assert.equal(view.exitCode, 7);
});

Then('la surveillance ne signale rien', function (this: EhealthWorld) {
  const view = monitoring(this);
  assert.equal(view.needingRenewal, 0);
  if (view.exitCode !== undefined) assert.equal(view.exitCode, 0);
});

Then('on me dit que la période doit être un nombre de jours ou de semaines', function (this: EhealthWorld) {
  const refused = expectFailure(this, 'INVALID_INPUT');
  // The error names the field and the rule (the API's request schema checks the pattern first).
  assert.match(String(refused.details['field']), /within/, JSON.stringify(refused.details));
  assert.ok(['period', 'pattern'].includes(String(refused.details['rule'])), JSON.stringify(refused.details));
});

// The support team of eHealth, played by the simulator of the front end (env sim).

When("l'équipe support d'eHealth approuve la demande depuis le logiciel en simulation", async function (this: EhealthWorld) {
  this.last = await this.driver.supportTeamDecides({ reference: this.sentRequest.secretKey, approve: true });
});

When("l'équipe support d'eHealth refuse la demande depuis le logiciel car {string}", async function (this: EhealthWorld, reason: string) {
  this.last = await this.driver.supportTeamDecides({ reference: this.sentRequest.secretKey, approve: false, reason });
});

Then("le logiciel me dit que l'équipe support a approuvé la demande", async function (this: EhealthWorld) {
  assert.deepEqual(resultOf(this.last, "la décision de l'équipe support") as SupportDecisionView, { decision: 'APPROVED' });
  assert.equal((await this.record()).validation, 'APPROVED');
});

Then("le logiciel me dit que l'équipe support a refusé la demande car {string}", async function (this: EhealthWorld, reason: string) {
  assert.deepEqual(resultOf(this.last, "la décision de l'équipe support") as SupportDecisionView, { decision: 'REFUSED', reason });
  const record = await this.record();
  assert.equal(record.validation, 'REFUSED');
  assert.equal(record.refusalReason, reason);
});

Then("on me dit qu'aucune demande de cette clé secrète n'attend de validation manuelle", async function (this: EhealthWorld) {
  expectFailure(this, 'REQUEST_NOT_FOUND');
  assert.equal((await this.record()).validation, 'AUTOMATIC');
});


Given("mes données de contact avec l'adresse générique {string} \\(étape 10)", function (this: EhealthWorld, emailGeneral: string) {
  this.draft.contactData = this.contactData(emailGeneral);
});

Given(
  'une demande manuelle envoyée pour {string}, que je ne gère pas selon les sources authentiques \\(étapes 8M à 15)',
  async function (this: EhealthWorld, name: string) {
    // No mandate: eHealth cannot validate it automatically, it waits for the support team.
    resultOf(await this.requestManual(name), 'la demande manuelle');
    assert.equal(this.sentRequest.automaticallyValidated, false);
  },
);
