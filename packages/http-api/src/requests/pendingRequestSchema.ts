/** JSON schema of a request as the API shows it (core `PendingRequest`, keystore by file name). */
export const pendingRequestSchema = {
  $id: 'CertificateRequest',
  type: 'object',
  required: ['reference', 'environment', 'certificateName', 'dn', 'keystore', 'requestedAt', 'automaticallyValidated', 'status'],
  properties: {
    reference: { type: 'string', pattern: '^[0-9a-f]{40}$', description: 'PublicKeyIdentifier: the "secret key" of manual step 15.' },
    environment: { type: 'string', enum: ['prd', 'acc', 'sim'] },
    certificateName: { type: 'string', description: 'TYPE=ID[,APPID]' },
    dn: { type: 'string' },
    keystore: { type: 'string', description: 'File name of the keystore holding the key (see /keystores).' },
    requestedAt: { type: 'string', format: 'date-time' },
    automaticallyValidated: { type: 'boolean' },
    status: {
      type: 'string',
      enum: ['sending', 'sent', 'pending', 'issued', 'completed', 'refused', 'unsent'],
      description:
        'Last status seen. `sending`: recorded before GenerateCertificate left, no answer seen (eHealth may have it: complete it or check its status); `unsent`: it never reached eHealth; `refused`: eHealth refused it.',
    },
    lastCheckedAt: { type: 'string', format: 'date-time' },
  },
} as const;
