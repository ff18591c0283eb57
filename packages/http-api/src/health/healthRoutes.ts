import type { FastifyInstance } from 'fastify';
import { problemResponses } from '../errors/problemSchema.js';

/** GET /health: liveness and version, the one route that needs no token. */
export function healthRoutes(app: FastifyInstance, info: { readonly version: string; readonly environment: string }): void {
  const body = { status: 'ok', version: info.version, environment: info.environment } as const;
  app.get(
    '/health',
    {
      config: { public: true },
      schema: {
        operationId: 'getHealth',
        tags: ['health'],
        summary: 'Liveness and version (no token needed)',
        description:
          'Answers `status: ok`, the server version and its environment (prd, acc or sim). No token needed: a monitor calls it as it is.',
        security: [],
        response: {
          200: {
            type: 'object',
            required: ['status', 'version', 'environment'],
            properties: {
              status: { type: 'string', enum: ['ok'] },
              version: { type: 'string' },
              environment: { type: 'string', enum: ['prd', 'acc', 'sim'] },
            },
          },
          ...problemResponses,
        },
      },
    },
    async () => body,
  );
}
