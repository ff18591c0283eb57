import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EhealthCertError, type PinRequest } from '@ehealth-cert/core';
import { provisionFakeEid, type FakeEid } from '@ehealth-cert/simulator';
import pkcs11js from 'pkcs11js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordingPinEntry, verifiesWithLeaf } from './contract/describeEidCardContract.js';
import { Pkcs11EidCard } from './Pkcs11EidCard.js';
import type { Pkcs11Module } from './pkcs11/Pkcs11Module.js';

/** Records every PKCS#11 call made through `inner`; `overrides` replace some calls. */
function recording(inner: Pkcs11Module, calls: string[], overrides: Partial<Pkcs11Module> = {}): Pkcs11Module {
  return new Proxy(inner, {
    get(target, property: string) {
      const value: unknown = (overrides as Record<string, unknown>)[property] ?? (target as unknown as Record<string, unknown>)[property];
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push(property);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

function count(calls: readonly string[], name: string): number {
  return calls.filter((call) => call === name).length;
}

describe('Pkcs11EidCard sessions and PIN handling on a fake eID', () => {
  let root: string;
  let fake: FakeEid;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'eid-session-'));
    fake = await provisionFakeEid({ dir: join(root, 'card'), generation: 'ecp384' });
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('reads the holder, the generation and the PIN state without ever logging in', async () => {
    const calls: string[] = [];
    const card = new Pkcs11EidCard({ pkcs11Module: fake.modulePath, moduleFactory: () => recording(fake.pkcs11Module(), calls) });
    const holder = await card.readHolder();
    const status = await card.pinStatus();
    await card.listCards();
    expect(holder).toMatchObject({ generation: 'ecp384', ssin: fake.holder.ssin });
    expect(status).toEqual({ state: 'ok', pinpad: false });
    expect(count(calls, 'C_Login')).toBe(0);
  });

  it('closes every session and finalises and unloads the module on success and on every failure', async () => {
    const calls: string[] = [];
    const card = new Pkcs11EidCard({ pkcs11Module: fake.modulePath, moduleFactory: () => recording(fake.pkcs11Module(), calls) });
    await card.withSigner('authentication', new RecordingPinEntry([fake.pin]), (signer) => signer.sign(Uint8Array.of(1)));
    await expect(card.withSigner('authentication', new RecordingPinEntry(['0000']), (signer) => signer.sign(Uint8Array.of(1)))).rejects.toThrow(EhealthCertError);
    await expect(card.withSigner('signature', new RecordingPinEntry([]), () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await fake.pullOut();
    await expect(card.readHolder()).rejects.toMatchObject({ code: 'CARD_ABSENT' });
    await fake.reinsert();
    await fake.resetPin();
    expect(count(calls, 'C_OpenSession')).toBe(count(calls, 'C_CloseSession'));
    expect(count(calls, 'C_Initialize')).toBe(4);
    expect(count(calls, 'C_Finalize')).toBe(4);
    expect(count(calls, 'close')).toBe(4);
  });

  it('logs in without a PIN from us on a PIN pad reader and tells the PinEntry', async () => {
    const calls: string[] = [];
    const pinpadModule = () => {
      const inner = fake.pkcs11Module();
      return recording(inner, calls, {
        C_GetTokenInfo: (slot) => {
          const info = inner.C_GetTokenInfo(slot);
          return { ...info, flags: info.flags | pkcs11js.CKF_PROTECTED_AUTHENTICATION_PATH };
        },
        // The reader's keypad supplies the PIN when we pass none (DOMAIN.md 6 "Token").
        C_Login: (session, userType, pin) => {
          if (pin !== undefined) throw new Error('a PIN was sent although the reader has a PIN pad');
          inner.C_Login(session, userType, fake.pin);
        },
      });
    };
    const card = new Pkcs11EidCard({ pkcs11Module: fake.modulePath, moduleFactory: pinpadModule });
    expect(await card.pinStatus()).toEqual({ state: 'ok', pinpad: true });
    const notified: PinRequest[] = [];
    const pin = Object.assign(new RecordingPinEntry([]), { notifyPinpad: (request: PinRequest) => notified.push(request) });
    const data = Uint8Array.of(7, 7, 7);
    const { signer, signature } = await card.withSigner('signature', pin, async (signer) => ({ signer, signature: await signer.sign(data) }));
    expect(verifiesWithLeaf(signer, data, signature)).toBe(true);
    expect(pin.requests).toHaveLength(0);
    expect(notified).toEqual([{ key: 'signature', holderName: 'Alice Geldigekaart', triesLeft: undefined }]);
  });

  it('rejects a PIN that is not 4 to 12 digits without sending it to the card', async () => {
    const calls: string[] = [];
    const card = new Pkcs11EidCard({ pkcs11Module: fake.modulePath, moduleFactory: () => recording(fake.pkcs11Module(), calls) });
    const error = await card.withSigner('authentication', new RecordingPinEntry(['12a4']), (signer) => signer.sign(Uint8Array.of(1))).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'PIN_INCORRECT' });
    expect(count(calls, 'C_Login')).toBe(0);
    expect((await card.pinStatus()).state).toBe('ok');
  });

  it('passes the PinEntry refusal through (CANCELLED) and logs nothing in', async () => {
    const card = new Pkcs11EidCard({ pkcs11Module: fake.modulePath, moduleFactory: () => fake.pkcs11Module() });
    const cancelled = new EhealthCertError('CANCELLED', 'PIN entry cancelled', {});
    const pin = { askPin: () => Promise.reject(cancelled) };
    await expect(card.withSigner('signature', pin, (signer) => signer.sign(Uint8Array.of(1)))).rejects.toBe(cancelled);
    expect((await card.pinStatus()).state).toBe('ok');
  });
});
