import { keystoreFormatSchema } from '../keystores/keystoreFormatSchema.js';
import { passwordSchema, pinSchema } from '../person/secretSchemas.js';

/** The body of POST /requests: manual steps 8-14 in one document. */
export const requestBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['organisation', 'contactData', 'password', 'acceptTerms'],
  properties: {
    organisation: {
      type: 'object',
      additionalProperties: false,
      required: ['kind'],
      description:
        '`listed`: one of POST /organisations/query (identifier, name); `manual`: typed in (identifier, officialName; steps 8M-9M); `personal`: the card holder.',
      properties: {
        kind: { type: 'string', enum: ['listed', 'manual', 'personal'] },
        identifier: { $ref: 'Identifier#' },
        name: { $ref: 'LocalizedText#' },
        officialName: { type: 'string', minLength: 1, maxLength: 200 },
      },
    },
    applicationId: { type: 'string', maxLength: 64, description: 'Optional application id (DOMAIN.md 4.1).' },
    contactData: {
      type: 'object',
      additionalProperties: false,
      description: 'Manual step 10: a generic e-mail is required (expiry reminders go there).',
      properties: {
        emailPrivate: { type: 'string', maxLength: 254 },
        emailGeneral: { type: 'string', maxLength: 254 },
        phonePrivate: { type: 'string', maxLength: 32 },
        phoneGeneral: { type: 'string', maxLength: 32 },
      },
    },
    baseServiceUsages: {
      type: 'array',
      maxItems: 8,
      items: { type: 'string', minLength: 1, maxLength: 32 },
      description:
        "The eHealth base services the certificate is for: BaseServiceUsage values, e.g. tsa, consultrn, codage, other (DOMAIN.md 2.3); eHealth notifies these services of the new certificate. Each given once, and one that GET /organisation-types lists in `availableBaseServices` for the organisation's type; otherwise 400 INVALID_INPUT (`details.rule`: `available-base-service`, `details.allowed`) before any key or contract. Left out: all of the type's `availableBaseServices` (as the CLI wizard proposes by default); `[]`: none. A personal certificate gets none by default.",
    },
    password: { ...passwordSchema, description: 'Password of the new keystore (manual step 11). Never logged or echoed.' },
    pin: pinSchema,
    acceptTerms: {
      type: 'boolean',
      enum: [true],
      description: 'The eHealth contract and the overview are accepted (manual steps 4 and 12-13).',
    },
    newKey: {
      type: 'boolean',
      description:
        'Send the request even though a request for the same certificate is not finished (a new key; eHealth gets a second request). Without it, such a request is refused with 409 REQUEST_UNFINISHED naming the unfinished one.',
    },
    keystoreFormat: keystoreFormatSchema,
  },
} as const;

/** The body as the schema lets it through. */
export interface RequestBody {
  readonly organisation: {
    readonly kind: 'listed' | 'manual' | 'personal';
    readonly identifier?: { readonly type: string; readonly value: string };
    readonly name?: { readonly fr?: string; readonly nl?: string; readonly en?: string; readonly de?: string };
    readonly officialName?: string;
  };
  readonly applicationId?: string;
  readonly contactData: { readonly emailPrivate?: string; readonly emailGeneral?: string; readonly phonePrivate?: string; readonly phoneGeneral?: string };
  readonly baseServiceUsages?: readonly string[];
  readonly password: string;
  readonly pin?: string;
  readonly acceptTerms: true;
  readonly newKey?: boolean;
  readonly keystoreFormat?: 'modern' | 'legacy';
}

/** The job result of a request (core `SubmittedCertificateRequest`, files by name). */
export const submittedRequestSchema = {
  $id: 'SubmittedRequest',
  type: 'object',
  required: ['status', 'reference', 'automaticallyValidated', 'keystore', 'dn', 'certificateName', 'secretKeyFile', 'receipt', 'environment', 'href', 'next'],
  properties: {
    status: { type: 'string', enum: ['submitted'] },
    reference: { type: 'string', description: 'PublicKeyIdentifier: the "secret key" of manual step 15.' },
    automaticallyValidated: { type: 'boolean', description: 'false: eHealth support validates it by hand (can take days).' },
    keystore: { type: 'string' },
    dn: { type: 'string' },
    certificateName: { type: 'string' },
    secretKeyFile: { type: 'string' },
    receipt: {
      type: 'object',
      description: 'What the person keeps of step 15 and needs at step 16 (core\'s receipt; files by name). Front ends render it.',
      required: ['reference', 'environment', 'dn', 'certificateName', 'keystore', 'requestedAt', 'automaticallyValidated', 'renewal', 'nextStep'],
      properties: {
        reference: { type: 'string' },
        environment: { type: 'string', enum: ['prd', 'acc', 'sim'] },
        dn: { type: 'string' },
        certificateName: { type: 'string' },
        keystore: { type: 'string' },
        requestedAt: { type: 'string', format: 'date-time' },
        automaticallyValidated: { type: 'boolean' },
        renewal: { type: 'boolean' },
        nextStep: {
          type: 'object',
          required: ['step', 'action', 'environment', 'keystore', 'command'],
          properties: {
            step: { type: 'string', enum: ['16'] },
            action: { type: 'string', enum: ['complete'] },
            environment: { type: 'string', enum: ['prd', 'acc', 'sim'] },
            keystore: { type: 'string' },
            command: { type: 'string', description: 'The CLI command of step 16, e.g. `ehealth-cert complete --env acc --keystore "..."`.' },
          },
        },
      },
    },
    replacesCertificate: { type: 'string' },
    baseServiceUsages: { type: 'array', items: { type: 'string' }, description: "The base services sent: the ones given, or the organisation type's default when left out." },
    environment: { type: 'string', enum: ['prd', 'acc', 'sim'], description: 'The eHealth environment the request went to; completion must use the same.' },
    confirmedByStatusCheck: { type: 'boolean', description: "true: eHealth's answer was lost or unreadable and a status check found the request at eHealth." },
    href: { type: 'string', description: 'The request resource: /requests/{reference}.' },
    next: {
      type: 'object',
      required: ['method', 'href', 'environment'],
      description: 'The next step (manual steps 16-19) once eHealth says the certificate is made: POST to href on a server of this environment.',
      properties: {
        method: { type: 'string', enum: ['POST'] },
        href: { type: 'string' },
        environment: { type: 'string', enum: ['prd', 'acc', 'sim'] },
      },
    },
  },
} as const;
