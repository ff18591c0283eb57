/** A certificate as KeyFactory describes it (core `CertificateSummary`). */
const certificateSummarySchema = {
  type: 'object',
  required: ['subject', 'issuer', 'serialNumber', 'notBefore', 'notAfter', 'publicKeyIdentifier', 'placeholder'],
  properties: {
    subject: { type: 'string' },
    issuer: { type: 'string' },
    serialNumber: { type: 'string' },
    notBefore: { type: 'string', format: 'date-time' },
    notAfter: { type: 'string', format: 'date-time' },
    publicKeyIdentifier: { type: 'string' },
    placeholder: { type: 'boolean', description: 'The dummy certificate of a pending request (DOMAIN.md 2.4 item 9).' },
  },
} as const;

/** JSON schema of a keystore inspection (core `KeystoreInspection`, keystore by file name). */
export const keystoreInspectionSchema = {
  $id: 'KeystoreInspection',
  type: 'object',
  required: ['keystore', 'entries', 'authentication', 'etkSerials'],
  properties: {
    keystore: { type: 'string' },
    entries: {
      type: 'array',
      items: {
        type: 'object',
        required: ['alias', 'kind', 'certificate'],
        properties: { alias: { type: 'string' }, kind: { type: 'string', enum: ['key', 'certificate'] }, certificate: certificateSummarySchema },
      },
    },
    authentication: {
      type: 'object',
      required: ['state', 'reference'],
      description: '`pending`: only the dummy certificate, the request is not completed; `issued`: dates and renewal window.',
      properties: {
        state: { type: 'string', enum: ['pending', 'issued'] },
        reference: { type: 'string' },
        dn: { type: 'string' },
        issuer: { type: 'string' },
        notBefore: { type: 'string', format: 'date-time' },
        notAfter: { type: 'string', format: 'date-time' },
        daysToExpiry: { type: 'integer' },
        renewalWindowStart: { type: 'string', format: 'date-time' },
        renewalState: { type: 'string', enum: ['too-early', 'open', 'expired'] },
      },
    },
    etkSerials: { type: 'array', items: { type: 'string' } },
  },
} as const;
