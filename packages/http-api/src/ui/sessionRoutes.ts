import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app/AppDeps.js';
import { ApiError } from '../errors/ApiError.js';
import { problemResponses } from '../errors/problemSchema.js';
import { SECRET_ROUTE } from '../person/secretRateLimit.js';

/**
 * POST /session: trades the one-time ticket that `ehealth-cert ui` put in the wizard's URL
 * fragment (`/ui/#ticket=...`, never sent to a server nor logged) for the bearer token. The first
 * successful exchange uses the ticket up, so a URL kept in a history or copied is then worthless
 * (`ehealth-cert ui` draws 32 random bytes: not guessable, so no failure budget is needed).
 * Without a ticket (a server started without EHEALTH_CERT_API_UI_TICKET) it refuses.
 */
export function sessionRoutes(app: FastifyInstance, deps: AppDeps): void {
  let ticket = deps.uiTicket === undefined ? undefined : digest(deps.uiTicket);
  app.post<{ Body: { ticket: string } }>(
    '/session',
    {
      // Counted with the routes that take a secret: a client refused for wrong PINs or passwords is
      // refused here too.
      config: { public: true, ...SECRET_ROUTE },
      schema: {
        tags: ['session'],
        operationId: 'openSession',
        summary: 'Trade the one-time ticket of `ehealth-cert ui` for the bearer token (the web wizard)',
        description:
          'The one-time ticket in the address `ehealth-cert ui` opens; the first exchange uses it up, so a copied address is then worthless. Public, like the wizard\'s files: the answer is the bearer token for every other route.',
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['ticket'],
          properties: { ticket: { type: 'string', minLength: 16, maxLength: 256, writeOnly: true, description: 'The one-time ticket. Never logged or echoed.' } },
        },
        response: {
          200: { type: 'object', required: ['token'], properties: { token: { type: 'string', description: 'The bearer token for every other route ("" without auth).' } } },
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const given = digest(request.body.ticket);
      if (ticket === undefined || !timingSafeEqual(given, ticket)) {
        throw new ApiError('UNAUTHORIZED', 'This ticket is unknown or was already used: run "ehealth-cert ui" again.', {}, {
          'www-authenticate': 'Bearer realm="ehealth-cert"',
        });
      }
      ticket = undefined;
      return { token: deps.auth.kind === 'token' ? deps.auth.token : '' };
    },
  );
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
