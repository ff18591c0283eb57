/** JSON schema of a keystore file as the API shows it (core `KeystoreFile`, by file name). */
export const keystoreFileSchema = {
  $id: 'KeystoreFile',
  type: 'object',
  required: ['name', 'baseName', 'environment', 'modifiedAt', 'state'],
  properties: {
    name: {
      type: 'string',
      description:
        'File name, e.g. "NIHII-AMBU_SERVICE=12345678 20261129-101500.acc-p12"; a superseded file moved aside is named by its place in the keystore folder, "superseded/<file name>".',
    },
    baseName: { type: 'string', description: 'TYPE=ID[,APPID] (DOMAIN.md 3)' },
    environment: { type: 'string', enum: ['prd', 'acc', 'sim'] },
    modifiedAt: { type: 'string', format: 'date-time' },
    state: {
      type: 'string',
      enum: ['current', 'superseded'],
      description:
        '`current`: the newest keystore of its certificate and environment, the one tools pick; `superseded`: an older one (kept in superseded/, or left in the folder). docs/decisions/0016.',
    },
  },
} as const;

/** `{name}` of the keystore routes: a file name or a base name, never a path. */
export const keystoreNameParams = {
  type: 'object',
  required: ['name'],
  properties: {
    name: {
      type: 'string',
      minLength: 1,
      maxLength: 255,
      pattern: '^[^/\\\\]+$',
      description: 'A file name from GET /keystores, or TYPE=ID[,APPID] for the newest keystore of that certificate.',
    },
  },
} as const;
