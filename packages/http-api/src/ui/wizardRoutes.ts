import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../errors/ApiError.js';

/**
 * Headers of the wizard's files: its own scripts and styles only, calls to this origin only, no
 * framing (clickjacking of the PIN and password screens), no referrer.
 */
const WIZARD_HEADERS = {
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

/**
 * GET /ui/ and its files: the web wizard (manual steps 2-19 in the browser), built at build time.
 * Public like /health: the files hold no data; every API call the page makes needs the token.
 * Without a built wizard, /ui/ answers a problem saying how to build it.
 */
export async function wizardRoutes(app: FastifyInstance, assetsDir: string | undefined): Promise<void> {
  const config = { public: true };
  app.get('/ui', { config, schema: { hide: true } }, async (_request, reply) => reply.redirect('/ui/', 308));
  if (assetsDir === undefined) {
    app.get('/ui/*', { config, schema: { hide: true } }, async () => {
      throw new ApiError('ROUTE_NOT_FOUND', 'The web wizard is not built: run "npm run build" in the repository (it builds packages/web-wizard).', {
        field: 'url',
      });
    });
    return;
  }
  await app.register(async (scope) => {
    await scope.register(fastifyStatic, { root: assetsDir, serve: false, decorateReply: true, index: false });
    scope.get<{ Params: { '*': string } }>('/ui/*', { config, schema: { hide: true } }, async (request, reply) => {
      reply.headers(WIZARD_HEADERS);
      const file = request.params['*'];
      return reply.sendFile(file === '' ? 'index.html' : file);
    });
  });
}
