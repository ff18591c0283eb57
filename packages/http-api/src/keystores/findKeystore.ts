import { basename } from 'node:path';
import { EhealthCertError, type KeystoreFile, type KeystoreVault } from '@ehealth-cert/core';

/** The keystore named by a file name, or else the newest of a base name; KEYSTORE_NOT_FOUND otherwise. */
export async function findKeystore(vault: KeystoreVault, name: string): Promise<KeystoreFile> {
  const byFileName = (await vault.list()).find((file) => basename(file.path) === name);
  const found = byFileName ?? (await vault.findLatest(name));
  if (found === undefined) {
    throw new EhealthCertError('KEYSTORE_NOT_FOUND', `No keystore named "${name}" in the keystore folder (see GET /keystores).`, {
      field: 'params.name',
      value: name,
    });
  }
  return found;
}

/** A keystore file as the API shows it: by file name, not server path. */
export function keystoreView(file: KeystoreFile) {
  return { name: basename(file.path), baseName: file.baseName, environment: file.environment, modifiedAt: file.modifiedAt };
}
