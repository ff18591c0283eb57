import type { PinEntry, PinRequest } from '../ports/EidCard.js';
import { EhealthCertError } from '../errors/EhealthCertError.js';

/** A person who types the given PINs in order; records each request. No PIN left: PIN_UNAVAILABLE. */
export class ScriptedPinEntry implements PinEntry {
  readonly asked: PinRequest[] = [];
  readonly pinpadNotices: PinRequest[] = [];
  private readonly answers: string[];

  constructor(...answers: string[]) {
    this.answers = answers;
  }

  askPin(request: PinRequest): Promise<string> {
    this.asked.push(request);
    const answer = this.answers.shift();
    if (answer === undefined) return Promise.reject(new EhealthCertError('PIN_UNAVAILABLE', 'No PIN was given for this step.'));
    return Promise.resolve(answer);
  }

  notifyPinpad(request: PinRequest): void {
    this.pinpadNotices.push(request);
  }
}
