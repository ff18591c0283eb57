import type { FastifyLoggerOptions, FastifyRequest } from 'fastify';

/** Secret field names: the PIN and every keystore password (they only ever come in bodies). */
const SECRETS = ['pin', 'password', 'oldPassword', 'newPassword'];

/**
 * pino redaction of every place a secret could reach a log line: request bodies, error details,
 * nested objects one or two levels down, and the Authorization header (the bearer token).
 */
export const REDACTED_PATHS: readonly string[] = [
  'req.headers.authorization',
  'headers.authorization',
  ...SECRETS.flatMap((name) => [name, `*.${name}`, `*.*.${name}`, `body.${name}`, `req.body.${name}`]),
];

/**
 * The URL as logged: the path only, the query string replaced by `?[redacted]`. No route takes a
 * secret in the query, but a client may put one there by mistake (`?pin=`, `?access_token=`, the
 * token as a parameter name): fastify logs every URL, so no part of a query string is written.
 */
export function redactUrl(url: string): string {
  const mark = url.search(/[?#]/);
  return mark < 0 ? url : `${url.slice(0, mark)}?[redacted]`;
}

/** The fastify logger options of the server: pino at `level`, secrets redacted. */
export function loggerOptions(level: string): FastifyLoggerOptions & { redact: { paths: string[]; censor: string } } {
  return {
    level,
    redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: redactUrl(request.url),
        remoteAddress: request.ip,
      }),
    },
  };
}
