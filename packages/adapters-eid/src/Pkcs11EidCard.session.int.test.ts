import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EhealthCertError, type PinRequest } from '@ehealth-cert/core';
import { provisionFakeEid, type FakeEid } from '@ehealth-cert/simulator';
import pkcs11js from 'pkcs11js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordingPinEntry, verifiesWithLeaf } from './testing/describeEidCardContract.js';
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

function pkcs11Error(ckr: 'CKR_OPERATION_NOT_INITIALIZED' | 'CKR_PIN_INCORRECT' | 'CKR_USER_NOT_LOGGED_IN', method: string): pkcs11js.Pkcs11Error {
  return new pkcs11js.Pkcs11Error(ckr, pkcs11js[ckr], method);
}

/**
 * A card whose Signature key (CKA_ID 3) has CKA_ALWAYS_AUTHENTICATE, as a non-repudiation key may
 * (DOMAIN.md 6 "PIN"; SoftHSM cannot set it after generation): after each C_SignInit with that key,
 * C_Sign answers CKR_USER_NOT_LOGGED_IN until C_Login(CKU_CONTEXT_SPECIFIC) with the right PIN
 * (PKCS#11 2.40 section 4.9). `contextPins` records the PINs of the context-specific logins.
 */
function alwaysAuthenticating(
  fake: FakeEid,
  calls: string[],
  contextPins: (string | undefined)[],
  { pinpad = false, padTypedWrong = false } = {},
): Pkcs11Module {
  const inner = fake.pkcs11Module();
  const awaitingLogin = new Set<string>();
  const isSignatureKey = (session: pkcs11js.Handle, key: pkcs11js.Handle) =>
    inner.C_GetAttributeValue(session, key, [{ type: pkcs11js.CKA_ID }])[0]!.value.equals(Buffer.of(3));
  return recording(inner, calls, {
    C_GetTokenInfo: (slot) => {
      const info = inner.C_GetTokenInfo(slot);
      return pinpad ? { ...info, flags: info.flags | pkcs11js.CKF_PROTECTED_AUTHENTICATION_PATH } : info;
    },
    C_GetAttributeValue: (session, object, template) =>
      template.map((attribute) =>
        attribute.type === pkcs11js.CKA_ALWAYS_AUTHENTICATE
          ? { type: attribute.type, value: Buffer.of(isSignatureKey(session, object) ? 1 : 0) }
          : inner.C_GetAttributeValue(session, object, [attribute])[0]!,
      ),
    C_SignInit: (session, mechanism, key) => {
      inner.C_SignInit(session, mechanism, key);
      if (isSignatureKey(session, key)) awaitingLogin.add(session.toString('hex'));
    },
    C_Login: (session, userType, pin) => {
      if (userType !== pkcs11js.CKU_CONTEXT_SPECIFIC) return inner.C_Login(session, userType, pinpad && pin === undefined ? fake.pin : pin);
      contextPins.push(pin);
      if (!awaitingLogin.has(session.toString('hex'))) throw pkcs11Error('CKR_OPERATION_NOT_INITIALIZED', 'C_Login');
      if (pinpad ? padTypedWrong : pin !== fake.pin) throw pkcs11Error('CKR_PIN_INCORRECT', 'C_Login');
      awaitingLogin.delete(session.toString('hex'));
    },
    C_SignAsync: async (session, data, out) => {
      if (awaitingLogin.has(session.toString('hex'))) throw pkcs11Error('CKR_USER_NOT_LOGGED_IN', 'C_Sign');
      return inner.C_SignAsync(session, data, out);
    },
  });
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
    let notificationDelivered = true;
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
          // C_Login blocks the event loop: the notification's own I/O must have had its turn.
          if (!notificationDelivered) throw new Error('C_Login ran before the PIN pad notification could go out');
          inner.C_Login(session, userType, fake.pin);
        },
      });
    };
    const card = new Pkcs11EidCard({ pkcs11Module: fake.modulePath, moduleFactory: pinpadModule });
    expect(await card.pinStatus()).toEqual({ state: 'ok', pinpad: true });
    const notified: PinRequest[] = [];
    const pin = Object.assign(new RecordingPinEntry([]), {
      notifyPinpad: (request: PinRequest) => {
        notified.push(request);
        notificationDelivered = false;
        setImmediate(() => (notificationDelivered = true));
      },
    });
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
  it('re-authenticates with the same PIN after each C_SignInit when the key has CKA_ALWAYS_AUTHENTICATE, asking the PIN once', async () => {
    const calls: string[] = [];
    const contextPins: (string | undefined)[] = [];
    const card = new Pkcs11EidCard({ pkcs11Module: fake.modulePath, moduleFactory: () => alwaysAuthenticating(fake, calls, contextPins) });
    const pin = new RecordingPinEntry([fake.pin]);
    const data = Uint8Array.of(3, 1, 4);
    const { signer, signatures } = await card.withSigner('signature', pin, async (signer) => ({
      signer,
      signatures: [await signer.sign(data), await signer.sign(data)],
    }));
    expect(pin.requests).toHaveLength(1);
    expect(contextPins).toEqual([fake.pin, fake.pin]);
    for (const signature of signatures) expect(verifiesWithLeaf(signer, data, signature)).toBe(true);

    // The Authentication key has no CKA_ALWAYS_AUTHENTICATE: one user login, no context-specific one.
    await card.withSigner('authentication', new RecordingPinEntry([fake.pin]), (signer) => signer.sign(data));
    expect(contextPins).toHaveLength(2);
    expect((await card.pinStatus()).state).toBe('ok');
  });

  it('lets the PIN pad collect the PIN again for each signature with a CKA_ALWAYS_AUTHENTICATE key', async () => {
    const contextPins: (string | undefined)[] = [];
    const card = new Pkcs11EidCard({ pkcs11Module: fake.modulePath, moduleFactory: () => alwaysAuthenticating(fake, [], contextPins, { pinpad: true }) });
    const notified: PinRequest[] = [];
    const pin = Object.assign(new RecordingPinEntry([]), { notifyPinpad: (request: PinRequest) => notified.push(request) });
    await card.withSigner('signature', pin, async (signer) => [await signer.sign(Uint8Array.of(1)), await signer.sign(Uint8Array.of(2))]);
    expect(pin.requests).toHaveLength(0);
    expect(contextPins).toEqual([undefined, undefined]);
    expect(notified).toHaveLength(3); // the user login, then once per signature
  });

  it('never logs in again in an operation where the card refused the PIN of a context-specific login', async () => {
    const contextPins: (string | undefined)[] = [];
    const card = new Pkcs11EidCard({ pkcs11Module: fake.modulePath, moduleFactory: () => alwaysAuthenticating(fake, [], contextPins, { pinpad: true, padTypedWrong: true }) });
    const pin = Object.assign(new RecordingPinEntry([]), { notifyPinpad: () => undefined });
    const errors = await card.withSigner('signature', pin, async (signer) =>
      Promise.all([signer.sign(Uint8Array.of(1)), signer.sign(Uint8Array.of(2))].map((signature) => signature.catch((error: unknown) => error))),
    );
    expect(errors.map((error) => (error as EhealthCertError).code)).toEqual(['PIN_INCORRECT', 'PIN_INCORRECT']);
    expect(contextPins).toHaveLength(1);
  });

  it('refuses a Signer used after its operation ended, without asking the PIN or touching the card', async () => {
    const calls: string[] = [];
    const card = new Pkcs11EidCard({ pkcs11Module: fake.modulePath, moduleFactory: () => recording(fake.pkcs11Module(), calls) });
    const pin = new RecordingPinEntry([fake.pin, fake.pin]);
    const signer = await card.withSigner('authentication', pin, async (signer) => {
      await signer.sign(Uint8Array.of(1));
      return signer;
    });
    const callsAfterOperation = calls.length;
    await expect(signer.sign(Uint8Array.of(2))).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(pin.requests).toHaveLength(1);
    expect(calls).toHaveLength(callsAfterOperation);
  });
});
