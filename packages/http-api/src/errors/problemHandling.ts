import type { FastifyInstance } from 'fastify';
import { ApiError } from './ApiError.js';
import { problemFromError } from './ProblemDocument.js';

/**
 * Renders every failure as `application/problem+json` (RFC 9457): thrown domain errors, schema
 * violations, unknown routes. Logs server-side failures with their cause, client ones at info.
 */
export function installProblemHandling(app: FastifyInstance): void {
  app.setErrorHandler(async (error, request, reply) => {
    const { document, headers, logFields } = problemFromError(error);
    if (document.status >= 500) {
      request.log.error({ err: error, code: document.code, ...logFields }, 'request failed');
    } else {
      request.log.info({ code: document.code, status: document.status, ...logFields }, 'request refused');
    }
    return reply.code(document.status).headers(headers).type('application/problem+json').send(document);
  });
  app.setNotFoundHandler(async (request) => {
    throw new ApiError('ROUTE_NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0] ?? ''}.`, {
      method: request.method,
    });
  });
}
