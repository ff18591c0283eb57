import { basename } from 'node:path';
import { EhealthCertError, type SubmittedCertificateRequest } from '@ehealth-cert/core';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app/AppDeps.js';
import { problemResponses } from '../errors/problemSchema.js';
import { jobWithResult, preferHeaderSchema } from '../jobs/jobSchema.js';
import { replyWithJob } from '../jobs/replyWithJob.js';
import { SECRET_ROUTE } from '../person/secretRateLimit.js';
import { requestBodySchema, type RequestBody } from './requestBodySchema.js';
import { requestSettingsOf } from './requestSettingsOf.js';
import { requestView } from './requestView.js';
import { organisationChoiceOf } from './toRequestInput.js';

/** `{reference}`: the PublicKeyIdentifier, 40 hex digits (DOMAIN.md 2.1). */
export const referenceParams = {
  type: 'object',
  required: ['reference'],
  properties: {
    reference: { type: 'string', pattern: '^[0-9a-fA-F]{40}$', description: 'The request reference: the secret key of manual step 15 (PublicKeyIdentifier, 40 hexadecimal digits).' },
  },
} as const;

/** Which records `GET /requests?status=` returns; `pending` = not completed and not refused. */
const STATUS_FILTERS = ['pending', 'sending', 'sent', 'issued', 'completed', 'refused', 'unsent', 'all'] as const;

/** POST /requests (manual steps 8-15), GET /requests, GET /requests/{reference}. */
export function requestRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.post<{ Body: RequestBody; Headers: { 'idempotency-key'?: string } }>(
    '/requests',
    {
      config: SECRET_ROUTE,
      schema: {
        operationId: 'createRequest',
        tags: ['requests'],
        summary: 'Request a certificate (manual steps 8-15): contract, new key and keystore, GenerateCertificate signed with the eID',
        description:
          'Answers 202 with a job (poll /jobs/{id}); its result is the request reference. `Idempotency-Key` is required: a retry with the same key and body returns the same job and never sends a second request to eHealth.',
        headers: {
          type: 'object',
          required: ['idempotency-key'],
          properties: {
            'idempotency-key': { type: 'string', minLength: 1, maxLength: 255, description: 'A unique key per request you mean (e.g. a UUID).' },
            ...preferHeaderSchema.properties,
          },
        },
        body: requestBodySchema,
        response: {
          200: jobWithResult('SubmittedRequest#', 'Finished within `Prefer: wait`; `result` is a SubmittedRequest.'),
          202: jobWithResult('SubmittedRequest#', 'Running; `result` will be a SubmittedRequest.'),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      // The schema requires the key (a missing one is IDEMPOTENCY_KEY_MISSING, see ProblemDocument).
      const key = request.headers['idempotency-key'] as string;
      const body = request.body;
      const jobId = await deps.idempotency.jobFor('POST /requests', key, body, 'certificate-request', () => submit(deps, body));
      return replyWithJob(request, reply, deps.jobs, jobId);
    },
  );

  app.get<{ Querystring: { status?: (typeof STATUS_FILTERS)[number] } }>(
    '/requests',
    {
      schema: {
        operationId: 'listRequests',
        tags: ['requests'],
        summary: 'The requests recorded on this machine (manual step 15), e.g. ?status=pending',
        description:
          '`pending`: every request eHealth has or may have that is not completed (statuses sending, sent, pending, issued), including one interrupted by a server stop (REQUEST_INTERRUPTED).',
        querystring: { type: 'object', additionalProperties: false, properties: { status: { type: 'string', enum: [...STATUS_FILTERS], description: 'Which requests: `pending` (not completed, not refused), one state, or `all` (the default).' } } },
        response: {
          200: { type: 'object', required: ['requests'], properties: { requests: { type: 'array', items: { $ref: 'CertificateRequest#' } } } },
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const filter = request.query.status ?? 'all';
      // `pending` here is core's open request (isOpenRequest): sending, sent, pending or issued.
      const chosen = await deps.useCases.listCertificateRequests.execute({ state: filter === 'pending' ? 'open' : filter });
      return { requests: chosen.map(requestView) };
    },
  );

  app.get<{ Params: { reference: string } }>(
    '/requests/:reference',
    {
      schema: {
        operationId: 'getRequest',
        tags: ['requests'],
        summary: 'A request recorded on this machine and its last known status',
        description:
          'The request as recorded on this server (certificate name, DN, keystore file, when it was sent, the last status eHealth gave). Local: POST /requests/{reference}/completion asks eHealth again.',
        params: referenceParams,
        response: { 200: { $ref: 'CertificateRequest#' }, ...problemResponses },
      },
    },
    async (request) => requestView(await recordOf(deps, request.params.reference)),
  );
}

/** The pending record of `reference`, or REQUEST_NOT_FOUND naming it. */
export async function recordOf(deps: AppDeps, reference: string) {
  const record = await deps.useCases.findCertificateRequest.execute(reference);
  if (record === undefined) {
    throw new EhealthCertError('REQUEST_NOT_FOUND', `No request ${reference} is recorded on this machine (see GET /requests).`, {
      field: 'params.reference',
      value: reference,
    });
  }
  return record;
}

async function submit(deps: AppDeps, body: RequestBody) {
  const organisation = organisationChoiceOf(body.organisation);
  const submitted: SubmittedCertificateRequest = await deps.cardQueue
    .run('certificate.request', () =>
      deps.useCases.requestCertificate.execute({
        organisation,
        ...(body.applicationId === undefined ? {} : { applicationId: body.applicationId }),
        contactData: body.contactData,
        ...requestSettingsOf(deps.environment, body),
      }),
    )
    .catch((error: unknown) => {
      throw EhealthCertError.is(error, 'REQUEST_UNFINISHED') ? unfinishedForApi(error) : error;
    });
  return submittedView(deps, submitted);
}

/** Issue 13: the unfinished request named by its API routes (not by CLI commands and server paths). */
function unfinishedForApi(error: EhealthCertError): EhealthCertError {
  const { reference, keystorePath, state, environment, certificateName } = error.details as Record<string, string | undefined>;
  // A pending keystore that no record knows is reached by its file name (GET /keystores).
  const href =
    state === 'unrecorded' && keystorePath !== undefined ? `/keystores/${encodeURIComponent(basename(keystorePath))}` : `/requests/${reference ?? ''}`;
  return new EhealthCertError(
    'REQUEST_UNFINISHED',
    `A request for ${certificateName ?? 'this certificate'} is not finished (request ${reference ?? 'unknown'}, state ${state ?? 'unknown'}); nothing was sent. Complete it (POST ${href}/completion), look at it (GET ${href}), or send this request with "newKey": true to request anyway with a new key.`,
    {
      certificateName,
      reference,
      state,
      environment,
      ...(keystorePath === undefined ? {} : { keystorePath }),
      href,
      completion: `${href}/completion`,
      field: 'body.newKey',
    },
    { cause: error },
  );
}

/** A submitted request as the job result shows it. */
export async function submittedView(deps: Pick<AppDeps, 'writeSecretKeyFile'>, submitted: SubmittedCertificateRequest) {
  const secretKeyFile = await deps.writeSecretKeyFile(submitted.receipt);
  const { receipt } = submitted;
  return {
    status: submitted.status,
    reference: submitted.reference,
    automaticallyValidated: submitted.automaticallyValidated,
    keystore: basename(submitted.keystorePath),
    dn: submitted.dn,
    certificateName: submitted.certificateName,
    secretKeyFile: basename(secretKeyFile),
    // Core's receipt (files by name, no machine path): the web wizard renders steps 15-16 from it.
    receipt: {
      reference: receipt.reference,
      environment: receipt.environment,
      dn: receipt.dn,
      certificateName: receipt.certificateName,
      keystore: receipt.keystoreName,
      requestedAt: receipt.requestedAt.toISOString(),
      automaticallyValidated: receipt.automaticallyValidated,
      renewal: receipt.renewal,
      nextStep: {
        step: receipt.nextStep.step,
        action: receipt.nextStep.action,
        environment: receipt.nextStep.environment,
        keystore: receipt.nextStep.keystoreName,
        command: `ehealth-cert complete --env ${receipt.nextStep.environment} --keystore "${receipt.nextStep.keystoreName}"`,
      },
    },
    ...(submitted.replacesCertificate === undefined ? {} : { replacesCertificate: submitted.replacesCertificate }),
    baseServiceUsages: submitted.baseServiceUsages,
    environment: submitted.environment,
    ...(submitted.confirmedByStatusCheck === true ? { confirmedByStatusCheck: true } : {}),
    href: `/requests/${submitted.reference}`,
    next: { method: 'POST' as const, href: `/requests/${submitted.reference}/completion`, environment: submitted.environment },
  };
}
