import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { installBearerAuth } from '../auth/bearerAuth.js';
import { installHostCheck, LOOPBACK_ONLY } from '../auth/hostCheck.js';
import { installQueryTokenCheck } from '../auth/queryTokenCheck.js';
import { installOpenApi } from '../docs/installOpenApi.js';
import { problemFromError } from '../errors/ProblemDocument.js';
import { installProblemHandling } from '../errors/problemHandling.js';
import { isProblemDocument, localizeProblem, problemLanguageOf } from '../errors/problemLanguage.js';
import { problemSchema } from '../errors/problemSchema.js';
import { SecretFailureBudget } from '../person/SecretFailureBudget.js';
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
import { exportRoutes } from '../keystores/exportRoutes.js';
import { supportTeamRoutes } from '../simulator/supportTeamRoutes.js';
import { keystoreFileSchema } from '../keystores/keystoreSchemas.js';
import { organisationRoutes } from '../organisations/organisationRoutes.js';
import { completionOutcomeSchema } from '../requests/completionSchemas.js';
import { completionRoutes } from '../requests/completionRoutes.js';
import { pendingRequestSchema } from '../requests/pendingRequestSchema.js';
import { submittedRequestSchema } from '../requests/requestBodySchema.js';
import { requestRoutes } from '../requests/requestRoutes.js';
import { contractRoutes, requestContractSchema } from '../requests/contractRoutes.js';
import { sessionRoutes } from '../ui/sessionRoutes.js';
import { wizardAssetsDir } from '../ui/wizardAssetsDir.js';
import { wizardRoutes } from '../ui/wizardRoutes.js';
import type { AppDeps } from './AppDeps.js';

/** Bodies are small JSON documents (contact data, a PIN, passwords): refuse anything bigger. */
const BODY_LIMIT_BYTES = 256 * 1024;

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
  for (const schema of [problemSchema, jobSchema, cardHolderSchema, localizedTextSchema, identifierSchema, pendingRequestSchema, keystoreFileSchema, submittedRequestSchema, completionOutcomeSchema, keystoreInspectionSchema, certificateStatusReportSchema, requestContractSchema]) {
    app.addSchema(schema);
  }
  installProblemHandling(app);
  // First of all hooks, so that they run before the token check and before every route (the docs,
  // the wizard's files and POST /session included): a foreign Host, then a token in the URL.
  installHostCheck(app, deps.allowedHosts ?? LOOPBACK_ONLY);
  installQueryTokenCheck(app, deps.auth);
  await installOpenApi(app, { version: deps.version, publicDocs: deps.publicDocs ?? false });
  installBearerAuth(app, deps.auth);
  const budget = installSecretFailureBudget(app, deps);
  installProblemLanguage(app);
  // Answers hold personal data (SSIN, names, keystore paths): no cache may keep them.
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });
  deps.jobs.onFailure = (error, job) => {
    const { document, logFields } = problemFromError(error);
    // A job runs in the async context of the route that started it: its client is known there.
    budget.recordInContext(document.code);
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
  contractRoutes(app, deps);
  requestRoutes(app, deps);
  completionRoutes(app, deps);
  keystoreRoutes(app, deps);
  exportRoutes(app, deps);
  supportTeamRoutes(app, deps);
  certificateRoutes(app, deps);
  identifierRoutes(app, deps);
  sessionRoutes(app, deps);
  await wizardRoutes(app, deps.wizardAssetsDir ?? wizardAssetsDir());
}

/** Per-minute failed PIN/password checks a client may make, summed over every secret route. */
const DEFAULT_FAILURES_PER_MINUTE = 10;

/**
 * Routes marked SECRET_ROUTE: the client's budget of failed secret checks is checked before the
 * body is even validated, and a wrong PIN or password the route answers counts against it (a job
 * started by the route counts through jobs.onFailure, in the handler's async context).
 */
function installSecretFailureBudget(app: FastifyInstance, deps: AppDeps): SecretFailureBudget {
  const budget = new SecretFailureBudget(deps.secretRateLimit ?? DEFAULT_FAILURES_PER_MINUTE);
  app.addHook('onRoute', (route) => {
    if (route.config?.secretChecks !== true) {
      return;
    }
    const handler = route.handler;
    route.handler = function secretRouteHandler(this: FastifyInstance, request, reply) {
      return budget.inClientContext(request.ip, () => handler.call(this, request, reply));
    };
    const previous = route.preValidation;
    const check = async (request: FastifyRequest) => budget.assertAllowed(request.ip);
    route.preValidation = previous === undefined ? check : [previous, check].flat();
  });
  app.addHook('onError', async (request, _reply, error) => {
    if (request.routeOptions.config.secretChecks === true) {
      budget.record(request.ip, problemFromError(error).document.code);
    }
  });
  return budget;
}

/**
 * `Accept-Language` (fr, nl, en) chooses the language of a problem's `detail`, whether the route
 * failed, or a job it shows failed (`problem` of a Job); `Content-Language` says which was used.
 */
function installProblemLanguage(app: FastifyInstance): void {
  app.addHook('preSerialization', async (request, reply, payload: unknown) => {
    const language = problemLanguageOf(request.headers['accept-language']);
    if (isProblemDocument(payload)) {
      reply.header('content-language', language).header('vary', 'accept-language');
      return localizeProblem(payload, language);
    }
    const problem = (payload as { problem?: unknown } | null)?.problem;
    if (isProblemDocument(problem)) {
      reply.header('content-language', language).header('vary', 'accept-language');
      return { ...(payload as object), problem: localizeProblem(problem, language) };
    }
    return payload;
  });
}
