/** JSON schema of the RFC 9457 problem document (see ProblemDocument). */
export const problemSchema = {
  $id: 'Problem',
  type: 'object',
  description: 'RFC 9457 problem document; `code` is the stable ehealth-cert error code.',
  required: ['type', 'title', 'status', 'detail', 'code', 'details'],
  properties: {
    type: { type: 'string', description: 'urn:ehealth-cert:problem:<code>' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string', description: 'What went wrong: names the field, the value (never a secret) and the rule.' },
    code: { type: 'string' },
    details: {
      type: 'object',
      additionalProperties: true,
      description: 'What `detail` says, for programs: the field and its rule, eHealth\'s own code and message, the keystore, when to retry.',
      properties: {
        field: { type: 'string', description: 'The field at fault (`body.contactData.emailGeneral`, `headers.idempotency-key`).' },
        rule: { type: 'string', description: 'The rule it breaks (`format`, `required`, `pattern`...).' },
        retryAfter: { type: 'integer', minimum: 1, description: 'RATE_LIMITED: whole seconds to wait before retrying (the `Retry-After` header says the same).' },
      },
    },
  },
} as const;

/** The `response` entries every route shares: any 4xx/5xx is a problem document. */
export const problemResponses = {
  '4xx': { description: 'Client error', content: { 'application/problem+json': { schema: { $ref: 'Problem#' } } } },
  '5xx': { description: 'Server or eHealth error', content: { 'application/problem+json': { schema: { $ref: 'Problem#' } } } },
} as const;
