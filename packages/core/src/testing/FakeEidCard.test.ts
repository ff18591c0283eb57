import { describe, expect, it } from 'vitest';
import { FakeEidCard } from './FakeEidCard.js';
import { ScriptedPinEntry } from './ScriptedPinEntry.js';
import { rejectionOf } from './scenarios.js';

const sign = (card: FakeEidCard, pin: ScriptedPinEntry) => card.withSigner('signature', pin, (signer) => signer.sign(new Uint8Array([1, 2, 3])));

describe('FakeEidCard', () => {
  it('signs deterministically with the right PIN and records the signature', async () => {
    const card = new FakeEidCard();
    const first = await sign(card, new ScriptedPinEntry('1234'));
    const second = await sign(card, new ScriptedPinEntry('1234'));
    expect(first).toEqual(second);
    expect(card.signatures.map((s) => s.key)).toEqual(['signature', 'signature']);
  });

  it('counts wrong PINs down, reports tries left and blocks after three', async () => {
    const card = new FakeEidCard();
    expect((await rejectionOf(sign(card, new ScriptedPinEntry('0')))).details).toEqual({ triesLeft: 2 });
    expect((await card.pinStatus()).state).toBe('count-low');
    await rejectionOf(sign(card, new ScriptedPinEntry('0')));
    expect((await card.pinStatus()).state).toBe('final-try');
    expect((await rejectionOf(sign(card, new ScriptedPinEntry('0')))).code).toBe('PIN_BLOCKED');
    const pin = new ScriptedPinEntry('1234');
    expect((await rejectionOf(sign(card, pin))).code).toBe('PIN_BLOCKED');
    expect(pin.asked).toEqual([]);
  });

  it('resets the counter after a right PIN', async () => {
    const card = new FakeEidCard();
    await rejectionOf(sign(card, new ScriptedPinEntry('0')));
    await sign(card, new ScriptedPinEntry('1234'));
    expect(card.triesLeft).toBe(3);
  });

  it('takes the PIN on the PIN pad without asking', async () => {
    const card = new FakeEidCard({ pinpad: true, pinpadInput: '0000' });
    const pin = new ScriptedPinEntry('1234');
    expect((await rejectionOf(sign(card, pin))).code).toBe('PIN_INCORRECT');
    expect(pin.asked).toEqual([]);
    expect(pin.pinpadNotices).toHaveLength(1);
  });

  it('fails with CARD_REMOVED when pulled out while signing, then CARD_ABSENT', async () => {
    const card = new FakeEidCard();
    card.removeDuringNextSignature();
    expect((await rejectionOf(sign(card, new ScriptedPinEntry('1234')))).code).toBe('CARD_REMOVED');
    expect((await rejectionOf(card.readHolder())).code).toBe('CARD_ABSENT');
    expect(await card.listCards()).toEqual([]);
  });
});
