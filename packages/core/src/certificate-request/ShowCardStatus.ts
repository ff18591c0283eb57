import type { CardHolder, CardSlot, EidCard, PinStatus } from '../ports/EidCard.js';
import type { Progress } from '../ports/Progress.js';
import { trackStep } from './trackStep.js';

/** The inserted eID as manual step 5 shows it: holder and PIN state, no PIN asked. */
export interface CardStatus {
  readonly holder: CardHolder;
  readonly pin: PinStatus;
}

/**
 * Manual step 5 with the PIN state: the holder (as ReadCardHolder), then what the token says about
 * the PIN. CARD_AMBIGUOUS when several cards are inserted: ListCards names them.
 */
export class ShowCardStatus {
  constructor(private readonly ports: { readonly card: EidCard; readonly progress: Progress }) {}

  async execute(): Promise<CardStatus> {
    const holder = await trackStep(this.ports.progress, '5', 'card.readHolder', () => this.ports.card.readHolder());
    const pin = await this.ports.card.pinStatus();
    return { holder, pin };
  }
}

/** The tokens that look like an eID, so that the person can name one when there are several. */
export class ListCards {
  constructor(private readonly ports: { readonly card: EidCard }) {}

  execute(): Promise<readonly CardSlot[]> {
    return this.ports.card.listCards();
  }
}
