import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { installBearerAuth } from '../auth/bearerAuth.js';
import { installOpenApi } from '../docs/installOpenApi.js';
import { ApiError } from '../errors/ApiError.js';
import { problemFromError } from '../errors/ProblemDocument.js';
import { installProblemHandling } from '../errors/problemHandling.js';
import { problemSchema } from '../errors/problemSchema.js';
import { healthRoutes } from '../health/healthRoutes.js';
import { jobRoutes } from '../jobs/jobRoutes.js';
import { jobSchema } from '../jobs/jobSchema.js';
import type { AppDeps } from './AppDeps.js';

/** Bodies are small JSON documents (contact data, a PIN, passwords): refuse anything bigger. */
const BODY_LIMIT_BYTES = 64 * 1024;

/**
 * The API on a fresh fastify instance, not listening: what tests drive with `inject` and what
 * startServer listens with (fastify/demo's `buildApp`, apart from the process concerns).
 */
export async function buildApp(deps: AppDeps, options: FastifyServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({ bodyLimit: BODY_LIMIT_BYTES, ...options });
  await configureApp(app, deps);
  return app;
}

/** Installs schemas, error handling, docs, auth, rate limits and every route on `app`. */
export async function configureApp(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.addSchema(problemSchema);
  app.addSchema(jobSchema);
  installProblemHandling(app);
  await installOpenApi(app, { version: deps.version, publicDocs: deps.publicDocs ?? false });
  installBearerAuth(app, deps.auth);
  await app.register(rateLimit, {
    global: false,
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
    const { document } = problemFromError(error);
    if (document.status >= 500) {
      app.log.error({ err: error, jobId: job.id, kind: job.kind, code: document.code }, 'job failed');
    } else {
      app.log.info({ jobId: job.id, kind: job.kind, code: document.code }, 'job refused');
    }
  };
  healthRoutes(app, deps);
  jobRoutes(app, deps.jobs);
}
