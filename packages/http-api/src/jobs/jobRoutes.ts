import type { FastifyInstance } from 'fastify';
import { ApiError } from '../errors/ApiError.js';
import { problemResponses } from '../errors/problemSchema.js';
import type { JobStore } from './JobStore.js';
import { preferHeaderSchema } from './jobSchema.js';
import { jobView, preferredWaitSeconds } from './replyWithJob.js';

/** GET /jobs/{id}: the state of a long operation started by another route. */
export function jobRoutes(app: FastifyInstance, jobs: JobStore): void {
  app.get<{ Params: { id: string } }>(
    '/jobs/:id',
    {
      schema: {
        operationId: 'getJob',
        tags: ['jobs'],
        summary: 'A long operation: running, succeeded (with its result) or failed (with its problem)',
        description: 'With `Prefer: wait=N`, answers as soon as the job finishes or after N seconds.',
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid', description: 'The job id of a 202 answer (its `href`).' } } },
        headers: preferHeaderSchema,
        response: { 200: { $ref: 'Job#' }, ...problemResponses },
      },
    },
    async (request) => {
      const job = await jobs.waitFor(request.params.id, preferredWaitSeconds(request.headers.prefer) * 1000);
      if (job === undefined) {
        throw new ApiError('JOB_NOT_FOUND', `No job ${request.params.id}: it never existed or was forgotten after it finished.`, {
          field: 'params.id',
        });
      }
      return jobView(job);
    },
  );
}
