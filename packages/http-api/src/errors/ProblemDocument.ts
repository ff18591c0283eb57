import type { FastifyError, FastifySchemaValidationError } from 'fastify';
import { EhealthCertError, withoutInternalReferences, type ErrorCode } from '@ehealth-cert/core';
import { ApiError } from './ApiError.js';
import type { ApiErrorCode } from './ApiErrorCode.js';
import { HTTP_STATUS_FOR_CODE } from './httpStatusForCode.js';
import { withoutServerPaths } from './withoutServerPaths.js';

/** An RFC 9457 problem document carrying the domain `code` and its structured `details`. */
export interface ProblemDocument {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: ErrorCode | ApiErrorCode;
  readonly details: Readonly<Record<string, unknown>>;
}

/** A problem document and the headers that go with it. */
export interface Problem {
  readonly document: ProblemDocument;
  readonly headers: Readonly<Record<string, string>>;
  /** What was cut from the document (server file paths, withoutServerPaths): for the server log only. */
  readonly logFields?: { readonly paths: Readonly<Record<string, string>> };
}

/** Fastify's own client errors (content-type parser, body limit) translated to API codes. */
const FASTIFY_CODES: Readonly<Record<string, ErrorCode | ApiErrorCode>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'INVALID_INPUT',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_INPUT',
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_INPUT',
};

/** The problem `type` URI of a code: a stable URN, as RFC 9457 section 3.1.1 allows. */
export function problemType(code: string): string {
  return `urn:ehealth-cert:problem:${code}`;
}

/** Builds a problem document from anything a route or hook threw. */
export function problemFromError(error: unknown): Problem {
  if (error instanceof EhealthCertError || error instanceof ApiError) {
    const headers = error instanceof ApiError ? error.headers : {};
    const view = withoutServerPaths(error.message, error.details);
    // The developers' references (DOMAIN.md 3, issue 13) mean nothing to a client (issue 15).
    const problem = build(error.code, withoutInternalReferences(view.message), view.details, headers);
    return Object.keys(view.serverPaths).length === 0 ? problem : { ...problem, logFields: { paths: view.serverPaths } };
  }
  const fastifyError = error as Partial<FastifyError> & { validationContext?: string };
  if (Array.isArray(fastifyError.validation)) {
    return validationProblem(fastifyError.validation[0], fastifyError.validationContext ?? 'body', fastifyError.message);
  }
  const mapped = fastifyError.code === undefined ? undefined : FASTIFY_CODES[fastifyError.code];
  if (mapped !== undefined) {
    // Fastify's messages here never quote the body (checked: no PIN comes back).
    return build(mapped, fastifyError.message ?? mapped, mapped === 'INVALID_INPUT' ? { field: 'body', rule: 'json' } : {});
  }
  if (error instanceof SyntaxError) {
    return build('INVALID_INPUT', 'The request body is not valid JSON.', { field: 'body', rule: 'json' });
  }
  // Anything else is a bug: say so without leaking its message (it may quote input).
  return build('INTERNAL', 'Internal error; the server log has the details.', {});
}

/** Longest property name echoed back: a name is the client's own input, not a value, but bounded. */
const MAX_ECHOED_NAME = 64;

/** The problem for the first ajv error: `field` names the property, never its value. */
function validationProblem(first: FastifySchemaValidationError | undefined, context: string, message: string | undefined): Problem {
  // Ajv names the field in `instancePath`, `params.missingProperty` or, for a property the
  // schema does not allow, `params.additionalProperty`.
  const params = first?.params as { missingProperty?: string; additionalProperty?: string; allowedValues?: unknown } | undefined;
  const path = `${context}${first?.instancePath ?? ''}`.replaceAll('/', '.');
  const missing = params?.missingProperty;
  if (field(path, missing) === 'headers.idempotency-key' && missing !== undefined) {
    return build('IDEMPOTENCY_KEY_MISSING', 'This POST needs an Idempotency-Key header (e.g. a UUID), so that a retry never acts twice.', {
      field: 'headers.idempotency-key',
    });
  }
  const rule = first?.keyword ?? 'schema';
  const unknown = rule === 'additionalProperties' ? params?.additionalProperty?.slice(0, MAX_ECHOED_NAME) : undefined;
  if (unknown !== undefined) {
    const name = field(path, unknown);
    return build('INVALID_INPUT', `Unknown property ${name}: ${path} must NOT have additional properties (rule additionalProperties; check its spelling).`, {
      field: name,
      rule,
    });
  }
  // An enum names what it allows (e.g. keystoreFormat: modern, legacy): the values are the schema's, not the client's input.
  const allowed = params?.allowedValues;
  if (rule === 'enum' && Array.isArray(allowed) && allowed.every((value) => typeof value === 'string')) {
    const name = field(path, missing);
    return build('INVALID_INPUT', `${name} must be one of: ${allowed.join(', ')} (rule enum).`, { field: name, rule, allowed });
  }
  return build('INVALID_INPUT', message ?? 'invalid request', { field: field(path, missing), rule });
}

function field(path: string, property: string | undefined): string {
  return property === undefined ? path : `${path}.${property}`;
}

function build(
  code: ErrorCode | ApiErrorCode,
  detail: string,
  details: Readonly<Record<string, unknown>>,
  headers: Readonly<Record<string, string>> = {},
): Problem {
  const status = HTTP_STATUS_FOR_CODE[code];
  return {
    document: { type: problemType(code), title: titleOf(code), status, detail, code, details },
    headers,
  };
}

function titleOf(code: string): string {
  const words = code.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
