import { existsSync, readFileSync } from 'node:fs';
import { writeFileOwnerOnlySync } from '../files/ownerOnly.js';
import { join } from 'node:path';
import type { Pkcs11Module } from '@ehealth-cert/adapters-eid';
import pkcs11js from 'pkcs11js';

/**
 * The seam this wrapper fakes: adapters-eid's `Pkcs11Module` (the pkcs11js calls the eID adapter
 * makes), one type for both sides. Kept under this name for the simulator's callers.
 */
export type Pkcs11Api = Pkcs11Module;

/** Wrong PINs before the eID blocks its PIN (DOMAIN.md 6 "PIN"). */
export const PIN_TRIES = 3;
/** File in the card folder counting wrong PINs per token serial, so the count outlives the process. */
export const PIN_TRIES_FILE = 'pin-tries.json';
/** While this file exists in the card folder, the cards of that folder are "pulled out". */
export const CARD_REMOVED_FILE = 'card-removed';

const PIN_FLAGS = pkcs11js.CKF_USER_PIN_COUNT_LOW | pkcs11js.CKF_USER_PIN_FINAL_TRY | pkcs11js.CKF_USER_PIN_LOCKED;

/**
 * A PKCS#11 module in front of SoftHSM that behaves like an eID PIN, which SoftHSM cannot emulate
 * (TOOLCHAIN.md 4): after 3 wrong PINs C_Login answers CKR_PIN_LOCKED and the token flags say
 * COUNT_LOW / FINAL_TRY / LOCKED; a correct PIN resets the count. It also simulates a card pulled
 * out of the reader (CARD_REMOVED_FILE).
 */
export class PinLockingPkcs11 implements Pkcs11Api {
  private readonly sessions = new Map<string, string>();

  /**
   * @param cardDir the fake card folder (holds softhsm2.conf, the PIN counts and the removal flag)
   * @param inner the real module, a fresh pkcs11js PKCS11 by default
   */
  constructor(
    private readonly cardDir: string,
    private readonly inner: Pkcs11Api = new pkcs11js.PKCS11(),
  ) {}

  load(path: string): void {
    // SoftHSM reads SOFTHSM2_CONF at C_Initialize (TOOLCHAIN.md 4): point it at this card folder.
    process.env.SOFTHSM2_CONF = join(this.cardDir, 'softhsm2.conf');
    this.inner.load(path);
  }
  close(): void {
    this.inner.close();
  }
  C_Initialize(options?: pkcs11js.InitializationOptions): void {
    this.inner.C_Initialize(options);
  }
  C_Finalize(): void {
    this.sessions.clear();
    this.inner.C_Finalize();
  }
  C_GetSlotList(tokenPresent?: boolean): pkcs11js.Handle[] {
    if (tokenPresent && this.removed()) return [];
    return this.inner.C_GetSlotList(tokenPresent);
  }
  C_GetTokenInfo(slot: pkcs11js.Handle): pkcs11js.TokenInfo {
    if (this.removed()) throw fail('CKR_TOKEN_NOT_PRESENT', 'C_GetTokenInfo');
    const info = this.inner.C_GetTokenInfo(slot);
    return { ...info, flags: (info.flags & ~PIN_FLAGS) | pinFlags(this.wrongPins(info.serialNumber)) };
  }
  C_OpenSession(slot: pkcs11js.Handle, flags: number): pkcs11js.Handle {
    this.present('C_OpenSession');
    const serial = this.inner.C_GetTokenInfo(slot).serialNumber;
    const session = this.inner.C_OpenSession(slot, flags);
    this.sessions.set(session.toString('hex'), serial);
    return session;
  }
  C_CloseSession(session: pkcs11js.Handle): void {
    this.sessions.delete(session.toString('hex'));
    this.inner.C_CloseSession(session);
  }
  C_Login(session: pkcs11js.Handle, userType: number, pin?: string): void {
    this.present('C_Login');
    const serial = this.sessions.get(session.toString('hex'));
    if (serial === undefined || userType === pkcs11js.CKU_SO) return this.inner.C_Login(session, userType, pin);
    if (this.wrongPins(serial) >= PIN_TRIES) throw fail('CKR_PIN_LOCKED', 'C_Login');
    try {
      this.inner.C_Login(session, userType, pin);
    } catch (error) {
      if (error instanceof pkcs11js.Pkcs11Error && error.code === pkcs11js.CKR_PIN_INCORRECT) {
        this.setWrongPins(serial, this.wrongPins(serial) + 1);
      }
      throw error;
    }
    this.setWrongPins(serial, 0);
  }
  C_Logout(session: pkcs11js.Handle): void {
    this.present('C_Logout');
    this.inner.C_Logout(session);
  }
  C_FindObjectsInit(session: pkcs11js.Handle, template: pkcs11js.Template): void {
    this.present('C_FindObjectsInit');
    this.inner.C_FindObjectsInit(session, template);
  }
  C_FindObjects(session: pkcs11js.Handle, maxObjectCount: number): pkcs11js.Handle[];
  C_FindObjects(session: pkcs11js.Handle): pkcs11js.Handle | null;
  C_FindObjects(session: pkcs11js.Handle, maxObjectCount?: number): pkcs11js.Handle[] | pkcs11js.Handle | null {
    this.present('C_FindObjects');
    return maxObjectCount === undefined ? this.inner.C_FindObjects(session) : this.inner.C_FindObjects(session, maxObjectCount);
  }
  C_FindObjectsFinal(session: pkcs11js.Handle): void {
    this.present('C_FindObjectsFinal');
    this.inner.C_FindObjectsFinal(session);
  }
  C_GetAttributeValue(session: pkcs11js.Handle, object: pkcs11js.Handle, template: pkcs11js.Template): pkcs11js.TemplateResult {
    this.present('C_GetAttributeValue');
    return this.inner.C_GetAttributeValue(session, object, template);
  }
  C_SignInit(session: pkcs11js.Handle, mechanism: pkcs11js.Mechanism, key: pkcs11js.Handle): void {
    this.present('C_SignInit');
    this.inner.C_SignInit(session, mechanism, key);
  }
  async C_SignAsync(session: pkcs11js.Handle, inData: Buffer, outData: Buffer): Promise<Buffer> {
    this.present('C_SignAsync');
    return this.inner.C_SignAsync(session, inData, outData);
  }

  private removed(): boolean {
    return existsSync(join(this.cardDir, CARD_REMOVED_FILE));
  }
  private present(method: string): void {
    if (this.removed()) throw fail('CKR_DEVICE_REMOVED', method);
  }
  private readCounts(): Record<string, number> {
    const file = join(this.cardDir, PIN_TRIES_FILE);
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>) : {};
  }
  private wrongPins(serial: string): number {
    return this.readCounts()[serial.trim()] ?? 0;
  }
  private setWrongPins(serial: string, count: number): void {
    writeFileOwnerOnlySync(join(this.cardDir, PIN_TRIES_FILE), JSON.stringify({ ...this.readCounts(), [serial.trim()]: count }));
  }
}

/** Token flags of an eID after `wrong` wrong PINs in a row (PKCS#11 2.40 CK_TOKEN_INFO). */
function pinFlags(wrong: number): number {
  if (wrong >= PIN_TRIES) return pkcs11js.CKF_USER_PIN_LOCKED;
  if (wrong === PIN_TRIES - 1) return pkcs11js.CKF_USER_PIN_FINAL_TRY | pkcs11js.CKF_USER_PIN_COUNT_LOW;
  if (wrong > 0) return pkcs11js.CKF_USER_PIN_COUNT_LOW;
  return 0;
}

function fail(ckr: 'CKR_PIN_LOCKED' | 'CKR_DEVICE_REMOVED' | 'CKR_TOKEN_NOT_PRESENT', method: string): pkcs11js.Pkcs11Error {
  return new pkcs11js.Pkcs11Error(ckr, pkcs11js[ckr], method);
}
