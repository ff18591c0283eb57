import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app/AppDeps.js';
import { problemResponses } from '../errors/problemSchema.js';

/** GET /identifiers/{TYPE=VALUE}/check: the local rules of DOMAIN.md 4.2 (no card, no eHealth). */
export function identifierRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get<{ Params: { identifier: string } }>(
    '/identifiers/:identifier/check',
    {
      schema: {
        operationId: 'checkIdentifier',
        tags: ['identifiers'],
        summary: 'Check an identifier, e.g. NIHII-AMBU_SERVICE=12345678: length, digits, check digits (an invalid value is a 200 answer)',
        description:
          'Local: the rules of the identifier type (length, digits only, check digits). The answer is `valid: true` with the normalised identifier, or `valid: false` with the error (`code`, `message`, `details` naming the field and the rule).',
        params: {
          type: 'object',
          required: ['identifier'],
          properties: { identifier: { type: 'string', minLength: 1, maxLength: 100, description: 'TYPE=VALUE' } },
        },
        response: {
          200: {
            type: 'object',
            required: ['valid'],
            properties: {
              valid: { type: 'boolean' },
              identifier: { $ref: 'Identifier#' },
              notes: { type: 'array', items: { type: 'string' } },
              definition: {
                type: 'object',
                properties: {
                  type: { type: 'string' },
                  length: { type: 'integer' },
                  family: { type: 'string' },
                  description: { $ref: 'LocalizedText#' },
                },
              },
              error: {
                type: 'object',
                description: 'Why the value is invalid: the rule broken, as INVALID_IDENTIFIER details.',
                properties: { code: { type: 'string' }, message: { type: 'string' }, details: { type: 'object', additionalProperties: true } },
              },
            },
          },
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const report = deps.useCases.checkIdentifier.execute({ identifier: request.params.identifier });
      if (report.valid) {
        return report;
      }
      const { code, message, details } = report.error;
      return { valid: false, error: { code, message, details } };
    },
  );
}
