import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import { EhealthCertError, type KeystoreContent } from '@ehealth-cert/core';

/**
 * Refuses content that would give a keystore Java software cannot use: duplicate or empty key
 * aliases (keytool keeps one), a private key that is not PKCS#8, or a leaf certificate whose
 * public key is not the entry's key (KEYSTORE_MISMATCH). Run before anything is written.
 */
export function checkKeystoreContent(content: KeystoreContent): void {
  const aliases = new Set<string>();
  for (const entry of content.entries) {
    if (entry.kind !== 'key') continue;
    if (entry.alias.length === 0) throw new EhealthCertError('INVALID_INPUT', 'a key entry has an empty alias', {});
    if (aliases.has(entry.alias)) {
      throw new EhealthCertError('INVALID_INPUT', `two key entries share the alias "${entry.alias}"; each alias must be unique (DOMAIN.md 3)`, { alias: entry.alias });
    }
    aliases.add(entry.alias);
    let publicKey: Buffer;
    try {
      publicKey = createPublicKey(createPrivateKey({ key: Buffer.from(entry.privateKey), format: 'der', type: 'pkcs8' })).export({ format: 'der', type: 'spki' });
    } catch (error) {
      throw new EhealthCertError('INVALID_INPUT', `the private key of "${entry.alias}" is not a PKCS#8 key`, { alias: entry.alias }, { cause: error });
    }
    const leaf = entry.chain[0];
    if (leaf === undefined) continue;
    let leafKey: Buffer;
    try {
      leafKey = new X509Certificate(Buffer.from(leaf)).publicKey.export({ format: 'der', type: 'spki' });
    } catch (error) {
      throw new EhealthCertError('INVALID_INPUT', `the certificate of "${entry.alias}" is not an X.509 certificate`, { alias: entry.alias }, { cause: error });
    }
    if (!leafKey.equals(publicKey)) {
      throw new EhealthCertError('KEYSTORE_MISMATCH', `the certificate of "${entry.alias}" is not for its private key`, { alias: entry.alias });
    }
  }
}
