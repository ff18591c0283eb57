/**
 * The closed set of stable error codes. Front ends map each code to an exit status (CLI) or an
 * HTTP status (API) in exactly one table; adapters translate their own failures into these at the
 * edge and keep the original as `cause` (STYLE.md "Use cases and errors").
 */
export const ERROR_CODES = [
  // input
  'INVALID_INPUT',
  'INVALID_IDENTIFIER',
  'INVALID_CONTACT_DATA',
  'WEAK_PASSWORD',
  'TERMS_NOT_ACCEPTED',
  'CANCELLED',
  // card
  'PKCS11_MODULE_NOT_FOUND',
  'CARD_ABSENT',
  'CARD_AMBIGUOUS',
  'CARD_REMOVED',
  'CARD_ERROR',
  'PIN_INCORRECT',
  'PIN_BLOCKED',
  'PIN_UNAVAILABLE',
  // keystore
  'KEYSTORE_NOT_FOUND',
  'KEYSTORE_PASSWORD_WRONG',
  'KEYSTORE_CORRUPT',
  'KEYSTORE_WRITE_FAILED',
  'KEYSTORE_MISMATCH',
  'KEYSTORE_NOT_EHEALTH',
  'KEYSTORE_FOLDER_MISSING',
  // eHealth
  'EHEALTH_REJECTED',
  'EHEALTH_UNAVAILABLE',
  'EHEALTH_RESPONSE_INVALID',
  'RENEWAL_NOT_ALLOWED',
  'REQUEST_NOT_FOUND',
  'REQUEST_UNFINISHED',
  'CERTIFICATE_NOT_ACTIVE',
  // anything else (a bug)
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Structured context of an error; never holds a PIN or a password. */
export type ErrorDetails = Readonly<Record<string, unknown>>;

/** The one error class of ehealth-cert: a stable `code`, a human message and structured details. */
export class EhealthCertError extends Error {
  override readonly name = 'EhealthCertError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** True when `error` is an EhealthCertError, optionally with the given code. */
  static is(error: unknown, code?: ErrorCode): error is EhealthCertError {
    return error instanceof EhealthCertError && (code === undefined || error.code === code);
  }
}
