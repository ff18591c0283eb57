import { formatIdentifier, type Identifier } from '../identifiers/Identifier.js';

/** `TYPE=ID[,APPID]`: how a certificate is named in keystore file names (DOMAIN.md 3). */
export function certificateName(identifier: Identifier, applicationId?: string): string {
  return applicationId ? `${formatIdentifier(identifier)},${applicationId}` : formatIdentifier(identifier);
}
