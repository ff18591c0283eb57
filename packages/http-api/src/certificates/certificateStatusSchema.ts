/** One certificate as eHealth describes it (certra core `CertificateInfoType`) with its situation. */
const certificateStatusSchema = {
  type: 'object',
  required: ['info', 'situation'],
  properties: {
    situation: {
      type: 'string',
      enum: ['awaiting-issuance', 'awaiting-etk', 'awaiting-etk-activation', 'active', 'etk-unusable', 'refused', 'revoked', 'expired'],
      description: 'What the two statuses mean together (DOMAIN.md 2.3).',
    },
    info: {
      type: 'object',
      required: ['requestedDate', 'publicKeyIdentifier', 'entityType', 'certificateIdentifier', 'status', 'etkStatus', 'automaticallyValidated', 'revocable', 'replaceable', 'contactData', 'baseServiceUsages'],
      properties: {
        requestedDate: { type: 'string', format: 'date-time' },
        publicKeyIdentifier: { type: 'string' },
        entityType: { type: 'string', enum: ['NaturalPerson', 'Organization'] },
        certificateIdentifier: {
          type: 'object',
          properties: {
            actor: {
              type: 'object',
              properties: {
                ids: { type: 'array', items: { $ref: 'Identifier#' } },
                firstNames: { type: 'array', items: { type: 'string' } },
                name: { type: 'string' },
              },
            },
            applicationId: { type: 'string' },
          },
        },
        status: { type: 'string', enum: ['IN_PROGRESS', 'VALID_ACTIVE', 'REFUSED', 'REVOKED', 'EXPIRED'] },
        etkStatus: { type: 'string', enum: ['NOT_REQUESTED', 'IN_REQUEST', 'WAIT_FOR_ACTIVATION', 'VALID_ACTIVE', 'REVOKED', 'EXPIRED'] },
        automaticallyValidated: { type: 'boolean' },
        details: {
          type: 'object',
          properties: {
            serialNumber: { type: 'string' },
            dn: { type: 'string' },
            issuerDn: { type: 'string' },
            validNotBefore: { type: 'string', format: 'date-time' },
            validNotAfter: { type: 'string', format: 'date-time' },
          },
        },
        revocable: { type: 'boolean' },
        replaceable: { type: 'boolean' },
        replacementPeriodStartDate: { type: 'string', format: 'date-time' },
        contactData: {
          type: 'object',
          properties: { emailPrivate: { type: 'string' }, emailGeneral: { type: 'string' }, phonePrivate: { type: 'string' }, phoneGeneral: { type: 'string' } },
        },
        baseServiceUsages: { type: 'array', items: { type: 'string' } },
      },
    },
  },
} as const;

/** JSON schema of a status report (core `CertificateStatusReport`). */
export const certificateStatusReportSchema = {
  $id: 'CertificateStatusReport',
  type: 'object',
  required: ['source'],
  description:
    '`card`: every certificate of the card holder (GetCertificateInfoForCitizen); `keystore`: the keystore\'s certificate; `keystore-request`: the keystore holds a pending request (GetCertificate).',
  properties: {
    source: { type: 'string', enum: ['card', 'keystore', 'keystore-request'] },
    certificates: { type: 'array', items: certificateStatusSchema },
    certificate: certificateStatusSchema,
    reference: { type: 'string' },
    delivery: { type: 'string', enum: ['pending', 'issued'] },
  },
} as const;
