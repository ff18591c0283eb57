import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../errors/ApiError.js';
import type { ApiAuth } from './bearerAuth.js';

/** Query parameter names that carry a credential in common APIs (`?token=`, `?access_token=`, `?api_key=`...). */
const TOKEN_NAME = /^(?:access[_-]?token|token|auth[_-]?token|id[_-]?token|bearer|auth|authorization|api[_-]?key|apikey|jwt|secret|ticket)$/i;

/** Longest parameter name quoted back (a name, not a value). */
const MAX_ECHOED_NAME = 64;

/**
 * Refuses a token in the query string (RFC 6750 section 2.3 and 5.3: a bearer token in a URL ends
 * up in logs, browser history and Referer headers): a parameter named like a token, or whose name
 * or value is this server's token, is a 400 TOKEN_IN_QUERY before the Authorization header is
 * checked. The log never has the query string (loggerOptions), so the value is not written there.
 */
export function installQueryTokenCheck(app: FastifyInstance, auth: ApiAuth): void {
  const expected = auth.kind === 'token' ? digest(auth.token) : undefined;
  const isToken = (text: string): boolean => {
    if (expected === undefined || text.length === 0) return false;
    const bare = text.replace(/^Bearer\s+/i, '').trim();
    return timingSafeEqual(digest(bare), expected);
  };
  app.addHook('onRequest', async (request) => {
    const mark = request.url.indexOf('?');
    if (mark < 0) return;
    for (const [name, value] of new URLSearchParams(request.url.slice(mark + 1))) {
      const named = TOKEN_NAME.test(name);
      if (!named && !isToken(name) && !isToken(value)) continue;
      // The parameter's name is quoted only when it is a token-like name, never when it is the token.
      const field = named ? `query.${name.slice(0, MAX_ECHOED_NAME)}` : 'query';
      throw new ApiError(
        'TOKEN_IN_QUERY',
        `${named ? `The query parameter "${name.slice(0, MAX_ECHOED_NAME)}"` : 'A query parameter'} carries a token (rule no-token-in-query: URLs end up in logs, browser history and proxies). Send the token only as "Authorization: Bearer <token>", and replace this one: treat it as exposed.`,
        { field, rule: 'no-token-in-query' },
      );
    }
  });
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
