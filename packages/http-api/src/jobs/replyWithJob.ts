import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Job } from './Job.js';
import type { JobStore } from './JobStore.js';

/** Longest `Prefer: wait` honoured, in seconds: proxies often cut idle answers at 60 s. */
const MAX_WAIT_SECONDS = 60;

/** The job as the API shows it, with the link to poll. */
export function jobView(job: Job): Job & { href: string } {
  return { ...job, href: `/jobs/${job.id}` };
}

/**
 * Answers a route that started a job: 202 with `Location` while it runs; 200 with the finished
 * job when it ended within `Prefer: wait=N`; a failed job is answered as its problem document.
 */
export async function replyWithJob(request: FastifyRequest, reply: FastifyReply, jobs: JobStore, jobId: string) {
  const waitMs = preferredWaitSeconds(request.headers.prefer) * 1000;
  const job = await jobs.waitFor(jobId, waitMs);
  if (job === undefined) {
    throw new Error(`job ${jobId} vanished`);
  }
  reply.header('location', `/jobs/${job.id}`);
  if (job.status === 'running') {
    return reply.code(202).send(jobView(job));
  }
  if (job.status === 'failed' && job.problem !== undefined) {
    return reply.code(job.problem.status).type('application/problem+json').send({
      ...job.problem,
      details: { ...job.problem.details, jobId: job.id },
    });
  }
  if (waitMs > 0) {
    reply.header('preference-applied', `wait=${waitMs / 1000}`);
  }
  return reply.code(200).send(jobView(job));
}

/** The N of `Prefer: wait=N` (RFC 7240 section 4.3), capped; 0 without one. */
export function preferredWaitSeconds(prefer: string | string[] | undefined): number {
  const header = Array.isArray(prefer) ? prefer.join(',') : (prefer ?? '');
  const match = /(?:^|[,;\s])wait\s*=\s*(\d+)/i.exec(header);
  return match === null ? 0 : Math.min(Number(match[1]), MAX_WAIT_SECONDS);
}
