import { EhealthCertError, type PinEntry, type PinRequest } from '@ehealth-cert/core';

/**
 * The PIN from one API request body, handed to the card at most once: a wrong PIN is never tried
 * again (three wrong PINs block the card, ARCHITECTURE.md "Data that must never be lost").
 */
export class BodyPinEntry implements PinEntry {
  private used = false;

  constructor(private readonly pin: string | undefined) {}

  async askPin(request: PinRequest): Promise<string> {
    if (this.pin === undefined) {
      throw new EhealthCertError('PIN_UNAVAILABLE', `The eID ${request.key} key needs the PIN: send it in the body field "pin".`, {
        field: 'body.pin',
      });
    }
    if (this.used) {
      throw new EhealthCertError('PIN_UNAVAILABLE', 'The PIN of this request was already used once; send a new request.', {
        field: 'body.pin',
      });
    }
    this.used = true;
    return this.pin;
  }

  notifyPinpad(): void {
    // The holder types the PIN on the reader's pad; nothing to hand over.
  }
}
