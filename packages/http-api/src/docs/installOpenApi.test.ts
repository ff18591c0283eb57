import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { configureApp } from '../app/buildApp.js';
import { authorized } from '../testing/authorized.js';
import { fakeApp, fakeDeps } from '../testing/fakeApp.js';

/** Every route of the API with `publicDocs` as given, and the app serving them. */
async function everyRoute(publicDocs: boolean): Promise<{ app: FastifyInstance; routes: { method: string; url: string }[] }> {
  const app = Fastify({ logger: false });
  const routes: { method: string; url: string }[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') {
        // A concrete URL for the route: any parameter value reaches the auth hook first.
        routes.push({ method, url: route.url.replace(/:[^/]+/g, 'x').replace(/\*$/, 'x') });
      }
    }
  });
  await configureApp(app, fakeDeps({ publicDocs }).deps);
  await app.ready();
  return { app, routes };
}

/** A route named in prose: `POST /keystores/{name}/etk-activation`, `GET /keystores`, `/jobs/{id}`. */
const ROUTE_MENTION = /(?:^|[\s(`'"])(?:(GET|POST|PUT|PATCH|DELETE) )?(\/[A-Za-z0-9{}._-]+(?:\/[A-Za-z0-9{}._-]+)*)/g;

/** Every description and summary in the document, with where it is. */
function prose(value: unknown, where: string): { where: string; text: string }[] {
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => prose(item, `${where}[${index}]`));
  }
  if (value === null || typeof value !== 'object') {
    return [];
  }
  return Object.entries(value).flatMap(([key, child]) =>
    (key === 'description' || key === 'summary') && typeof child === 'string' ? [{ where: `${where}.${key}`, text: child }] : prose(child, `${where}.${key}`),
  );
}

describe('the OpenAPI document', () => {
  let app: FastifyInstance;
  afterEach(() => app.close());

  it('names in its descriptions only routes that it documents', async () => {
    ({ app } = await fakeApp());
    const response = await app.inject({ url: '/openapi.json', headers: authorized() });
    const document = response.json() as { paths: Record<string, Record<string, unknown>> };
    const mentions = prose(document, '').flatMap(({ where, text }) =>
      [...text.matchAll(ROUTE_MENTION)].map(([, method, path = '']) => ({ where, method, path: path.replace(/[.,;:]+$/, '') })),
    );
    // The pattern finds what it should (a broken pattern must not pass by finding nothing).
    expect(mentions).toContainEqual(expect.objectContaining({ method: 'POST', path: '/keystores/{name}/etk-activation' }));
    expect(mentions).toContainEqual(expect.objectContaining({ method: undefined, path: '/jobs/{id}' }));
    for (const { where, method, path } of mentions) {
      const operations = document.paths[path];
      expect(operations, `${where} names ${path}`).toBeDefined();
      if (method !== undefined) {
        expect(Object.keys(operations ?? {}), `${where} names ${method} ${path}`).toContain(method.toLowerCase());
      }
    }
  });

  it('is behind the token by default, like every route but /health, the wizard\'s files and its ticket exchange (a browser cannot send it for the UI assets)', async () => {
    const built = await everyRoute(false);
    app = built.app;
    const docs = built.routes.filter(({ url }) => url === '/openapi.json' || url.startsWith('/docs'));
    expect(docs.map(({ url }) => url)).toEqual(expect.arrayContaining(['/openapi.json', '/docs', '/docs/json', '/docs/static/swagger-initializer.js']));
    // Public on purpose: /health, the web wizard's static files (/ui/...) and POST /session, which
    // takes its own one-time ticket (ui/sessionRoutes.test.ts).
    for (const route of built.routes.filter(({ url }) => !['/health', '/session', '/ui', '/ui/x'].includes(url))) {
      const response = await app.inject({ method: route.method as 'GET', url: route.url });
      expect(`${route.method} ${route.url} ${response.statusCode}`).toBe(`${route.method} ${route.url} 401`);
    }
    // With the token the page itself answers, but the scripts and /docs/json it then loads
    // come without one (script tags and the UI's fetch send no Authorization header).
    expect((await app.inject({ url: '/docs', headers: authorized() })).statusCode).toBe(200);
    expect((await app.inject('/docs/static/swagger-initializer.js')).statusCode).toBe(401);
  });

  it('with publicDocs serves the UI and its document openly, and the UI sends the token to the API', async () => {
    const built = await everyRoute(true);
    app = built.app;
    for (const route of built.routes.filter(({ url }) => url === '/openapi.json' || url.startsWith('/docs'))) {
      expect(`${route.url} ${(await app.inject({ method: route.method as 'GET', url: route.url })).statusCode}`).not.toBe(`${route.url} 401`);
    }
    const document = (await app.inject('/docs/json')).json() as { security: unknown; components: { securitySchemes: unknown } };
    // The UI's Authorize button takes the token from this scheme and adds it to every "Try it out".
    expect(document.security).toEqual([{ bearer: [] }]);
    expect(document.components.securitySchemes).toEqual({ bearer: { type: 'http', scheme: 'bearer' } });
    expect((await app.inject('/keystores')).statusCode).toBe(401);
  });
});
