import { EhealthCertError } from '@ehealth-cert/core';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app/AppDeps.js';
import { problemResponses } from '../errors/problemSchema.js';
import { referenceParams } from '../requests/requestRoutes.js';

const decisionSchema = {
  type: 'object',
  required: ['reference', 'decision'],
  properties: {
    reference: { type: 'string' },
    decision: { type: 'string', enum: ['APPROVED', 'REFUSED'] },
    reason: { type: 'string', description: 'Why the support team refused (mailed to the contacts).' },
  },
} as const;

/**
 * Env sim only: the simulated eHealth support team decides on a manual (8M/9M) request (DOMAIN.md
 * 2.4 item 5), so that a client finishes the manual path without a separate simulator server.
 */
export function supportTeamRoutes(app: FastifyInstance, deps: AppDeps): void {
  const team = () => {
    if (deps.supportTeam === undefined) {
      throw new EhealthCertError('INVALID_INPUT', 'Only a server started with --env sim has a simulated support team; at eHealth, their support team decides.', {
        field: 'environment',
        value: deps.environment,
        rule: 'sim-only',
      });
    }
    return deps.supportTeam;
  };
  app.post<{ Params: { reference: string } }>(
    '/simulator/requests/:reference/approval',
    {
      schema: {
        operationId: 'simulatorApproveRequest',
        tags: ['simulator'],
        summary: 'Env sim: the support team approves a manual request (after checking it against the authentic sources; it may refuse)',
        description:
          'Only on a server started with env sim (elsewhere INVALID_INPUT, rule sim-only). The simulated support team checks the request against the authentic sources; the answer is APPROVED, or REFUSED with the reason when the check fails. REQUEST_NOT_FOUND when no request with that reference waits for a manual validation.',
        params: referenceParams,
        body: { type: 'object', additionalProperties: false, properties: {}, description: 'Nothing to decide but the approval: send `{}`.' },
        response: { 200: decisionSchema, ...problemResponses },
      },
    },
    async (request) => {
      const reference = request.params.reference.toLowerCase();
      return { reference, ...(await team().approve(reference)) };
    },
  );
  app.post<{ Params: { reference: string }; Body: { reason?: string } | undefined }>(
    '/simulator/requests/:reference/refusal',
    {
      schema: {
        operationId: 'simulatorRefuseRequest',
        tags: ['simulator'],
        summary: 'Env sim: the support team refuses a manual request with a reason',
        description:
          'Only on a server started with env sim (elsewhere INVALID_INPUT, rule sim-only). The reason is mailed to the request\'s contacts and given at completion (EHEALTH_REJECTED). REQUEST_NOT_FOUND when no request with that reference waits for a manual validation.',
        params: referenceParams,
        body: { type: 'object', additionalProperties: false, properties: { reason: { type: 'string', minLength: 1, maxLength: 500 } } },
        response: { 200: decisionSchema, ...problemResponses },
      },
    },
    async (request) => {
      const reference = request.params.reference.toLowerCase();
      const reason = request.body?.reason ?? 'the data do not match the authentic sources';
      return { reference, ...(await team().refuse(reference, reason)) };
    },
  );
}
