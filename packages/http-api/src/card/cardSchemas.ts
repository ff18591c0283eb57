/** JSON schema of the card holder (core `CardHolder` without the certificate chains). */
export const cardHolderSchema = {
  $id: 'CardHolder',
  type: 'object',
  required: ['ssin', 'givenNames', 'surname', 'generation', 'tokenSerial'],
  properties: {
    ssin: { type: 'string', description: 'National number (SSIN) from the Authentication certificate.' },
    givenNames: { type: 'string' },
    surname: { type: 'string' },
    generation: { type: 'string', enum: ['rsa1024', 'rsa2048', 'ecp384'], description: 'Card generation (DOMAIN.md 6).' },
    tokenSerial: { type: 'string' },
  },
} as const;

/** A language-tagged text (certra core `TextType`). */
export const localizedTextSchema = {
  $id: 'LocalizedText',
  type: 'object',
  properties: { fr: { type: 'string' }, nl: { type: 'string' }, en: { type: 'string' }, de: { type: 'string' } },
} as const;

/** An identifier `{type, value}` (commons core `IdType`, DOMAIN.md 4.2). */
export const identifierSchema = {
  $id: 'Identifier',
  type: 'object',
  required: ['type', 'value'],
  additionalProperties: false,
  properties: {
    type: { type: 'string', minLength: 1, maxLength: 64, description: 'SSIN, CBE, NIHII-AMBU_SERVICE, ... (DOMAIN.md 4.2)' },
    value: { type: 'string', minLength: 1, maxLength: 64 },
  },
} as const;
