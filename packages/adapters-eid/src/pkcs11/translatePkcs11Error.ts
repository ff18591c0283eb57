import { EhealthCertError } from '@ehealth-cert/core';
import pkcs11js from 'pkcs11js';

/** The PIN is blocked: what the holder must do (DOMAIN.md 6 "PIN"). */
export const PIN_BLOCKED_MESSAGE =
  'The eID PIN is blocked after 3 wrong attempts: unblock it with the PUK at your municipality.';

// PKCS#11 v2.40 return values meaning that the card left the reader or the session died with it.
const REMOVED = new Set([
  pkcs11js.CKR_DEVICE_REMOVED,
  pkcs11js.CKR_TOKEN_NOT_PRESENT,
  pkcs11js.CKR_SESSION_HANDLE_INVALID,
  pkcs11js.CKR_SESSION_CLOSED,
  pkcs11js.CKR_TOKEN_NOT_RECOGNIZED,
]);

/** The PKCS#11 return value (CKR_*) of a pkcs11js error, or undefined for anything else. */
export function pkcs11ReturnValue(error: unknown): number | undefined {
  return error instanceof pkcs11js.Pkcs11Error ? error.code : undefined;
}

/**
 * Turns a pkcs11js error into the domain code (STYLE.md "adapters translate at the edge"), keeping
 * it as `cause`. CKR_PIN_INCORRECT is handled where the token flags are known (Pkcs11Login).
 */
export function translatePkcs11Error(error: unknown, during: string): unknown {
  if (EhealthCertError.is(error) || !(error instanceof pkcs11js.Pkcs11Error)) return error;
  const ckr = error.message;
  if (REMOVED.has(error.code)) {
    return new EhealthCertError('CARD_REMOVED', `The eID card was removed while ${during} (${ckr}).`, { ckr }, { cause: error });
  }
  if (error.code === pkcs11js.CKR_PIN_LOCKED) {
    return new EhealthCertError('PIN_BLOCKED', PIN_BLOCKED_MESSAGE, { ckr }, { cause: error });
  }
  if (error.code === pkcs11js.CKR_FUNCTION_CANCELED) {
    return new EhealthCertError('CANCELLED', `PIN entry was cancelled on the reader (${ckr}).`, { ckr }, { cause: error });
  }
  return new EhealthCertError('CARD_ERROR', `The eID card failed while ${during}: ${ckr}.`, { ckr }, { cause: error });
}
