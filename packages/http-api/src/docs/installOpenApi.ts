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
      // Every tag an operation uses, described (Redocly operation-tag-defined).
      tags: [
        { name: 'health', description: 'Whether the server runs, its version and environment.' },
        { name: 'jobs', description: 'Long operations (a request, a completion, a renewal...): 202 with a job to poll, or `Prefer: wait=N`.' },
        { name: 'card', description: 'The eID card in the reader (manual step 5).' },
        { name: 'organisations', description: 'The organisations the card holder may manage (manual steps 6-8A) and the identifier types of step 9M.' },
        { name: 'requests', description: 'Certificate requests: the contract (step 4), sending (steps 8-15), their records and their completion (steps 16-19).' },
        { name: 'keystores', description: 'The keystores of the server\'s folder, by file name: completion, inspection, password, export, expiry monitoring, status, renewal, ETK activation.' },
        { name: 'certificates', description: 'The card holder\'s certificates at eHealth, and revocation.' },
        { name: 'identifiers', description: 'Checks an identifier (NIHII, CBE, SSIN...) against its rules, locally.' },
        { name: 'simulator', description: 'Env sim only: the simulated eHealth support team decides on manual requests.' },
        { name: 'session', description: 'The web wizard trades its one-time ticket for the API token.' },
      ],
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
