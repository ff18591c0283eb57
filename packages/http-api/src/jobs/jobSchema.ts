/** JSON schema of a Job (see Job.ts). */
export const jobSchema = {
  $id: 'Job',
  type: 'object',
  required: ['id', 'kind', 'status', 'createdAt', 'progress', 'href'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    kind: { type: 'string' },
    status: { type: 'string', enum: ['running', 'succeeded', 'failed'] },
    href: { type: 'string', description: 'Where to poll this job.' },
    createdAt: { type: 'string', format: 'date-time' },
    finishedAt: { type: 'string', format: 'date-time' },
    progress: {
      type: 'array',
      description: 'What the operation did so far, oldest first; `step` is the manual step number.',
      items: {
        type: 'object',
        required: ['activity', 'phase'],
        properties: { step: { type: 'string' }, activity: { type: 'string' }, phase: { type: 'string', enum: ['start', 'done'] } },
      },
    },
    result: { description: 'The outcome when succeeded; its shape depends on `kind` (see the route).' },
    problem: { $ref: 'Problem#' },
  },
} as const;

/** `Prefer: wait=N` (RFC 7240 section 4.3), declared so that the docs show it. */
export const preferHeaderSchema = {
  type: 'object',
  properties: {
    prefer: { type: 'string', description: 'RFC 7240 `wait=N`: hold the answer up to N seconds (max 60) for the job to finish.' },
  },
} as const;

/**
 * A Job whose `result` has the shape `resultRef` names (a shared schema id): so that the OpenAPI
 * document tells a client generator what a finished job of this route holds.
 */
export function jobWithResult(resultRef: string, description: string) {
  return { description, allOf: [{ $ref: 'Job#' }, { type: 'object', properties: { result: { $ref: resultRef } } }] } as const;
}
