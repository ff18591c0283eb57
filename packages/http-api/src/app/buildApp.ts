import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { installBearerAuth } from '../auth/bearerAuth.js';
import { installOpenApi } from '../docs/installOpenApi.js';
import { ApiError } from '../errors/ApiError.js';
import { problemFromError } from '../errors/ProblemDocument.js';
import { installProblemHandling } from '../errors/problemHandling.js';
import { problemSchema } from '../errors/problemSchema.js';
import { SharedRateLimitStore } from '../person/SharedRateLimitStore.js';
import { healthRoutes } from '../health/healthRoutes.js';
import { jobRoutes } from '../jobs/jobRoutes.js';
import { jobSchema } from '../jobs/jobSchema.js';
import { cardHolderSchema, identifierSchema, localizedTextSchema } from '../card/cardSchemas.js';
import { cardRoutes } from '../card/cardRoutes.js';
import { certificateRoutes } from '../certificates/certificateRoutes.js';
import { certificateStatusReportSchema } from '../certificates/certificateStatusSchema.js';
import { identifierRoutes } from '../identifiers/identifierRoutes.js';
import { keystoreInspectionSchema } from '../keystores/inspectionSchema.js';
import { keystoreRoutes } from '../keystores/keystoreRoutes.js';
import { keystoreFileSchema } from '../keystores/keystoreSchemas.js';
import { organisationRoutes } from '../organisations/organisationRoutes.js';
import { completionOutcomeSchema } from '../requests/completionSchemas.js';
import { completionRoutes } from '../requests/completionRoutes.js';
import { pendingRequestSchema } from '../requests/pendingRequestSchema.js';
import { submittedRequestSchema } from '../requests/requestBodySchema.js';
import { requestRoutes } from '../requests/requestRoutes.js';
import { sessionRoutes } from '../ui/sessionRoutes.js';
import { wizardAssetsDir } from '../ui/wizardAssetsDir.js';
import { wizardRoutes } from '../ui/wizardRoutes.js';
import type { AppDeps } from './AppDeps.js';

/** Bodies are small JSON documents (contact data, a PIN, passwords): refuse anything bigger. */
const BODY_LIMIT_BYTES = 64 * 1024;

/**
 * The API on a fresh fastify instance, not listening: what tests drive with `inject` and what
 * startServer listens with (fastify/demo's `buildApp`, apart from the process concerns).
 */
export async function buildApp(deps: AppDeps, options: FastifyServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: BODY_LIMIT_BYTES,
    // An unknown field is refused (400 naming it), not silently dropped: a typo in "pin" or
    // "password" must not turn into "no PIN given"; a number is not silently made a string.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false } },
    ...options,
  });
  await configureApp(app, deps);
  return app;
}

/** Installs schemas, error handling, docs, auth, rate limits and every route on `app`. */
export async function configureApp(app: FastifyInstance, deps: AppDeps): Promise<void> {
  for (const schema of [problemSchema, jobSchema, cardHolderSchema, localizedTextSchema, identifierSchema, pendingRequestSchema, keystoreFileSchema, submittedRequestSchema, completionOutcomeSchema, keystoreInspectionSchema, certificateStatusReportSchema]) {
    app.addSchema(schema);
  }
  installProblemHandling(app);
  await installOpenApi(app, { version: deps.version, publicDocs: deps.publicDocs ?? false });
  installBearerAuth(app, deps.auth);
  await app.register(rateLimit, {
    global: false,
    // One table for every route, so the routes of one group (secretRateLimit) share one budget.
    store: SharedRateLimitStore,
    errorResponseBuilder: (_request, context) =>
      new ApiError('RATE_LIMITED', `Too many requests with a PIN or password; retry in ${context.after}.`, {
        limit: context.max,
        retryAfter: context.after,
      }),
  });
  // Answers hold personal data (SSIN, names, keystore paths): no cache may keep them.
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });
  deps.jobs.onFailure = (error, job) => {
    const { document, logFields } = problemFromError(error);
    if (document.status >= 500) {
      app.log.error({ err: error, jobId: job.id, kind: job.kind, code: document.code, ...logFields }, 'job failed');
    } else {
      app.log.info({ jobId: job.id, kind: job.kind, code: document.code, ...logFields }, 'job refused');
    }
  };
  healthRoutes(app, deps);
  jobRoutes(app, deps.jobs);
  cardRoutes(app, deps);
  organisationRoutes(app, deps);
  requestRoutes(app, deps);
  completionRoutes(app, deps);
  keystoreRoutes(app, deps);
  certificateRoutes(app, deps);
  identifierRoutes(app, deps);
  sessionRoutes(app, deps);
  await wizardRoutes(app, deps.wizardAssetsDir ?? wizardAssetsDir());
}
