import type { FastifyInstance } from 'fastify';
import { ApiError } from '../errors/ApiError.js';
import { problemResponses } from '../errors/problemSchema.js';
import type { JobStore } from './JobStore.js';
import { jobView } from './replyWithJob.js';

/** GET /jobs/{id}: the state of a long operation started by another route. */
export function jobRoutes(app: FastifyInstance, jobs: JobStore): void {
  app.get<{ Params: { id: string } }>(
    '/jobs/:id',
    {
      schema: {
        tags: ['jobs'],
        summary: 'A long operation: running, succeeded (with its result) or failed (with its problem)',
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } },
        response: { 200: { $ref: 'Job#' }, ...problemResponses },
      },
    },
    async (request) => {
      const job = jobs.get(request.params.id);
      if (job === undefined) {
        throw new ApiError('JOB_NOT_FOUND', `No job ${request.params.id}: it never existed or was forgotten after it finished.`, {
          field: 'params.id',
        });
      }
      return jobView(job);
    },
  );
}
