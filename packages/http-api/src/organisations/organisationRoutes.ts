import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app/AppDeps.js';
import { problemResponses } from '../errors/problemSchema.js';
import { BodyPinEntry } from '../person/BodyPinEntry.js';
import { SECRET_ROUTE } from '../person/secretRateLimit.js';
import { pinSchema } from '../person/secretSchemas.js';

/**
 * POST /organisations/query (manual steps 6-8A): GetActorQualities signed with the eID
 * Authentication key, so it needs the PIN, hence a POST with the PIN in the body.
 * GET /organisation-types (steps 8M-9M): from eHealth, or the local table when it is down.
 */
export function organisationRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.post<{ Body: { pin?: string } }>(
    '/organisations/query',
    {
      config: SECRET_ROUTE,
      schema: {
        operationId: 'queryManageableOrganisations',
        tags: ['organisations'],
        summary: 'The organisations the card holder may request a certificate for (manual steps 6-8A; needs the PIN)',
        description:
          'Asks eHealth which organisations the holder manages (GetActorQualities, authenticated with the eID): the drop-down list of manual step 8A. The PIN goes in the body and is never logged; a wrong PIN is PIN_INCORRECT with the tries left, never retried. Counts toward the client\'s budget of wrong PINs and passwords (429 RATE_LIMITED with `retryAfter` in seconds when it runs out); a right one costs nothing.',
        body: { type: 'object', additionalProperties: false, properties: { pin: pinSchema } },
        response: {
          200: {
            type: 'object',
            required: ['holder', 'naturalPersonAuthorization', 'organisations'],
            properties: {
              holder: { $ref: 'CardHolder#' },
              naturalPersonAuthorization: { type: 'boolean', description: 'A personal certificate is possible.' },
              organisations: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['name', 'identifier'],
                  properties: { name: { $ref: 'LocalizedText#' }, identifier: { $ref: 'Identifier#' } },
                },
              },
            },
          },
          ...problemResponses,
        },
      },
    },
    async (request) =>
      deps.cardQueue.run('organisations.query', () =>
        deps.useCases.listManageableOrganisations.execute({ pinEntry: new BodyPinEntry(request.body.pin) }),
      ),
  );

  app.get(
    '/organisation-types',
    {
      schema: {
        operationId: 'listOrganisationTypes',
        tags: ['organisations'],
        summary: 'Organisation types and their identifier rules (manual steps 8M-9M)',
        description:
          'For typing an organisation in (manual steps 8M-9M): each organisation type with its identifier type, its format and check-digit algorithms, and the base services eHealth offers it. Asked of eHealth; when eHealth does not answer, the built-in table does (`source: local`). No card.',
        response: {
          200: {
            type: 'object',
            required: ['source', 'types'],
            properties: {
              source: { type: 'string', enum: ['ehealth', 'local'], description: '`local`: eHealth was unavailable, the built-in table answered.' },
              reason: { type: 'string' },
              types: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['name', 'identifierType', 'checkDigitAlgorithms', 'availableBaseServices'],
                  properties: {
                    name: { $ref: 'LocalizedText#' },
                    identifierType: { type: 'string' },
                    validationRegEx: { type: 'string' },
                    checkDigitAlgorithms: { type: 'array', items: { type: 'string' } },
                    availableBaseServices: { type: 'array', items: { type: 'string' } },
                  },
                },
              },
            },
          },
          ...problemResponses,
        },
      },
    },
    async () => deps.useCases.listOrganisationTypes.execute(),
  );
}
