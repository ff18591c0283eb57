/** The eID PIN: 4 to 12 digits (PKCS#11 token info of the Belgian eID). Only ever in a body. */
export const pinSchema = {
  type: 'string',
  pattern: '^[0-9]{4,12}$',
  writeOnly: true,
  description: 'The eID PIN (4-12 digits). Omit it when the reader has a PIN pad. Never logged or echoed.',
} as const;

/** A keystore password. Only ever in a body; the strength rule is core's (WEAK_PASSWORD). */
export const passwordSchema = {
  type: 'string',
  minLength: 1,
  maxLength: 1024,
  writeOnly: true,
  description: 'A keystore password. Never logged or echoed.',
} as const;
