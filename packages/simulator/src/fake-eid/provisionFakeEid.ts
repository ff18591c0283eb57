import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { mkdirOwnerOnly, writeFileOwnerOnly } from '../files/ownerOnly.js';
import { join, resolve } from 'node:path';
import { EhealthCertError } from '@ehealth-cert/core';
import * as pkijs from 'pkijs';
import pkcs11js from 'pkcs11js';
import { buildName } from './buildName.js';
import { fakeEidIssuer, type FakeEidGeneration } from './FakeEidPki.js';
import { generateCardKey } from './generateCardKey.js';
import { issueCertificate } from './issueCertificate.js';
import { CARD_REMOVED_FILE, PIN_TRIES_FILE, PinLockingPkcs11 } from './PinLockingPkcs11.js';
import { softhsmModulePath } from './softhsmModulePath.js';
import { withSofthsm } from './withSofthsm.js';

/** Who the fake card belongs to and how it is made; all but `dir` have valid defaults. */
export interface FakeEidOptions {
  /** Card folder: holds softhsm2.conf and tokens/; several cards may share one folder (one reader each). */
  readonly dir: string;
  readonly generation?: FakeEidGeneration;
  /** National number, 11 digits (DOMAIN.md 5). */
  readonly ssin?: string;
  readonly givenNames?: string;
  readonly surname?: string;
  /** 4 to 12 digits, like the eID PIN (DOMAIN.md 6). */
  readonly pin?: string;
}

/** A provisioned fake eID card on a private SoftHSM2 token. */
export interface FakeEid {
  readonly dir: string;
  readonly softhsmConf: string;
  readonly modulePath: string;
  readonly tokenSerial: string;
  readonly holder: { readonly ssin: string; readonly givenNames: string; readonly surname: string; readonly generation: FakeEidGeneration };
  readonly pin: string;
  /** Environment to use the card from another process. */
  readonly env: { readonly SOFTHSM2_CONF: string; readonly EHEALTH_CERT_PKCS11_MODULE: string };
  /** Makes a PIN-locking PKCS#11 module over SoftHSM for this card folder (for Pkcs11EidCard's moduleFactory). */
  pkcs11Module(): PinLockingPkcs11;
  /** Simulates pulling the card(s) of this folder out of the reader; `reinsert` undoes it. */
  pullOut(): Promise<void>;
  reinsert(): Promise<void>;
  /** Forgets the wrong PINs counted by PinLockingPkcs11 (unblocks, like a PUK would). */
  resetPin(): Promise<void>;
  /** Deletes the card folder (every card in it). */
  remove(): Promise<void>;
}

/** Valid defaults: a female SSIN born 1985-07-14 (check digits 54) and a Belgian-style test name. */
export const FAKE_EID_DEFAULTS = { generation: 'rsa2048', ssin: '85071400254', givenNames: 'Alice', surname: 'Geldigekaart', pin: '1234' } as const;

// Fixed validity so that tests are deterministic; 10 years like a real eID (DOMAIN.md 6).
const NOT_BEFORE = new Date('2025-01-01T00:00:00Z');
const NOT_AFTER = new Date('2035-01-01T00:00:00Z');
// Security officer PIN of the fake token; a real eID has none, the adapter never uses it.
const SO_PIN = '12345678';

/**
 * Creates a SoftHSM2 token that looks like a Belgian eID (DOMAIN.md 6): label BELPIC, keys and
 * certificates `Authentication` (id 2) and `Signature` (id 3), certificates `CA` and `Root` of the
 * committed TEST PKI. The keys are generated on the token. Nothing global is touched.
 */
export async function provisionFakeEid(options: FakeEidOptions): Promise<FakeEid> {
  const generation = options.generation ?? FAKE_EID_DEFAULTS.generation;
  const ssin = options.ssin ?? FAKE_EID_DEFAULTS.ssin;
  const givenNames = options.givenNames ?? FAKE_EID_DEFAULTS.givenNames;
  const surname = options.surname ?? FAKE_EID_DEFAULTS.surname;
  const pin = options.pin ?? FAKE_EID_DEFAULTS.pin;
  // Bad options are INVALID_INPUT naming the field, the value (never the PIN) and the rule.
  if (!/^\d{11}$/u.test(ssin)) throw new EhealthCertError('INVALID_INPUT', `ssin "${ssin}" must be 11 digits`, { field: 'ssin', value: ssin });
  if (!/^\d{4,12}$/u.test(pin)) throw new EhealthCertError('INVALID_INPUT', 'pin must be 4 to 12 digits, like the eID PIN', { field: 'pin' });
  if (generation !== 'rsa2048' && generation !== 'ecp384') {
    throw new EhealthCertError('INVALID_INPUT', `generation "${String(generation)}" must be rsa2048 or ecp384`, { field: 'generation', value: String(generation) });
  }

  const dir = resolve(options.dir);
  const softhsmConf = join(dir, 'softhsm2.conf');
  const modulePath = softhsmModulePath();
  // Issue 13: the card's folder holds its private keys: owner-only whatever the umask (SoftHSM's own files are 0600).
  await mkdirOwnerOnly(dir);
  await mkdirOwnerOnly(join(dir, 'tokens'));
  if (!existsSync(softhsmConf)) {
    await writeFileOwnerOnly(softhsmConf, `directories.tokendir = ${join(dir, 'tokens')}\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n`);
  }

  const tokenSerial = await withSofthsm(modulePath, softhsmConf, async (p11) => {
    const serial = initToken(p11, pin);
    const slot = slotOf(p11, serial);
    const session = p11.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION | pkcs11js.CKF_RW_SESSION);
    try {
      p11.C_Login(session, pkcs11js.CKU_USER, pin);
      const issuer = fakeEidIssuer(generation);
      const holder = { ssin, givenNames, surname };
      for (const [label, id, keyUsageBit] of [['Authentication', 2, 0], ['Signature', 3, 1]] as const) {
        const spki = await generateCardKey(p11, session, generation, label, id);
        const der = await issueCertificate({
          subject: buildName([
            { type: 'C', value: 'BE' },
            { type: 'CN', value: `${givenNames} ${surname} (${label})` },
            { type: 'SN', value: surname },
            { type: 'GN', value: givenNames },
            { type: 'serialNumber', value: ssin },
          ]),
          issuerCertificate: issuer.citizenCaCertificate,
          subjectPublicKey: spki,
          serialNumber: certificateSerial(holder, label, generation),
          notBefore: NOT_BEFORE,
          notAfter: NOT_AFTER,
          ca: false,
          // RFC 5280 4.2.1.3: eID Authentication = digitalSignature, Signature = nonRepudiation.
          keyUsageBits: [keyUsageBit],
          issuerKey: issuer.citizenCaKey,
        });
        storeCertificate(p11, session, label, id, der);
      }
      storeCertificate(p11, session, 'CA', undefined, issuer.citizenCaCertificate);
      storeCertificate(p11, session, 'Root', undefined, issuer.rootCertificate);
      p11.C_Logout(session);
    } finally {
      p11.C_CloseSession(session);
    }
    return serial;
  });

  return {
    dir,
    softhsmConf,
    modulePath,
    tokenSerial,
    holder: { ssin, givenNames, surname, generation },
    pin,
    env: { SOFTHSM2_CONF: softhsmConf, EHEALTH_CERT_PKCS11_MODULE: modulePath },
    pkcs11Module: () => new PinLockingPkcs11(dir),
    pullOut: () => writeFileOwnerOnly(join(dir, CARD_REMOVED_FILE), ''),
    reinsert: () => rm(join(dir, CARD_REMOVED_FILE), { force: true }),
    resetPin: () => rm(join(dir, PIN_TRIES_FILE), { force: true }),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Initialises the free slot as BELPIC with the user PIN; returns the new token's serial. */
function initToken(p11: pkcs11js.PKCS11, pin: string): string {
  const serials = () => p11.C_GetSlotList(true).map((slot) => p11.C_GetTokenInfo(slot)).filter((info) => info.flags & pkcs11js.CKF_TOKEN_INITIALIZED).map((info) => info.serialNumber.trim());
  const before = new Set(serials());
  const free = p11.C_GetSlotList(true).find((slot) => !(p11.C_GetTokenInfo(slot).flags & pkcs11js.CKF_TOKEN_INITIALIZED));
  if (!free) throw new Error('SoftHSM has no free slot');
  // Pad the label with blanks ourselves: pkcs11js pads with NULs (TOOLCHAIN.md 4).
  p11.C_InitToken(free, SO_PIN, 'BELPIC'.padEnd(32, ' '));
  const serial = serials().find((candidate) => !before.has(candidate));
  if (!serial) throw new Error('SoftHSM did not show the new token');
  const session = p11.C_OpenSession(slotOf(p11, serial), pkcs11js.CKF_SERIAL_SESSION | pkcs11js.CKF_RW_SESSION);
  try {
    p11.C_Login(session, pkcs11js.CKU_SO, SO_PIN);
    p11.C_InitPIN(session, pin);
    p11.C_Logout(session);
  } finally {
    p11.C_CloseSession(session);
  }
  return serial;
}

/** The slot holding the token with this serial (SoftHSM reassigns slot ids, TOOLCHAIN.md 4). */
function slotOf(p11: pkcs11js.PKCS11, serial: string): pkcs11js.Handle {
  const slot = p11.C_GetSlotList(true).find((candidate) => p11.C_GetTokenInfo(candidate).serialNumber.trim() === serial);
  if (!slot) throw new Error(`SoftHSM token ${serial} not found`);
  return slot;
}

function storeCertificate(p11: pkcs11js.PKCS11, session: pkcs11js.Handle, label: string, id: number | undefined, der: Uint8Array): void {
  const cert = pkijs.Certificate.fromBER(der.slice());
  p11.C_CreateObject(session, [
    { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_CERTIFICATE },
    { type: pkcs11js.CKA_CERTIFICATE_TYPE, value: pkcs11js.CKC_X_509 },
    { type: pkcs11js.CKA_TOKEN, value: true },
    { type: pkcs11js.CKA_PRIVATE, value: false },
    { type: pkcs11js.CKA_LABEL, value: label },
    ...(id === undefined ? [] : [{ type: pkcs11js.CKA_ID, value: Buffer.of(id) }]),
    { type: pkcs11js.CKA_SUBJECT, value: Buffer.from(cert.subject.toSchema().toBER(false)) },
    { type: pkcs11js.CKA_ISSUER, value: Buffer.from(cert.issuer.toSchema().toBER(false)) },
    { type: pkcs11js.CKA_SERIAL_NUMBER, value: Buffer.from(cert.serialNumber.toBER(false)) },
    { type: pkcs11js.CKA_VALUE, value: Buffer.from(der) },
  ]);
}

/** A fixed positive 16-byte serial per holder, key and generation (deterministic test data). */
function certificateSerial(holder: { ssin: string }, label: string, generation: FakeEidGeneration): Uint8Array {
  const hash = createHash('sha256').update(`${holder.ssin}/${label}/${generation}`).digest();
  const serial = Uint8Array.from(hash.subarray(0, 16));
  serial[0] = (serial[0]! & 0x7f) | 0x10;
  return serial;
}

