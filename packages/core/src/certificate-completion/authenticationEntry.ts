import type { KeyEntry, KeystoreContent } from '../ports/KeystoreVault.js';
import { EhealthCertError } from '../errors/EhealthCertError.js';

/** The `authentication` key entry of an eHealth keystore (DOMAIN.md 3); KEYSTORE_CORRUPT without one. */
export function authenticationEntry(content: KeystoreContent, path: string): KeyEntry {
  const entry = content.entries.find((e): e is KeyEntry => e.kind === 'key' && e.alias === 'authentication');
  if (!entry || entry.chain.length === 0) {
    throw new EhealthCertError('KEYSTORE_CORRUPT', `The keystore ${path} has no "authentication" key entry with a certificate (DOMAIN.md 3).`, {
      path,
    });
  }
  return entry;
}
