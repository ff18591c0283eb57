import assert from 'node:assert/strict';
import { failureOf } from '../drivers/Outcome.js';
import { hashKeystores, openKeystore } from '../scene/keystoreFiles.js';
import type { EhealthWorld } from './EhealthWorld.js';

// What the "Alors" steps check beyond one answer: files on disk, the simulator's records and mailbox.

/** What the steps call the simulator's e-mails (Mailbox kinds). */
const MAILS: Readonly<Record<string, string>> = {
  'demande reçue': 'REQUEST_RECEIVED',
  'certificat fabriqué': 'CERTIFICATE_READY',
  'demande refusée': 'REQUEST_REFUSED',
  'certificat révoqué': 'CERTIFICATE_REVOKED',
};

/** The last answer was this error (and its user-facing message). */
export function expectFailure(world: EhealthWorld, code: string) {
  const refused = failureOf(world.last, 'l’opération');
  assert.equal(refused.code, code, `${refused.code}: ${refused.message}`);
  return refused;
}

/**
 * The front end accepted what was typed (the request went to eHealth), or refused it with
 * `code` and sent nothing.
 */
export async function expectVerdict(world: EhealthWorld, accepted: boolean, code: string): Promise<void> {
  if (accepted) {
    assert.ok(world.last?.ok, JSON.stringify(world.last));
    assert.ok(await world.record(), "eHealth n'a pas reçu la demande");
    return;
  }
  expectFailure(world, code);
  assert.equal(await world.sim.contractCount(), 0, 'un contrat a été demandé à eHealth');
  assert.equal((await world.sim.records()).length, 0, 'une demande a été envoyée à eHealth');
}

/**
 * The keystore of the last completion opens with the password of step 11 and holds the key
 * `authentication` with the certificate eHealth issued and its chain, and the ETK key under the
 * decimal serial of the ETK eHealth registered (DOMAIN.md 3).
 */
export async function expectInstalledKeystore(world: EhealthWorld): Promise<void> {
  const keys = (await openKeystore(world.installedKeystore, world.requestDraft().password)).entries.filter((e) => e.kind === 'key');
  const record = await world.record();
  const authentication = keys.find((e) => e.alias === 'authentication');
  assert.ok(authentication && authentication.chain.length >= 2, 'la clé "authentication" avec la chaîne du certificat');
  assert.equal(Buffer.from(authentication.chain[0] ?? []).toString('base64'), record.certificate, "le certificat n'est pas celui d'eHealth");
  const etkAlias = BigInt(`0x${record.etks[0]?.serialHex ?? '0'}`).toString();
  assert.ok(keys.some((e) => e.alias === etkAlias), `pas de clé de l'ETK ${etkAlias} (clés : ${keys.map((e) => e.alias).join(', ')})`);
}

/** The simulator's mailbox holds an e-mail of this kind for this address. */
export async function expectMail(world: EhealthWorld, mail: string, to: string): Promise<void> {
  const kind = MAILS[mail];
  assert.ok(kind, `mail inconnu "${mail}"`);
  const mails = await world.sim.mails();
  assert.ok(mails.some((m) => m.kind === kind && m.to.includes(to)), `boîte mail : ${mails.map((m) => `${m.kind} → ${m.to.join(', ')}`).join('; ')}`);
}

/** The keystore file has the bytes it had right after the request. */
export async function expectKeystoreUnchanged(world: EhealthWorld, path: string): Promise<void> {
  const now = await hashKeystores(world.keystoreDir);
  assert.ok(world.keystoreHashes.has(path), `${path} n'était pas enregistré après la demande`);
  assert.equal(now.get(path), world.keystoreHashes.get(path), `${path} a changé ou disparu`);
}

/**
 * Nothing was lost by a failed request: every keystore present before is byte-for-byte the
 * same, and each new one opens with the password and holds the new private key.
 */
export async function expectKeptKeystore(world: EhealthWorld): Promise<void> {
  const now = await hashKeystores(world.keystoreDir);
  for (const [path, hash] of world.hashesBefore) assert.equal(now.get(path), hash, `${path} a changé ou disparu`);
  const added = [...now.keys()].filter((path) => !world.hashesBefore.has(path));
  assert.ok(added.length > 0, 'aucun keystore n’a été enregistré avant l’envoi');
  for (const path of added) {
    assert.equal(now.get(path), world.keystoreHashes.get(path), `${path} a changé depuis l'échec`);
    const content = await openKeystore(path, world.requestDraft().password);
    assert.ok(content.entries.some((e) => e.kind === 'key' && e.alias === 'authentication'), `${path} n'a pas de clé privée`);
  }
}

