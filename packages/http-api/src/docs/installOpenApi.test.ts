import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { authorized } from '../testing/authorized.js';
import { fakeApp } from '../testing/fakeApp.js';

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
});
