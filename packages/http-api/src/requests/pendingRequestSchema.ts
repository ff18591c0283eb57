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
    status: { type: 'string', enum: ['sent', 'pending', 'issued', 'completed', 'refused'], description: 'Last status seen.' },
    lastCheckedAt: { type: 'string', format: 'date-time' },
  },
} as const;
