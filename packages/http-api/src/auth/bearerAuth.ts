import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../errors/ApiError.js';

/** How requests are authenticated: a bearer token, or none (loopback only, see ApiSettings). */
export type ApiAuth = { readonly kind: 'token'; readonly token: string } | { readonly kind: 'none' };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route answers without a bearer token (only /health, and the docs when asked). */
    public?: boolean;
  }
}

/**
 * Requires `Authorization: Bearer <token>` (RFC 6750 section 2.1) on every route whose config is
 * not `public`. Compares SHA-256 digests in constant time so that the token length and content
 * do not leak through timing.
 */
export function installBearerAuth(app: FastifyInstance, auth: ApiAuth): void {
  if (auth.kind === 'none') {
    return;
  }
  const expected = digest(auth.token);
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config.public === true) {
      return;
    }
    const header = request.headers.authorization;
    if (header === undefined || !/^Bearer\s+/i.test(header)) {
      throw new ApiError('UNAUTHORIZED', 'A bearer token is required: send "Authorization: Bearer <token>".', {}, {
        'www-authenticate': 'Bearer realm="ehealth-cert"',
      });
    }
    const given = digest(header.replace(/^Bearer\s+/i, '').trim());
    if (!timingSafeEqual(given, expected)) {
      throw new ApiError('UNAUTHORIZED', 'The bearer token is not the one this server was started with.', {}, {
        'www-authenticate': 'Bearer realm="ehealth-cert", error="invalid_token"',
      });
    }
  });
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
