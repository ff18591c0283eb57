import { basename } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { EhealthCertError, type CompleteCertificateInput, type CompletionOutcome } from '@ehealth-cert/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../app/AppDeps.js';
import { problemResponses } from '../errors/problemSchema.js';
import { jobWithResult, preferHeaderSchema } from '../jobs/jobSchema.js';
import { replyWithJob } from '../jobs/replyWithJob.js';
import { findKeystore } from '../keystores/findKeystore.js';
import { keystoreNameParams } from '../keystores/keystoreSchemas.js';
import { SECRET_ROUTE } from '../person/secretRateLimit.js';
import { completionBodySchema, type CompletionBody } from './completionSchemas.js';
import { recordOf, referenceParams } from './requestRoutes.js';

/**
 * POST /requests/{reference}/completion and POST /keystores/{name}/completion (manual steps
 * 16-19). A job; while one runs for a certificate name, another completion of it joins that job rather
 * than running twice (two at once could register two ETKs).
 */
export function completionRoutes(app: FastifyInstance, deps: AppDeps): void {
  const running = new Map<string, string>();
  const schema = (params: object, summary: string) => ({
    tags: ['requests'],
    summary,
    description:
      'Answers 202 with a job (poll /jobs/{id}), or 200 when it finished within `Prefer: wait=N`. Its result is a CompletionOutcome: `pending` is a normal answer. With `wait`, the job keeps asking eHealth every `pollInterval` seconds until issued or `wait` seconds have passed.',
    params,
    headers: preferHeaderSchema,
    body: completionBodySchema,
    response: {
      200: jobWithResult('CompletionOutcome#', 'Finished; `result` is a CompletionOutcome.'),
      202: jobWithResult('CompletionOutcome#', 'Running; `result` will be a CompletionOutcome.'),
      ...problemResponses,
    },
  });

  const start = async (request: FastifyRequest, reply: FastifyReply, key: string, input: CompleteCertificateInput, body: CompletionBody) => {
    const current = running.get(key);
    const jobId =
      current ??
      deps.jobs.start('certificate-completion', async () => {
        try {
          return await completeWaiting(deps, input, body);
        } finally {
          running.delete(key);
        }
      }).id;
    running.set(key, jobId);
    return replyWithJob(request, reply, deps.jobs, jobId);
  };

  app.post<{ Params: { reference: string }; Body: CompletionBody }>(
    '/requests/:reference/completion',
    {
      config: SECRET_ROUTE,
      schema: { ...schema(referenceParams, 'Complete a request: install the issued certificate, create and register the ETK (manual steps 16-19)'), operationId: 'completeRequest' },
    },
    async (request, reply) => {
      const record = await recordOf(deps, request.params.reference);
      if (record.environment !== deps.environment) {
        // Issue 13: a request is completed in the environment it was sent to, never another by default.
        throw new EhealthCertError(
          'INVALID_INPUT',
          `Request ${record.reference} was sent to eHealth ${record.environment.toUpperCase()}; this server works with ${deps.environment.toUpperCase()}: complete it with a server started with --env ${record.environment}.`,
          { field: 'params.reference', value: record.reference, expected: record.environment, actual: deps.environment },
        );
      }
      const input = { keystorePath: record.keystorePath, password: request.body.password, ...formatOf(request.body) };
      return start(request, reply, record.certificateName, input, request.body);
    },
  );

  app.post<{ Params: { name: string }; Body: CompletionBody }>(
    '/keystores/:name/completion',
    {
      config: SECRET_ROUTE,
      schema: {
        ...schema(keystoreNameParams, 'Complete the request whose key a keystore holds (when the local record of requests is lost)'),
        operationId: 'completeKeystoreRequest',
        tags: ['keystores'],
      },
    },
    async (request, reply) => {
      // The request keystore named at step 15 may have moved to superseded/ by an earlier completion: found there, completion goes on.
      const file = await findKeystore(deps.useCases, request.params.name, { includeSuperseded: true });
      const input = { keystorePath: file.path, password: request.body.password, ...formatOf(request.body) };
      return start(request, reply, file.baseName, input, request.body);
    },
  );
}

/** The keystore format the body chooses, if it chooses one. */
function formatOf(body: CompletionBody): { readonly keystoreFormat?: 'modern' | 'legacy' } {
  return body.keystoreFormat === undefined ? {} : { keystoreFormat: body.keystoreFormat };
}

/** Runs CompleteCertificate, again every `pollInterval` while pending and within `wait`. */
async function completeWaiting(deps: AppDeps, input: CompleteCertificateInput, body: CompletionBody) {
  const deadline = Date.now() + body.wait * 1000;
  for (;;) {
    const outcome = await deps.useCases.completeCertificate.execute(input);
    if (outcome.status !== 'pending' || Date.now() + body.pollInterval * 1000 > deadline) {
      return completionView(outcome);
    }
    // The next attempt is safe: CompleteCertificate reopens the newest file of the same key.
    await sleep(body.pollInterval * 1000);
  }
}

/** A completion outcome as the job result shows it (keystore by file name). */
export function completionView(outcome: CompletionOutcome) {
  const common = { status: outcome.status, reference: outcome.reference, keystore: basename(outcome.keystorePath) };
  if (outcome.status === 'pending') {
    // eHealth gives no delivery date (DOMAIN.md 2.3); what the local record knows of the request.
    return {
      ...common,
      ...(outcome.requestedAt !== undefined ? { requestedAt: outcome.requestedAt } : {}),
      ...(outcome.automaticallyValidated !== undefined ? { automaticallyValidated: outcome.automaticallyValidated } : {}),
    };
  }
  return {
    ...common,
    dn: outcome.dn,
    etkSerial: outcome.etkSerial,
    toBeActivated: outcome.toBeActivated,
    etkPublication: outcome.etkPublication,
    notAfter: outcome.notAfter,
    warnings: outcome.warnings,
  };
}
