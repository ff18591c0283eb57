/**
 * Failures that belong to the HTTP layer itself, not to the domain (core's ERROR_CODES): they
 * share the problem document's `code` field so that a client switches on one field.
 */
export const API_ERROR_CODES = [
  'UNAUTHORIZED',
  'HOST_NOT_ALLOWED',
  'TOKEN_IN_QUERY',
  'ROUTE_NOT_FOUND',
  'JOB_NOT_FOUND',
  'CARD_BUSY',
  'RATE_LIMITED',
  'IDEMPOTENCY_KEY_MISSING',
  'IDEMPOTENCY_KEY_REUSED',
  'REQUEST_INTERRUPTED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
] as const;

/** A code of the HTTP layer (see API_ERROR_CODES). */
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];
