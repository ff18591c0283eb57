import type { KeyEntry, KeystoreContent } from '../ports/KeystoreVault.js';
import { EhealthCertError } from '../errors/EhealthCertError.js';

/**
 * The `authentication` key entry of an eHealth keystore (DOMAIN.md 3). A readable PKCS#12 without
 * one is another kind of keystore (KEYSTORE_NOT_EHEALTH, issue 13), not a damaged one; an
 * `authentication` key without its certificate is damaged (KEYSTORE_CORRUPT).
 */
export function authenticationEntry(content: KeystoreContent, path: string): KeyEntry {
  const entry = content.entries.find((e): e is KeyEntry => e.kind === 'key' && e.alias === 'authentication');
  if (!entry) {
    const aliases = content.entries.map((e) => e.alias);
    throw new EhealthCertError(
      'KEYSTORE_NOT_EHEALTH',
      `${path} is a readable PKCS#12 file but not an eHealth keystore: it has no "authentication" key entry (DOMAIN.md 3; it holds ${aliases.length === 0 ? 'no entries' : aliases.map((a) => `"${a}"`).join(', ')}).`,
      { path, aliases },
    );
  }
  if (entry.chain.length === 0) {
    throw new EhealthCertError('KEYSTORE_CORRUPT', `The "authentication" key entry of ${path} has no certificate (DOMAIN.md 3).`, { path });
  }
  return entry;
}
