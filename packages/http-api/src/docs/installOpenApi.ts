import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

/**
 * The OpenAPI 3 document built from the route schemas, at /openapi.json, and the Swagger UI at
 * /docs (its assets ship in @fastify/swagger-ui: nothing is fetched from a CDN, so it works
 * offline). Shared schemas keep their `$id` as component names.
 */
export async function installOpenApi(app: FastifyInstance, info: { readonly version: string; readonly publicDocs: boolean }): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'ehealth-cert API',
        version: info.version,
        description:
          'Request, complete and manage Belgian eHealth certificates with an eID card. PINs and passwords go only in request bodies. Errors are RFC 9457 problem documents whose `code` is stable; `Accept-Language` (fr, nl, en) chooses the language of their `detail`.',
        license: { name: 'Proprietary: private package, not licensed for redistribution', identifier: 'LicenseRef-Proprietary' },
      },
      // Relative: the document describes the server that serves it, whatever its address.
      servers: [{ url: '/', description: 'This ehealth-cert-api server' }],
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`),
    },
  });
  if (info.publicDocs) {
    app.addHook('onRoute', (route) => {
      if (route.url === '/docs' || route.url.startsWith('/docs/')) {
        route.config = { ...route.config, public: true };
      }
    });
  }
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get(
    '/openapi.json',
    { config: { public: info.publicDocs }, schema: { hide: true } },
    async () => app.swagger(),
  );
}
