import { passwordSchema } from '../person/secretSchemas.js';

/** The body of a completion (manual steps 16-19). */
export const completionBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['password'],
  properties: {
    password: { ...passwordSchema, description: 'Password of the keystore that holds the request\'s key.' },
    wait: {
      type: 'integer',
      minimum: 0,
      maximum: 86_400,
      default: 0,
      description: 'Seconds to keep asking eHealth while the certificate is pending (0: ask once). Pending is a normal outcome, not an error.',
    },
    pollInterval: { type: 'integer', minimum: 1, maximum: 3600, default: 30, description: 'Seconds between two GetCertificate calls while waiting.' },
  },
} as const;

/** The body as the schema lets it through (defaults applied). */
export interface CompletionBody {
  readonly password: string;
  readonly wait: number;
  readonly pollInterval: number;
}

/** The job result of a completion (core `CompletionOutcome`, keystore by file name). */
export const completionOutcomeSchema = {
  $id: 'CompletionOutcome',
  type: 'object',
  required: ['status', 'reference', 'keystore'],
  properties: {
    status: { type: 'string', enum: ['pending', 'completed'], description: '`pending`: eHealth has not issued the certificate yet; try again later.' },
    reference: { type: 'string' },
    keystore: { type: 'string' },
    dn: { type: 'string' },
    etkSerial: { type: 'string' },
    toBeActivated: { type: 'boolean', description: 'The new ETK waits for POST /keystores/{name}/etk-activation (renewal).' },
    notAfter: { type: 'string', format: 'date-time' },
  },
} as const;
