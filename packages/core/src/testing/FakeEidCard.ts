import type { Bytes } from '../ports/binary.js';
import type { CardHolder, CardSlot, EidCard, EidKey, PinEntry, PinRequest, PinStatus, Signer } from '../ports/EidCard.js';
import { EhealthCertError } from '../errors/EhealthCertError.js';
import { decodeFakeCertificate, fromHex } from './FakeCertificate.js';
import { fakeSignature } from './FakeKeyFactory.js';
import { aHolder } from './builders.js';

/** One signature the fake card made: which key, over what. */
export interface FakeCardSignature {
  readonly key: EidKey;
  readonly data: Bytes;
}

/** Options of FakeEidCard. */
export interface FakeEidCardOptions {
  readonly holder?: CardHolder;
  readonly pin?: string;
  /** The reader has a PIN pad: the PIN is "typed" there and equals `pinpadInput`. */
  readonly pinpad?: boolean;
  readonly pinpadInput?: string;
}

/**
 * An eID card in memory: three PIN tries then blocked (DOMAIN.md 6), PIN pad mode, absent card,
 * removal in the middle of an operation; its Signers sign deterministically and record each call.
 */
export class FakeEidCard implements EidCard {
  holder: CardHolder;
  inserted = true;
  triesLeft = 3;
  /** Every signature made, in order. */
  readonly signatures: FakeCardSignature[] = [];
  /** Every withSigner call, in order (also the failed ones). */
  readonly sessions: EidKey[] = [];
  private removeOnNextSign = false;
  private readonly pin: string;
  private readonly pinpad: boolean;
  private readonly pinpadInput: string;

  constructor(options: FakeEidCardOptions = {}) {
    this.holder = options.holder ?? aHolder();
    this.pin = options.pin ?? '1234';
    this.pinpad = options.pinpad ?? false;
    this.pinpadInput = options.pinpadInput ?? this.pin;
  }

  /** The card is pulled out during the next signature. */
  removeDuringNextSignature(): void {
    this.removeOnNextSign = true;
  }

  listCards(): Promise<readonly CardSlot[]> {
    if (!this.inserted) return Promise.resolve([]);
    return Promise.resolve([{ tokenSerial: this.holder.tokenSerial, label: 'BELPIC', holder: `${this.holder.givenNames} ${this.holder.surname}` }]);
  }

  async readHolder(): Promise<CardHolder> {
    this.requireCard();
    return this.holder;
  }

  async pinStatus(): Promise<PinStatus> {
    this.requireCard();
    const state = this.triesLeft === 0 ? 'blocked' : this.triesLeft === 1 ? 'final-try' : this.triesLeft === 2 ? 'count-low' : 'ok';
    return { state, pinpad: this.pinpad };
  }

  async withSigner<T>(key: EidKey, pin: PinEntry, operation: (signer: Signer) => Promise<T>): Promise<T> {
    this.sessions.push(key);
    this.requireCard();
    if (this.triesLeft === 0) throw new EhealthCertError('PIN_BLOCKED', 'The eID PIN is blocked after three wrong tries.');
    const request: PinRequest = {
      key,
      holderName: `${this.holder.givenNames} ${this.holder.surname}`,
      ...(this.triesLeft < 3 ? { triesLeft: this.triesLeft } : {}),
    };
    let typed: string;
    if (this.pinpad) {
      pin.notifyPinpad?.(request);
      typed = this.pinpadInput;
    } else {
      typed = await pin.askPin(request);
    }
    if (typed !== this.pin) {
      this.triesLeft -= 1;
      if (this.triesLeft === 0) throw new EhealthCertError('PIN_BLOCKED', 'Wrong PIN: the eID PIN is now blocked.');
      throw new EhealthCertError('PIN_INCORRECT', `Wrong PIN for the ${key} key.`, { triesLeft: this.triesLeft });
    }
    this.triesLeft = 3;
    return operation(this.signerFor(key));
  }

  private signerFor(key: EidKey): Signer {
    const certificateChain = key === 'authentication' ? this.holder.authenticationChain : this.holder.signatureChain;
    const leaf = certificateChain[0];
    const publicKey = leaf ? fromHex(decodeFakeCertificate(leaf).publicKey) : new Uint8Array();
    return {
      role: key,
      algorithm: this.holder.generation === 'ecp384' ? 'ECDSA-SHA384' : 'RSA-SHA256',
      certificateChain,
      sign: (data) => {
        if (this.removeOnNextSign) {
          this.removeOnNextSign = false;
          this.inserted = false;
          return Promise.reject(new EhealthCertError('CARD_REMOVED', 'The eID card was removed during the operation.'));
        }
        this.signatures.push({ key, data });
        return Promise.resolve(fakeSignature(publicKey, data));
      },
    };
  }

  private requireCard(): void {
    if (!this.inserted) throw new EhealthCertError('CARD_ABSENT', 'No eID card is inserted.');
  }
}
