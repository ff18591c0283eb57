import type { Bytes } from '../ports/binary.js';
import type { CertificateInspection } from '../ports/KeyFactory.js';
import type { KeystoreContent, KeystoreEntry } from '../ports/KeystoreVault.js';

/**
 * DOMAIN.md 2.4 item 11 and 3: the issued chain [leaf, intermediates] replaces the dummy chain at
 * `authentication`, and each chain certificate is added as a certificate entry named by its
 * RFC 2253 subject (the connector's `addCertificates`).
 */
export function installIssuedChain(content: KeystoreContent, chain: readonly Bytes[], keys: CertificateInspection): KeystoreContent {
  const entries: KeystoreEntry[] = content.entries.map((entry) =>
    entry.kind === 'key' && entry.alias === 'authentication' ? { ...entry, chain: [...chain] } : entry,
  );
  for (const certificate of chain) {
    const alias = keys.describeCertificate(certificate).subject;
    if (!entries.some((entry) => entry.alias === alias)) entries.push({ kind: 'certificate', alias, certificate });
  }
  return { entries };
}
