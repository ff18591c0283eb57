import type { FastifyLoggerOptions } from 'fastify';

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

/** The fastify logger options of the server: pino at `level`, secrets redacted. */
export function loggerOptions(level: string): FastifyLoggerOptions & { redact: { paths: string[]; censor: string } } {
  return { level, redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' } };
}
