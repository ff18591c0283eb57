import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pkcs11js from 'pkcs11js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PinLockingPkcs11 } from './PinLockingPkcs11.js';
import { provisionFakeEid, type FakeEid } from './provisionFakeEid.js';

let root: string;
let card: FakeEid;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'pin-locking-'));
  card = await provisionFakeEid({ dir: join(root, 'card'), generation: 'ecp384' });
});
afterAll(() => rm(root, { recursive: true, force: true }));
afterEach(async () => {
  await card.resetPin();
  await card.reinsert();
});

/** Runs `work` on a fresh wrapper (as a new process would), with the module loaded and finalised. */
async function session<T>(work: (p11: PinLockingPkcs11, slot: pkcs11js.Handle, session: pkcs11js.Handle) => T): Promise<T> {
  const p11 = new PinLockingPkcs11(card.dir);
  p11.load(card.modulePath);
  p11.C_Initialize();
  try {
    const [slot] = p11.C_GetSlotList(true);
    const handle = p11.C_OpenSession(slot!, pkcs11js.CKF_SERIAL_SESSION);
    try {
      return work(p11, slot!, handle);
    } finally {
      p11.C_CloseSession(handle);
    }
  } finally {
    p11.C_Finalize();
    p11.close();
  }
}

function loginError(pin: string): Promise<string | undefined> {
  return session((p11, _slot, handle) => {
    try {
      p11.C_Login(handle, pkcs11js.CKU_USER, pin);
      return undefined;
    } catch (error) {
      return (error as pkcs11js.Pkcs11Error).message;
    }
  });
}

const PIN_FLAGS = pkcs11js.CKF_USER_PIN_COUNT_LOW | pkcs11js.CKF_USER_PIN_FINAL_TRY | pkcs11js.CKF_USER_PIN_LOCKED;
const pinFlags = () => session((p11, slot) => p11.C_GetTokenInfo(slot).flags & PIN_FLAGS);

describe('PinLockingPkcs11', () => {
  it('counts wrong PINs across module instances, then answers CKR_PIN_LOCKED even to the right PIN', async () => {
    expect(await pinFlags()).toBe(0);
    expect(await loginError('0000')).toBe('CKR_PIN_INCORRECT');
    expect(await pinFlags()).toBe(pkcs11js.CKF_USER_PIN_COUNT_LOW);
    expect(await loginError('0000')).toBe('CKR_PIN_INCORRECT');
    expect(await pinFlags()).toBe(pkcs11js.CKF_USER_PIN_COUNT_LOW | pkcs11js.CKF_USER_PIN_FINAL_TRY);
    expect(await loginError('0000')).toBe('CKR_PIN_INCORRECT');
    expect(await pinFlags()).toBe(pkcs11js.CKF_USER_PIN_LOCKED);
    expect(await loginError(card.pin)).toBe('CKR_PIN_LOCKED');
    await card.resetPin();
    expect(await loginError(card.pin)).toBeUndefined();
  });

  it('resets the count on a correct PIN', async () => {
    expect(await loginError('0000')).toBe('CKR_PIN_INCORRECT');
    expect(await loginError(card.pin)).toBeUndefined();
    expect(await pinFlags()).toBe(0);
  });

  it('makes the card disappear while pulled out: no token in the slot list, CKR_DEVICE_REMOVED on an open session', async () => {
    await session(async (p11, slot, handle) => {
      await card.pullOut();
      expect(p11.C_GetSlotList(true)).toEqual([]);
      expect(() => p11.C_GetTokenInfo(slot)).toThrow('CKR_TOKEN_NOT_PRESENT');
      expect(() => p11.C_FindObjectsInit(handle, [])).toThrow('CKR_DEVICE_REMOVED');
      await expect(p11.C_SignAsync(handle, Buffer.of(1), Buffer.alloc(96))).rejects.toThrow('CKR_DEVICE_REMOVED');
    });
    await card.reinsert();
    expect(await pinFlags()).toBe(0);
  });
});
