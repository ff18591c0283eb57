import type { Bytes } from '../ports/binary.js';
import type { CertificateInspection, CertificateSummary, KeyPair } from '../ports/KeyFactory.js';
import type { KeyEntry, KeystoreContent, KeystoreVault } from '../ports/KeystoreVault.js';
import { EhealthCertError } from '../errors/EhealthCertError.js';
import { authenticationEntry } from '../certificate-completion/authenticationEntry.js';

/** A keystore whose authentication certificate is issued (not the placeholder of a pending request). */
export interface IssuedKeystore {
  readonly content: KeystoreContent;
  readonly authentication: KeyEntry;
  readonly keyPair: KeyPair;
  readonly leaf: CertificateSummary;
}

/** Opens `path` and requires an installed eHealth certificate; CERTIFICATE_NOT_ACTIVE while the request is pending. */
export async function openIssuedKeystore(vault: KeystoreVault, keys: CertificateInspection, path: string, password: string): Promise<IssuedKeystore> {
  const content = await vault.open(path, password);
  const authentication = authenticationEntry(content, path);
  const leaf = keys.describeCertificate(authentication.chain[0] as Bytes);
  if (leaf.placeholder) {
    throw new EhealthCertError(
      'CERTIFICATE_NOT_ACTIVE',
      `The keystore ${path} holds a request that is not completed yet: complete it first (manual step 16).`,
      { path },
    );
  }
  return { content, authentication, keyPair: { privateKey: authentication.privateKey, publicKey: authentication.publicKey }, leaf };
}
