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
 * interrupted completion newer files of the same key may exist: the newest of them is used, so that
 * a rerun continues where the last run stopped instead of starting over (a second ETK). Newer files
 * of the same name that hold another key (a later request) or do not open are passed over.
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
  const { content, file: opened } = await openOrFindSuperseded(vault, path, input.password, file);
  file = opened;
  const authentication = authenticationEntry(content, file?.path ?? path);
  const baseName = file?.baseName ?? parseKeystoreFileName(path)?.certificateName ?? path;
  const newer = files
    .filter((f) => f.baseName === baseName && f.path !== path && (!file || file.superseded === true || f.modifiedAt > file.modifiedAt))
    .sort((a, b) => b.modifiedAt.getTime() - a.modifiedAt.getTime());
  for (const candidate of newer) {
    const candidateContent = await vault.open(candidate.path, input.password).catch(() => undefined);
    const candidateAuthentication = candidateContent?.entries.find((e): e is KeyEntry => e.kind === 'key' && e.alias === 'authentication');
    if (candidateContent && candidateAuthentication && sameBytes(candidateAuthentication.publicKey, authentication.publicKey)) {
      return { path: candidate.path, baseName, content: candidateContent, authentication: candidateAuthentication };
    }
  }
  return { path: file?.path ?? path, baseName, content, authentication };
}

/**
 * Opens `path`; when it is gone because a completion moved it to `superseded/` (the request
 * keystore named in the step-16 text, a record written before the last save), opens it there, so
 * that the newer files of the same key are still found and a rerun goes on (docs/decisions/0016).
 */
async function openOrFindSuperseded(
  vault: KeystoreVault,
  path: string,
  password: string,
  file: KeystoreFile | undefined,
): Promise<{ readonly content: KeystoreContent; readonly file: KeystoreFile | undefined }> {
  try {
    return { content: await vault.open(path, password), file };
  } catch (error) {
    if (!EhealthCertError.is(error, 'KEYSTORE_NOT_FOUND')) throw error;
    const name = fileNameOf(path);
    const moved = (await vault.listSuperseded()).find((f) => fileNameOf(f.path) === name);
    if (moved === undefined) throw error;
    return { content: await vault.open(moved.path, password), file: moved };
  }
}

function fileNameOf(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}
