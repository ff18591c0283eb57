import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app/AppDeps.js';
import { problemResponses } from '../errors/problemSchema.js';
import { requestBodySchema, type RequestBody } from './requestBodySchema.js';
import { organisationChoiceOf } from './toRequestInput.js';

const { organisation, applicationId, contactData } = requestBodySchema.properties;

/** The body of POST /contracts: the part of a request body that the contract depends on. */
export const contractBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['organisation', 'contactData'],
  properties: { organisation, applicationId, contactData },
} as const;

const localizedTexts = {
  type: 'object',
  additionalProperties: false,
  properties: { fr: { type: 'string' }, nl: { type: 'string' }, en: { type: 'string' }, de: { type: 'string' } },
} as const;

/** The answer of POST /contracts. */
export const requestContractSchema = {
  $id: 'RequestContract',
  type: 'object',
  required: ['dn', 'certificateName', 'html', 'text'],
  properties: {
    dn: { type: 'string', description: 'The DN the certificate will carry.' },
    certificateName: { type: 'string' },
    html: { ...localizedTexts, description: 'The terms as eHealth wrote them (HTML per language; sanitise before rendering).' },
    text: { ...localizedTexts, description: 'The same terms as plain text (paragraphs separated by a blank line, list items by "- ").' },
  },
} as const;

/**
 * POST /contracts: eHealth's terms for a request (GenerateContract, manual steps 4 and 12), so that
 * a client shows them before it sends POST /requests with `acceptTerms: true`. Reads the holder
 * from the card (no PIN); creates no key, no keystore and no record.
 */
export function contractRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.post<{ Body: Pick<RequestBody, 'organisation' | 'applicationId' | 'contactData'> }>(
    '/contracts',
    {
      schema: {
        operationId: 'generateContract',
        tags: ['requests'],
        summary: 'The terms to accept before a request (manual steps 4 and 12): GenerateContract, nothing sent',
        description:
          'Same `organisation`, `applicationId` and `contactData` as POST /requests. Show `text` (or sanitised `html`) in the person\'s language, then send POST /requests with `acceptTerms: true`.',
        body: contractBodySchema,
        response: { 200: { $ref: 'RequestContract#' }, ...problemResponses },
      },
    },
    async (request) => {
      const body = request.body;
      return deps.cardQueue.run('certificate.contract', () =>
        deps.useCases.showRequestContract.execute({
          organisation: organisationChoiceOf(body.organisation),
          ...(body.applicationId === undefined ? {} : { applicationId: body.applicationId }),
          contactData: body.contactData,
        }),
      );
    },
  );
}
