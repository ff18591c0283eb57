import { keystoreFormatSchema } from '../keystores/keystoreFormatSchema.js';
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
    keystoreFormat: keystoreFormatSchema,
  },
} as const;

/** The body as the schema lets it through (defaults applied). */
export interface CompletionBody {
  readonly password: string;
  readonly wait: number;
  readonly pollInterval: number;
  readonly keystoreFormat?: 'modern' | 'legacy';
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
    requestedAt: {
      type: 'string',
      format: 'date-time',
      description: 'Pending: when the request was sent (from the local record). eHealth gives no expected delivery date; the manual speaks of a few days, eHealth of up to 10 days.',
    },
    automaticallyValidated: { type: 'boolean', description: "Pending: false when eHealth's support team checks the request by hand (from the local record)." },
    dn: { type: 'string' },
    etkSerial: { type: 'string' },
    toBeActivated: { type: 'boolean', description: 'The new ETK waits for POST /keystores/{name}/etk-activation (renewal).' },
    etkPublication: {
      type: 'string',
      enum: ['published', 'not-yet-published', 'awaiting-activation'],
      description: '`not-yet-published`: eHealth registered the ETK and ETKDepot does not show it yet; not an error, check again later.',
    },
    notAfter: { type: 'string', format: 'date-time' },
    warnings: {
      type: 'array',
      description: 'What the person should know about a completion that succeeded: a chain not checked for want of trust anchors (acc without EHEALTH_CERT_TRUST_ANCHORS), an ETK not yet published.',
      items: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: { type: 'string', enum: ['ISSUED_CHAIN_NOT_CHECKED', 'ETK_SIGNER_NOT_CHECKED', 'ETK_NOT_YET_PUBLISHED'] },
          message: { type: 'string' },
        },
      },
    },
  },
} as const;
