import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verify, X509Certificate } from 'node:crypto';
import { EhealthCertError, type CardGeneration, type EidCard, type EidKey, type PinEntry, type PinRequest, type Signer } from '@ehealth-cert/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

/** The card under test and what the suite may do with it. */
export interface EidCardContractFixture {
  /** The correct PIN. */
  readonly pin: string;
  /** What readHolder must return, when known. */
  readonly expectedHolder?: { readonly ssin: string; readonly givenNames: string; readonly surname: string; readonly generation: CardGeneration };
  /** The adapter on this card; options override its settings. */
  createCard(options?: { readonly pkcs11Module?: string; readonly tokenSerial?: string }): EidCard;
  /** Physical and destructive actions, only on simulated cards (never wrong PINs on a real card). */
  readonly simulate?: {
    pullOut(): Promise<void>;
    reinsert(): Promise<void>;
    /** Clears the wrong-PIN count. */
    resetPin(): Promise<void>;
    /** Another folder with two cards; `dispose` removes it. */
    severalCards(): Promise<{ readonly serials: readonly string[]; createCard(tokenSerial?: string): EidCard; dispose(): Promise<void> }>;
  };
  dispose(): Promise<void>;
}

/** An EidCard implementation to run the contract against; `skipReason` skips it with that reason. */
export interface EidCardContractTarget {
  readonly name: string;
  readonly skipReason?: string;
  setUp(): Promise<EidCardContractFixture>;
}

/** A PinEntry that answers from a list and records each request. */
export class RecordingPinEntry implements PinEntry {
  readonly requests: PinRequest[] = [];
  constructor(private readonly answers: readonly string[]) {}
  async askPin(request: PinRequest): Promise<string> {
    this.requests.push(request);
    const answer = this.answers[this.requests.length - 1];
    if (answer === undefined) throw new EhealthCertError('PIN_UNAVAILABLE', 'no more PINs in this test', {});
    return answer;
  }
}

async function rejection(promise: Promise<unknown>): Promise<EhealthCertError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof EhealthCertError)) throw new Error(`expected an EhealthCertError, got ${String(error)}`);
  return error;
}

/** Verifies `signature` over `data` with the public key of the signer's leaf certificate (node:crypto). */
export function verifiesWithLeaf(
  signer: Pick<Signer, 'algorithm' | 'certificateChain'>,
  data: Uint8Array,
  signature: Uint8Array,
  algorithm: Signer['algorithm'] = signer.algorithm,
): boolean {
  const key = new X509Certificate(signer.certificateChain[0]!).publicKey;
  return algorithm === 'RSA-SHA256'
    ? verify('sha256', data, key, signature)
    : verify(algorithm === 'ECDSA-SHA256' ? 'sha256' : 'sha384', data, { key, dsaEncoding: 'ieee-p1363' }, signature);
}

/** Raw r||s (IEEE P1363) to DER SEQUENCE { INTEGER r, INTEGER s } (RFC 3279 Ecdsa-Sig-Value). */
export function p1363ToDer(raw: Uint8Array): Uint8Array {
  const integer = (bytes: Uint8Array): number[] => {
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0) start++;
    const body = [...bytes.subarray(start)];
    if (body[0]! & 0x80) body.unshift(0);
    return [0x02, body.length, ...body];
  };
  const half = raw.length / 2;
  const content = [...integer(raw.subarray(0, half)), ...integer(raw.subarray(half))];
  return Uint8Array.from(content.length < 128 ? [0x30, content.length, ...content] : [0x30, 0x81, content.length, ...content]);
}

/** The behaviour of every EidCard (core port EidCard.ts), written once (STYLE.md "Contract suites"). */
export function describeEidCardContract(target: EidCardContractTarget): void {
  const title = target.skipReason ? `${target.name} (skipped: ${target.skipReason})` : target.name;
  describe.skipIf(target.skipReason !== undefined)(`EidCard contract: ${title}`, () => {
    let fixture: EidCardContractFixture;
    let card: EidCard;
    beforeAll(async () => {
      fixture = await target.setUp();
      card = fixture.createCard();
    });
    afterAll(async () => fixture?.dispose());
    afterEach(async () => {
      await fixture.simulate?.reinsert();
      await fixture.simulate?.resetPin();
    });
    const simulated = (name: string, test: () => Promise<void>) =>
      it(name, async (context) => {
        if (!fixture.simulate) return context.skip('needs a simulated card (never done to a real card)');
        await test();
      });

    it('reads the holder from the Authentication certificate without a PIN', async () => {
      const holder = await card.readHolder();
      expect(holder.ssin).toMatch(/^\d{11}$/u);
      expect(holder.givenNames).not.toBe('');
      expect(holder.surname).not.toBe('');
      if (fixture.expectedHolder) expect(holder).toMatchObject(fixture.expectedHolder);
      const slots = await card.listCards();
      expect(slots.map((slot) => slot.tokenSerial)).toContain(holder.tokenSerial);
      expect(slots.find((slot) => slot.tokenSerial === holder.tokenSerial)?.label).toBe('BELPIC');
    });

    it('returns both chains as leaf, Citizen CA, Root, each issued by the next', async () => {
      const holder = await card.readHolder();
      for (const [chain, role] of [[holder.authenticationChain, 'Authentication'], [holder.signatureChain, 'Signature']] as const) {
        expect(chain).toHaveLength(3);
        const [leaf, ca, root] = chain.map((der) => new X509Certificate(der));
        expect(leaf!.subject).toContain(`(${role})`);
        expect(leaf!.subject).toContain(`serialNumber=${holder.ssin}`);
        expect(leaf!.checkIssued(ca!) && leaf!.verify(ca!.publicKey)).toBe(true);
        expect(ca!.checkIssued(root!) && ca!.verify(root!.publicKey)).toBe(true);
        expect(root!.verify(root!.publicKey)).toBe(true);
      }
      const key = new X509Certificate(holder.authenticationChain[0]!).publicKey;
      const generation = key.asymmetricKeyType === 'ec' ? 'ecp384' : `rsa${key.asymmetricKeyDetails?.modulusLength}`;
      expect(holder.generation).toBe(generation);
    });

    it('reports the PIN state without asking for the PIN', async () => {
      expect((await card.pinStatus()).state).toBe('ok');
    });

    for (const key of ['authentication', 'signature'] as const satisfies readonly EidKey[]) {
      it(`signs with the ${key} key, verifiable with the certificate's public key, asking the PIN once`, async () => {
        const pin = new RecordingPinEntry([fixture.pin]);
        const data = new TextEncoder().encode(`contract ${key}`);
        const { signer, signatures } = await card.withSigner(key, pin, async (signer) => ({
          signer,
          signatures: [await signer.sign(data), await signer.sign(data)],
        }));
        expect(pin.requests).toHaveLength(1);
        expect(pin.requests[0]).toMatchObject({ key });
        expect(signer.role).toBe(key);
        const holder = await card.readHolder();
        expect(signer.certificateChain).toEqual(key === 'authentication' ? holder.authenticationChain : holder.signatureChain);
        expect(signer.algorithm).toBe(holder.generation === 'ecp384' ? 'ECDSA-SHA384' : 'RSA-SHA256');
        if (signer.algorithm === 'ECDSA-SHA384') expect(signatures[0]).toHaveLength(96);
        for (const signature of signatures) expect(verifiesWithLeaf(signer, data, signature)).toBe(true);
        expect(verifiesWithLeaf(signer, new TextEncoder().encode('other data'), signatures[0]!)).toBe(false);
      });
    }

    it('an EC key also signs over a SHA-256 digest when asked (XML ecdsa-sha256, the connector\'s default, issue 12); an RSA key refuses it', async () => {
      const data = new TextEncoder().encode('ecdsa-sha256');
      const { signer, signature } = await card.withSigner('authentication', new RecordingPinEntry([fixture.pin]), async (signer) => ({
        signer,
        signature: await signer.sign(data, signer.algorithm === 'RSA-SHA256' ? 'RSA-SHA256' : 'ECDSA-SHA256'),
      }));
      if (signer.algorithm === 'RSA-SHA256') {
        const refused = await card.withSigner('authentication', new RecordingPinEntry([fixture.pin]), (s) => s.sign(data, 'ECDSA-SHA256')).catch((e: unknown) => e);
        expect(EhealthCertError.is(refused, 'INTERNAL')).toBe(true);
        return;
      }
      expect(signature).toHaveLength(96);
      expect(verifiesWithLeaf(signer, data, signature, 'ECDSA-SHA256')).toBe(true);
      expect(verifiesWithLeaf(signer, data, signature, 'ECDSA-SHA384')).toBe(false);
    });

    it('produces signatures that OpenSSL verifies (openssl dgst -verify)', async () => {
      const data = new TextEncoder().encode('checked by openssl');
      const folder = mkdtempSync(join(tmpdir(), 'eid-openssl-'));
      try {
        for (const key of ['authentication', 'signature'] as const) {
          const { signer, signature } = await card.withSigner(key, new RecordingPinEntry([fixture.pin]), async (signer) => ({ signer, signature: await signer.sign(data) }));
          const ec = signer.algorithm === 'ECDSA-SHA384';
          writeFileSync(join(folder, 'data'), data);
          writeFileSync(join(folder, 'sig'), ec ? p1363ToDer(signature) : signature);
          writeFileSync(join(folder, 'pub.pem'), new X509Certificate(signer.certificateChain[0]!).publicKey.export({ type: 'spki', format: 'pem' }));
          const out = execFileSync('openssl', ['dgst', ec ? '-sha384' : '-sha256', '-verify', join(folder, 'pub.pem'), '-signature', join(folder, 'sig'), join(folder, 'data')]);
          expect(out.toString().trim()).toBe('Verified OK');
        }
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });

    it('does not ask the PIN when the operation signs nothing', async () => {
      const pin = new RecordingPinEntry([]);
      const chain = await card.withSigner('signature', pin, async (signer) => signer.certificateChain);
      expect(chain).toHaveLength(3);
      expect(pin.requests).toHaveLength(0);
    });

    it("passes the operation's own error through and stays usable", async () => {
      const failure = new Error('operation failed');
      await expect(card.withSigner('authentication', new RecordingPinEntry([]), async () => Promise.reject(failure))).rejects.toBe(failure);
      expect((await card.readHolder()).ssin).toMatch(/^\d{11}$/u);
    });

    it('fails with PKCS11_MODULE_NOT_FOUND listing the path tried and what to install', async () => {
      const error = await rejection(fixture.createCard({ pkcs11Module: '/nonexistent/libbeidpkcs11.so' }).readHolder());
      expect(error.code).toBe('PKCS11_MODULE_NOT_FOUND');
      expect(error.message).toContain('/nonexistent/libbeidpkcs11.so');
      expect(error.message).toMatch(/install/u);
      expect(error.details).toEqual({ tried: ['/nonexistent/libbeidpkcs11.so'] });
    });

    simulated('answers PIN_INCORRECT with the tries left, never retrying, and a correct PIN resets the count', async () => {
      const first = new RecordingPinEntry(['0000', fixture.pin]);
      const error = await rejection(card.withSigner('signature', first, (signer) => signer.sign(Uint8Array.of(1))));
      expect(error.code).toBe('PIN_INCORRECT');
      expect(error.details).toEqual({ triesLeft: 2 });
      expect(first.requests).toHaveLength(1);
      expect((await card.pinStatus()).state).toBe('count-low');

      const second = new RecordingPinEntry(['0000']);
      const again = await rejection(card.withSigner('signature', second, (signer) => signer.sign(Uint8Array.of(1))));
      expect(again.details).toEqual({ triesLeft: 1 });
      expect((await card.pinStatus()).state).toBe('final-try');

      const third = new RecordingPinEntry([fixture.pin]);
      await card.withSigner('signature', third, (signer) => signer.sign(Uint8Array.of(1)));
      expect(third.requests[0]?.triesLeft).toBe(1);
      expect((await card.pinStatus()).state).toBe('ok');
    });

    simulated('blocks the PIN after 3 wrong PINs and then does not ask for it', async () => {
      for (const expected of ['PIN_INCORRECT', 'PIN_INCORRECT', 'PIN_BLOCKED']) {
        const error = await rejection(card.withSigner('authentication', new RecordingPinEntry(['9999']), (signer) => signer.sign(Uint8Array.of(1))));
        expect(error.code).toBe(expected);
      }
      expect(await card.pinStatus()).toEqual({ state: 'blocked', pinpad: false });
      const pin = new RecordingPinEntry([fixture.pin]);
      const error = await rejection(card.withSigner('authentication', pin, (signer) => signer.sign(Uint8Array.of(1))));
      expect(error.code).toBe('PIN_BLOCKED');
      expect(error.message).toContain('PUK');
      expect(error.message).toContain('municipality');
      expect(pin.requests).toHaveLength(0);
    });

    simulated('fails with CARD_ABSENT when no card is in the reader', async () => {
      await fixture.simulate!.pullOut();
      for (const read of [() => card.readHolder(), () => card.pinStatus()]) {
        expect((await rejection(read())).code).toBe('CARD_ABSENT');
      }
      expect(await card.listCards()).toEqual([]);
    });

    simulated('fails with CARD_REMOVED when the card is pulled out mid-operation, and works again once reinserted', async () => {
      const error = await rejection(
        card.withSigner('signature', new RecordingPinEntry([fixture.pin]), async (signer) => {
          await signer.sign(Uint8Array.of(1));
          await fixture.simulate!.pullOut();
          return signer.sign(Uint8Array.of(2));
        }),
      );
      expect(error.code).toBe('CARD_REMOVED');
      await fixture.simulate!.reinsert();
      const signature = await card.withSigner('signature', new RecordingPinEntry([fixture.pin]), (signer) => signer.sign(Uint8Array.of(3)));
      expect(signature.length).toBeGreaterThan(0);
    });

    simulated('lists several cards and never silently takes the first: CARD_AMBIGUOUS unless one is named', async () => {
      const several = await fixture.simulate!.severalCards();
      try {
        const error = await rejection(several.createCard().readHolder());
        expect(error.code).toBe('CARD_AMBIGUOUS');
        expect(error.details).toEqual({ cards: expect.arrayContaining([...several.serials]) });
        for (const serial of several.serials) expect(error.message).toContain(serial);
        expect((await several.createCard().listCards()).map((slot) => slot.tokenSerial).sort()).toEqual([...several.serials].sort());
        const chosen = several.serials[1]!;
        expect((await several.createCard(chosen).readHolder()).tokenSerial).toBe(chosen);
        expect((await rejection(several.createCard('0000000000000000').readHolder())).code).toBe('CARD_ABSENT');
      } finally {
        await several.dispose();
      }
    });
  });
}
