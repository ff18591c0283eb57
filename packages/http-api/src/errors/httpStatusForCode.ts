import type { ErrorCode } from '@ehealth-cert/core';
import type { ApiErrorCode } from './ApiErrorCode.js';

/**
 * THE one table from error code to HTTP status (STYLE.md "Use cases and errors"). Typed as a full
 * Record so that a code added to core's ERROR_CODES fails the build here until it is mapped.
 */
export const HTTP_STATUS_FOR_CODE: Readonly<Record<ErrorCode | ApiErrorCode, number>> = {
  // What the client sent breaks a rule: the message names the field and the rule.
  INVALID_INPUT: 400,
  INVALID_IDENTIFIER: 400,
  INVALID_CONTACT_DATA: 400,
  WEAK_PASSWORD: 400,
  TERMS_NOT_ACCEPTED: 400,
  CANCELLED: 400,
  PIN_UNAVAILABLE: 400,
  IDEMPOTENCY_KEY_MISSING: 400,
  // A bearer token in the URL (RFC 6750 section 5.3: never in a page URL): refused before auth.
  TOKEN_IN_QUERY: 400,
  // RFC 6750 section 3.1: missing or wrong bearer token.
  UNAUTHORIZED: 401,
  // The Host header is not a name this server answers for (DNS rebinding defence), before auth.
  HOST_NOT_ALLOWED: 403,
  ROUTE_NOT_FOUND: 404,
  JOB_NOT_FOUND: 404,
  KEYSTORE_NOT_FOUND: 404,
  REQUEST_NOT_FOUND: 404,
  REQUEST_UNFINISHED: 409,
  // The state of the card, the keystore or the certificate does not allow the operation now.
  CARD_BUSY: 409,
  CARD_ABSENT: 409,
  CARD_AMBIGUOUS: 409,
  CARD_REMOVED: 409,
  KEYSTORE_MISMATCH: 409,
  // A readable PKCS#12 without the `authentication` key: not an eHealth keystore (issue 13).
  KEYSTORE_NOT_EHEALTH: 409,
  RENEWAL_NOT_ALLOWED: 409,
  CERTIFICATE_NOT_ACTIVE: 409,
  // A retried POST whose first run was cut by a restart: its effect at eHealth is unknown.
  REQUEST_INTERRUPTED: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  // Well-formed, but the secret was wrong or eHealth refused the content (details say why).
  PIN_INCORRECT: 422,
  KEYSTORE_PASSWORD_WRONG: 422,
  EHEALTH_REJECTED: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  // Three wrong PINs: the card is locked until the holder unblocks it with the PUK (RFC 4918 423).
  PIN_BLOCKED: 423,
  RATE_LIMITED: 429,
  // The server's own side: configuration, files, devices, bugs.
  INTERNAL: 500,
  PKCS11_MODULE_NOT_FOUND: 500,
  KEYSTORE_CORRUPT: 500,
  KEYSTORE_WRITE_FAILED: 500,
  KEYSTORE_FOLDER_MISSING: 500,
  // eHealth (DOMAIN.md 1.1) or the card reader answered badly, or not at all.
  CARD_ERROR: 502,
  EHEALTH_RESPONSE_INVALID: 502,
  EHEALTH_UNAVAILABLE: 503,
};
