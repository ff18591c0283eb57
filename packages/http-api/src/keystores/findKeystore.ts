import { basename, dirname } from 'node:path';
import { EhealthCertError, type KeystoreFile, type ListedKeystore } from '@ehealth-cert/core';
import type { ApiUseCases } from '../app/AppDeps.js';

/** The keystore named by a file name, or else the newest of a base name (core's FindKeystore); KEYSTORE_NOT_FOUND otherwise. */
export async function findKeystore(
  useCases: Pick<ApiUseCases, 'findKeystore'>,
  name: string,
  options: { readonly includeSuperseded?: boolean } = {},
): Promise<KeystoreFile> {
  const found = await useCases.findKeystore.execute(name, options);
  if (found === undefined) {
    throw new EhealthCertError('KEYSTORE_NOT_FOUND', `No keystore named "${name}" in the keystore folder (see GET /keystores).`, {
      field: 'params.name',
      value: name,
    });
  }
  return found;
}

/**
 * A keystore file as the API shows it: by file name, not server path (`superseded/<name>` for a file
 * moved aside); its state, `current` unless it is superseded or a listing said otherwise.
 */
export function keystoreView(file: KeystoreFile | ListedKeystore) {
  const name = file.superseded === true && basename(dirname(file.path)) === 'superseded' ? `superseded/${basename(file.path)}` : basename(file.path);
  const state = 'state' in file ? file.state : file.superseded === true ? 'superseded' : 'current';
  return { name, baseName: file.baseName, environment: file.environment, modifiedAt: file.modifiedAt, state };
}
