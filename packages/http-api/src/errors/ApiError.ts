import type { ErrorDetails } from '@ehealth-cert/core';
import type { ApiErrorCode } from './ApiErrorCode.js';

/** A failure of the HTTP layer (token, queue, idempotency, routing), rendered like a domain error. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
    /** Extra response headers, e.g. `WWW-Authenticate` (RFC 6750 section 3). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}
