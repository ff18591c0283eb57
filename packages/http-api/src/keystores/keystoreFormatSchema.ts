/**
 * `keystoreFormat` of the bodies that write a keystore (docs/decisions/0016): `modern` (PBES2,
 * AES-256, HMAC-SHA-256) or `legacy` (the official tool's 3DES / RC2-40 / SHA-1, for Java before
 * 8u301). Another value is 400 INVALID_INPUT naming `body.keystoreFormat` (rule `enum`).
 */
export const keystoreFormatSchema = {
  type: 'string',
  enum: ['modern', 'legacy'],
  description:
    'Format of the keystore file written: `modern` (AES-256, the default for a new keystore) or `legacy` (3DES/RC2/SHA-1 as the eHealth tool writes, for Java before 8u301). Completion and password change keep the format of the file they replace unless this is given.',
} as const;
