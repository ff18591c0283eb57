import { createConfig, lintFromString } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { authorized } from '../testing/authorized.js';
import { fakeApp } from '../testing/fakeApp.js';

/**
 * The document a client generator reads passes Redocly's linter (the engine of @redocly/cli),
 * `recommended` ruleset, with no error and no warning: e.g. an operation without operationId, a
 * path parameter not declared, a schema example that does not match, a 4xx response missing.
 */
describe('the OpenAPI document under the Redocly linter', () => {
  it('has no problem under the recommended rules, and every operation has a unique operationId', async () => {
    const { app } = await fakeApp();
    try {
      const response = await app.inject({ url: '/openapi.json', headers: authorized() });
      expect(response.statusCode).toBe(200);
      // Recommended, plus rules of Redocly's `all` set that the document can meet: every tag,
      // parameter and operation described.
      const config = await createConfig({
        extends: ['recommended'],
        rules: { 'operation-tag-defined': 'error', 'parameter-description': 'error', 'operation-description': 'error' },
      });
      const problems = await lintFromString({ source: response.body, absoluteRef: 'openapi.json', config });
      const described = problems.map((problem) => `${problem.severity} ${problem.ruleId}: ${problem.message} at ${problem.location[0]?.pointer ?? '?'}`);
      expect(described).toEqual([]);

      const document = response.json() as { paths: Record<string, Record<string, { operationId?: string }>> };
      const ids = Object.values(document.paths).flatMap((operations) => Object.values(operations).map((operation) => operation.operationId));
      expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      await app.close();
    }
  });

  it('gives every duration in seconds: retryAfter is whole seconds, and no property is in milliseconds', async () => {
    const { app } = await fakeApp();
    try {
      const document = (await app.inject({ url: '/openapi.json', headers: authorized() })).json() as unknown;
      const names: string[] = [];
      const walk = (node: unknown, path: string): void => {
        if (node === null || typeof node !== 'object') return;
        for (const [key, value] of Object.entries(node)) {
          if (key === 'properties' && value !== null && typeof value === 'object') names.push(...Object.keys(value).map((name) => `${path}/${name}`));
          walk(value, `${path}/${key}`);
        }
      };
      walk(document, '#');
      expect(names.filter((name) => /(?:[a-z]Ms|_ms|[Mm]illis(?:econds)?)$/.test(name))).toEqual([]);
      const retryAfter = (document as { components: { schemas: { Problem: { properties: { details: { properties: { retryAfter: object } } } } } } }).components.schemas.Problem.properties.details.properties.retryAfter;
      expect(retryAfter).toMatchObject({ type: 'integer', description: expect.stringMatching(/seconds/) });
    } finally {
      await app.close();
    }
  });
});
