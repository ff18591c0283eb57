import { describe, expect, it } from 'vitest';
import { EhealthCertError } from '../errors/EhealthCertError.js';
import { FakeEidCard, RecordingProgress } from '../testing/index.js';
import { ListCards, ShowCardStatus } from './ShowCardStatus.js';

describe('ShowCardStatus (manual step 5)', () => {
  it('reads the holder as step 5 and the PIN state without asking the PIN', async () => {
    const card = new FakeEidCard();
    card.triesLeft = 1;
    const progress = new RecordingProgress();
    const status = await new ShowCardStatus({ card, progress }).execute();
    expect(status).toEqual({ holder: card.holder, pin: { state: 'final-try', pinpad: false } });
    expect(card.sessions).toEqual([]);
    expect(progress.steps()).toEqual(['5']);
  });

  it('says CARD_ABSENT without a card, and ListCards lists none', async () => {
    const card = new FakeEidCard();
    card.inserted = false;
    await expect(new ShowCardStatus({ card, progress: new RecordingProgress() }).execute()).rejects.toSatisfy((e: unknown) => EhealthCertError.is(e, 'CARD_ABSENT'));
    expect(await new ListCards({ card }).execute()).toEqual([]);
  });
});
