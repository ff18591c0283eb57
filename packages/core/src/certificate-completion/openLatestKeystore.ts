import type { KeyEntry, KeystoreContent, KeystoreFile, KeystoreVault } from '../ports/KeystoreVault.js';
import { EhealthCertError } from '../errors/EhealthCertError.js';
import { parseKeystoreFileName } from '../distinguished-name/keystoreFileName.js';
import { sameBytes } from './sameBytes.js';
import { authenticationEntry } from './authenticationEntry.js';

/** An opened keystore: where it is, its `TYPE=ID[,APPID]` name and its content. */
export interface OpenedKeystore {
  readonly path: string;
  readonly baseName: string;
  readonly content: KeystoreContent;
  readonly authentication: KeyEntry;
}

/**
 * Opens the keystore named by path or certificate name. Each save writes a new file, so after an
 * interrupted completion a newer file of the same key may exist: that one is used, so that a rerun
 * continues where the last run stopped instead of starting over (a second ETK).
 */
export async function openLatestKeystore(
  vault: KeystoreVault,
  input: { readonly keystorePath?: string; readonly certificateName?: string; readonly password: string },
): Promise<OpenedKeystore> {
  const files = await vault.list();
  let file: KeystoreFile | undefined;
  if (input.keystorePath) file = files.find((f) => f.path === input.keystorePath);
  else if (input.certificateName) file = await vault.findLatest(input.certificateName);
  const path = input.keystorePath ?? file?.path;
  if (!path) {
    throw new EhealthCertError('KEYSTORE_NOT_FOUND', `No keystore named ${input.certificateName ?? '(none given)'} in the keystore folder.`, {
      certificateName: input.certificateName,
    });
  }
  const content = await vault.open(path, input.password);
  const authentication = authenticationEntry(content, path);
  const baseName = file?.baseName ?? parseKeystoreFileName(path)?.certificateName ?? path;
  const latest = await vault.findLatest(baseName);
  if (latest && latest.path !== path && (!file || latest.modifiedAt > file.modifiedAt)) {
    const newer = await vault.open(latest.path, input.password).catch(() => undefined);
    const newerAuthentication = newer?.entries.find((e): e is KeyEntry => e.kind === 'key' && e.alias === 'authentication');
    if (newer && newerAuthentication && sameBytes(newerAuthentication.publicKey, authentication.publicKey)) {
      return { path: latest.path, baseName, content: newer, authentication: newerAuthentication };
    }
  }
  return { path, baseName, content, authentication };
}
