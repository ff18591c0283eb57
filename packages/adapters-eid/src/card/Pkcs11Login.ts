import { EhealthCertError, type PinEntry, type PinRequest } from '@ehealth-cert/core';
import pkcs11js from 'pkcs11js';
import type { Pkcs11Module } from '../pkcs11/Pkcs11Module.js';
import { PIN_BLOCKED_MESSAGE, pkcs11ReturnValue } from '../pkcs11/translatePkcs11Error.js';

/** Tries left from the token flags: the eID allows 3 tries (DOMAIN.md 6 "PIN"), PKCS#11 only says low / final. */
export function triesLeftFromFlags(flags: number): number | undefined {
  if (flags & pkcs11js.CKF_USER_PIN_LOCKED) return 0;
  if (flags & pkcs11js.CKF_USER_PIN_FINAL_TRY) return 1;
  if (flags & pkcs11js.CKF_USER_PIN_COUNT_LOW) return 2;
  return undefined;
}

/**
 * The user login of one card operation: asks the PIN through the port at most once and only on
 * first need; a wrong PIN is never retried (the failed login is remembered and rethrown). `end`
 * forgets the PIN when the operation is over; the login refuses to work after that.
 */
export class Pkcs11Login {
  private login?: Promise<void>;
  // Kept only until `end`, for keys with CKA_ALWAYS_AUTHENTICATE (PKCS#11 2.40 4.9): each signature
  // needs a context-specific login, and the holder typed the PIN once for the whole operation.
  private pin?: string;
  private ended = false;
  // The card refused a PIN in this operation: every later login of the operation fails the same way.
  private refused?: unknown;

  constructor(
    private readonly module: Pkcs11Module,
    private readonly session: pkcs11js.Handle,
    private readonly slot: pkcs11js.Handle,
    private readonly request: Omit<PinRequest, 'triesLeft'>,
    private readonly pinEntry: PinEntry,
  ) {}

  /** Logs the user in once for the whole operation. */
  ensure(): Promise<void> {
    if (this.ended) return Promise.reject(endedError(this.request.key));
    if (this.refused !== undefined) return Promise.reject(this.refused);
    this.login ??= this.logIn(pkcs11js.CKU_USER, true);
    return this.login;
  }

  /**
   * PKCS#11 2.40 CKA_ALWAYS_AUTHENTICATE: C_Login(CKU_CONTEXT_SPECIFIC) right after C_SignInit,
   * with the PIN of this operation (never asked again); on a PIN pad the reader asks it again.
   */
  contextSpecific(): Promise<void> {
    if (this.ended) return Promise.reject(endedError(this.request.key));
    if (this.refused !== undefined) return Promise.reject(this.refused);
    return this.logIn(pkcs11js.CKU_CONTEXT_SPECIFIC, false);
  }

  /** The operation is over: forget the PIN and refuse any later login. */
  end(): void {
    this.ended = true;
    this.pin = undefined;
  }

  private async logIn(userType: number, ask: boolean): Promise<void> {
    const flags = this.module.C_GetTokenInfo(this.slot).flags;
    if (flags & pkcs11js.CKF_USER_PIN_LOCKED) throw blocked();
    const request: PinRequest = { ...this.request, triesLeft: triesLeftFromFlags(flags) };
    const pinpad = (flags & pkcs11js.CKF_PROTECTED_AUTHENTICATION_PATH) !== 0;
    let pin: string | undefined;
    if (pinpad) {
      // The reader collects the PIN; PKCS#11 says to pass a NULL PIN (DOMAIN.md 6 "Token").
      this.pinEntry.notifyPinpad?.(request);
      // pkcs11js has no C_LoginAsync: C_Login blocks the event loop while the holder types on the
      // reader, so let the notification (a prompt line, a server event) go out first.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (this.ended) throw endedError(this.request.key);
    } else {
      pin = ask ? await this.pinEntry.askPin(request) : this.pin;
      // The operation may have ended while the PIN was being typed.
      if (this.ended) throw endedError(this.request.key);
      if (pin === undefined || !/^\d{4,12}$/u.test(pin)) {
        // Checked here so that a mistyped PIN does not cost a try on the card.
        throw new EhealthCertError('PIN_INCORRECT', 'The eID PIN must be 4 to 12 digits; nothing was sent to the card.', {});
      }
      this.pin = pin;
    }
    try {
      this.module.C_Login(this.session, userType, pin);
    } catch (error) {
      const ckr = pkcs11ReturnValue(error);
      if (ckr === pkcs11js.CKR_USER_ALREADY_LOGGED_IN) return;
      this.pin = undefined;
      if (ckr === pkcs11js.CKR_PIN_LOCKED) throw (this.refused = blocked(error));
      if (ckr === pkcs11js.CKR_PIN_INCORRECT || ckr === pkcs11js.CKR_PIN_LEN_RANGE) throw (this.refused = this.incorrect(error));
      throw error;
    }
  }

  private incorrect(cause: unknown): EhealthCertError {
    const flags = this.module.C_GetTokenInfo(this.slot).flags;
    if (flags & pkcs11js.CKF_USER_PIN_LOCKED) return blocked(cause);
    const triesLeft = triesLeftFromFlags(flags);
    const left = triesLeft === undefined ? '' : ` ${triesLeft} ${triesLeft === 1 ? 'try' : 'tries'} left before the PIN is blocked.`;
    return new EhealthCertError('PIN_INCORRECT', `The eID PIN is incorrect.${left}`, triesLeft === undefined ? {} : { triesLeft }, { cause });
  }
}

function blocked(cause?: unknown): EhealthCertError {
  return new EhealthCertError('PIN_BLOCKED', PIN_BLOCKED_MESSAGE, {}, cause === undefined ? undefined : { cause });
}

function endedError(key: string): EhealthCertError {
  return new EhealthCertError('INTERNAL', `The ${key} key's signer was used after its withSigner operation ended; sign inside the operation.`, { key });
}
