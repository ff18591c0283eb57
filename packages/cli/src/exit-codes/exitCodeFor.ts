import type { ErrorCode } from '@ehealth-cert/core';

/** The exit statuses of ehealth-cert (documented in `--help` and the README). */
export const EXIT = {
  done: 0,
  other: 1,
  badInput: 2,
  pending: 3,
  cardOrPin: 4,
  refused: 5,
  unreachable: 6,
  /** `status --expiring-within`: a certificate expires within the period, or has expired (for monitoring). */
  expiring: 7,
  /** Ctrl-C: 128 + SIGINT, as shells report an interrupted program. */
  interrupted: 130,
} as const;

/** The one table from error code to exit status (STYLE.md "Use cases and errors"). */
const EXIT_BY_CODE: Record<ErrorCode, number> = {
  INVALID_INPUT: EXIT.badInput,
  INVALID_IDENTIFIER: EXIT.badInput,
  INVALID_CONTACT_DATA: EXIT.badInput,
  WEAK_PASSWORD: EXIT.badInput,
  TERMS_NOT_ACCEPTED: EXIT.badInput,
  CANCELLED: EXIT.other,
  PKCS11_MODULE_NOT_FOUND: EXIT.cardOrPin,
  CARD_ABSENT: EXIT.cardOrPin,
  CARD_AMBIGUOUS: EXIT.cardOrPin,
  CARD_REMOVED: EXIT.cardOrPin,
  CARD_ERROR: EXIT.cardOrPin,
  PIN_INCORRECT: EXIT.cardOrPin,
  PIN_BLOCKED: EXIT.cardOrPin,
  PIN_UNAVAILABLE: EXIT.cardOrPin,
  KEYSTORE_NOT_FOUND: EXIT.badInput,
  KEYSTORE_PASSWORD_WRONG: EXIT.badInput,
  KEYSTORE_CORRUPT: EXIT.badInput,
  KEYSTORE_MISMATCH: EXIT.badInput,
  // Issue 13: a readable PKCS#12 of another kind: the person gave the wrong file.
  KEYSTORE_NOT_EHEALTH: EXIT.badInput,
  // Issue 13: the folder went away during the run (like a folder that cannot be written).
  KEYSTORE_FOLDER_MISSING: EXIT.other,
  KEYSTORE_WRITE_FAILED: EXIT.other,
  EHEALTH_REJECTED: EXIT.refused,
  RENEWAL_NOT_ALLOWED: EXIT.refused,
  REQUEST_NOT_FOUND: EXIT.refused,
  // Issue 13: not an eHealth refusal, nothing was sent; the person chooses complete, status or --new-key.
  REQUEST_UNFINISHED: EXIT.badInput,
  CERTIFICATE_NOT_ACTIVE: EXIT.refused,
  EHEALTH_UNAVAILABLE: EXIT.unreachable,
  EHEALTH_RESPONSE_INVALID: EXIT.unreachable,
  INTERNAL: EXIT.other,
};

/** The exit status for an error code (unknown codes are "anything else"). */
export function exitCodeFor(code: string): number {
  return (EXIT_BY_CODE as Record<string, number>)[code] ?? EXIT.other;
}
