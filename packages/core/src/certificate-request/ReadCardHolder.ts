import type { CardHolder, EidCard } from '../ports/EidCard.js';
import type { Progress } from '../ports/Progress.js';
import { trackStep } from './trackStep.js';

/** Manual step 5: the holder of the inserted eID (no PIN needed). */
export class ReadCardHolder {
  constructor(private readonly ports: { readonly card: EidCard; readonly progress: Progress }) {}

  execute(): Promise<CardHolder> {
    return trackStep(this.ports.progress, '5', 'card.readHolder', () => this.ports.card.readHolder());
  }
}
