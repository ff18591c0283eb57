import type { RevocationReason } from '@ehealth-cert/core';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app/AppDeps.js';
import { problemResponses } from '../errors/problemSchema.js';
import { preferHeaderSchema } from '../jobs/jobSchema.js';
import { replyWithJob } from '../jobs/replyWithJob.js';
import { findKeystore } from '../keystores/findKeystore.js';
import { keystoreNameParams } from '../keystores/keystoreSchemas.js';
import { BodyPinEntry } from '../person/BodyPinEntry.js';
import { BodyRequestReview } from '../person/BodyRequestReview.js';
import { SECRET_ROUTE } from '../person/secretRateLimit.js';
import { passwordSchema, pinSchema } from '../person/secretSchemas.js';
import { requestBodySchema } from '../requests/requestBodySchema.js';
import { referenceParams, submittedView } from '../requests/requestRoutes.js';
import { requestSettingsOf } from '../requests/requestSettingsOf.js';

/** The Idempotency-Key header, required on the POSTs that make eHealth act. */
const idempotencyHeaders = {
  type: 'object',
  required: ['idempotency-key'],
  properties: {
    'idempotency-key': { type: 'string', minLength: 1, maxLength: 255, description: 'A unique key per operation you mean (e.g. a UUID).' },
    ...preferHeaderSchema.properties,
  },
} as const;

const jobResponses = (result: string) => ({
  200: { $ref: 'Job#', description: `Finished within \`Prefer: wait\`; \`result\` is ${result}.` },
  202: { $ref: 'Job#', description: `Running; \`result\` will be ${result}.` },
  ...problemResponses,
});

/**
 * Beyond the manual: status (card or keystore), renewal, revocation, ETK activation. Operations
 * that sign with the eID or change eHealth's state run as jobs, with Idempotency-Key.
 */
export function certificateRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.post<{ Body: { pin?: string } }>(
    '/certificates/status-query',
    {
      config: SECRET_ROUTE,
      schema: {
        operationId: 'queryCertificatesOfHolder',
        tags: ['certificates'],
        summary: 'Every certificate the card holder requested or manages, and their status (GetCertificateInfoForCitizen; needs the PIN)',
        description:
          'Signed with the eID: the PIN goes in the body and is never logged. Answers each certificate with its status, validity and renewal window. Counts toward the client\'s budget of wrong PINs and passwords (429 RATE_LIMITED with `retryAfter` in seconds when it runs out); a right one costs nothing.',
        body: { type: 'object', additionalProperties: false, properties: { pin: pinSchema } },
        response: { 200: { $ref: 'CertificateStatusReport#' }, ...problemResponses },
      },
    },
    async (request) =>
      deps.cardQueue.run('certificates.status', () =>
        deps.useCases.showCertificateStatus.execute({ source: 'card', pinEntry: new BodyPinEntry(request.body.pin) }),
      ),
  );

  app.post<{ Params: { name: string }; Body: { password: string } }>(
    '/keystores/:name/status-query',
    {
      config: SECRET_ROUTE,
      schema: {
        operationId: 'queryKeystoreCertificateStatus',
        tags: ['keystores'],
        summary: "The keystore's certificate as eHealth sees it (signed with its eHealth key), or its pending request",
        description:
          'Opens the keystore with its password and asks eHealth (GetCertificateInfo signed with the certificate\'s own key); a keystore holding only a request answers whether eHealth has made its certificate. Counts toward the client\'s budget of wrong PINs and passwords (429 RATE_LIMITED with `retryAfter` in seconds when it runs out); a right one costs nothing.',
        params: keystoreNameParams,
        body: { type: 'object', additionalProperties: false, required: ['password'], properties: { password: passwordSchema } },
        response: { 200: { $ref: 'CertificateStatusReport#' }, ...problemResponses },
      },
    },
    async (request) => {
      const file = await findKeystore(deps.useCases, request.params.name);
      return deps.useCases.showCertificateStatus.execute({ source: 'keystore', keystorePath: file.path, password: request.body.password });
    },
  );

  const { organisation: _organisation, applicationId: _applicationId, ...renewalProperties } = requestBodySchema.properties;
  app.post<{
    Params: { name: string };
    Headers: { 'idempotency-key'?: string };
    Body: { password: string; pin?: string; contactData: Record<string, string>; baseServiceUsages?: string[]; acceptTerms: true; keystoreFormat?: 'modern' | 'legacy' };
  }>(
    '/keystores/:name/renewal',
    {
      config: SECRET_ROUTE,
      schema: {
        operationId: 'renewKeystoreCertificate',
        tags: ['keystores'],
        summary: "Renew the keystore's certificate inside its replacement period (last 3 months): a new request for the same DN",
        description: 'The password opens the current keystore and protects the new one. Then complete it like any request.',
        params: keystoreNameParams,
        headers: idempotencyHeaders,
        body: { ...requestBodySchema, required: ['contactData', 'password', 'acceptTerms'], properties: renewalProperties },
        response: jobResponses('a SubmittedRequest with `renews`'),
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'] as string;
      const file = await findKeystore(deps.useCases, request.params.name);
      const body = request.body;
      const jobId = await deps.idempotency.jobFor(`renewal ${file.path}`, key, body, 'certificate-renewal', async () => {
        const renewed = await deps.cardQueue.run('certificate.renew', () =>
          deps.useCases.renewCertificate.execute({
            keystorePath: file.path,
            contactData: body.contactData,
            ...requestSettingsOf(deps.environment, body),
          }),
        );
        return { ...(await submittedView(deps, renewed)), renews: renewed.renews };
      });
      return replyWithJob(request, reply, deps.jobs, jobId);
    },
  );

  app.post<{ Params: { reference: string }; Headers: { 'idempotency-key'?: string }; Body: { reason: RevocationReason; pin?: string; acceptTerms: true } }>(
    '/certificates/:reference/revocation',
    {
      config: SECRET_ROUTE,
      schema: {
        operationId: 'revokeCertificate',
        tags: ['certificates'],
        summary: 'Revoke a certificate and its ETK (GenerateRevocationContract, then Revoke signed with the eID)',
        description:
          'Answers 202 with a job (poll /jobs/{id}). The revocation is final: the contract is generated, then the request is signed with the eID (the PIN in the body) and sent. `Idempotency-Key` is required: a retry never revokes twice. Counts toward the client\'s budget of wrong PINs and passwords (429 RATE_LIMITED with `retryAfter` in seconds when it runs out); a right one costs nothing.',
        params: referenceParams,
        headers: idempotencyHeaders,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['reason', 'acceptTerms'],
          properties: {
            reason: { type: 'string', enum: ['keyCompromise', 'affiliationChanged', 'superseded', 'cessationOfOperation'] },
            pin: pinSchema,
            acceptTerms: { type: 'boolean', enum: [true], description: 'The revocation contract is accepted.' },
          },
        },
        response: jobResponses('`{status: "revoked", publicKeyIdentifier, dn}`'),
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'] as string;
      const { reference } = request.params;
      const body = request.body;
      const jobId = await deps.idempotency.jobFor(`revocation ${reference.toLowerCase()}`, key, body, 'certificate-revocation', () =>
        deps.cardQueue.run('certificate.revoke', () =>
          deps.useCases.revokeCertificate.execute({
            publicKeyIdentifier: reference,
            reason: body.reason,
            pinEntry: new BodyPinEntry(body.pin),
            review: new BodyRequestReview(body.acceptTerms),
          }),
        ),
      );
      return replyWithJob(request, reply, deps.jobs, jobId);
    },
  );

  app.post<{ Params: { name: string }; Body: { password: string } }>(
    '/keystores/:name/etk-activation',
    {
      config: SECRET_ROUTE,
      schema: {
        operationId: 'activateEtk',
        tags: ['keystores'],
        summary: 'Activate the replacement ETK of a renewed certificate (ActivateETK signed with its eHealth key)',
        description:
          'After a renewal, the new ETK waits for activation: this asks eHealth to publish it. Answers 202 with a job (poll /jobs/{id}), or its end within `Prefer: wait`. Counts toward the client\'s budget of wrong PINs and passwords (429 RATE_LIMITED with `retryAfter` in seconds when it runs out); a right one costs nothing.',
        params: keystoreNameParams,
        headers: preferHeaderSchema,
        body: { type: 'object', additionalProperties: false, required: ['password'], properties: { password: passwordSchema } },
        response: jobResponses('`{status: "activated", dn}`'),
      },
    },
    async (request, reply) => {
      const file = await findKeystore(deps.useCases, request.params.name);
      // A repeated ActivateETK concerns the same replacement ETK of the same key and creates nothing new
      // (DOMAIN.md 2.5): no Idempotency-Key needed.
      const job = deps.jobs.start('etk-activation', () =>
        deps.useCases.activateEtk.execute({ keystorePath: file.path, password: request.body.password }),
      );
      return replyWithJob(request, reply, deps.jobs, job.id);
    },
  );
}
