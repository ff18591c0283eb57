import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readPkcs12 } from '@ehealth-cert/adapters-ehealth';
import type { KeystoreContent } from '@ehealth-cert/core';

/**
 * SHA-256 of every keystore file of a folder, by path (to prove that nothing was lost or changed).
 * A file that completion or a password change moved to `superseded/` (docs/decisions/0016) counts
 * under the path it had in the folder: moved, unchanged, is not lost.
 */
export async function hashKeystores(folder: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  const superseded = join(folder, 'superseded');
  for (const from of [superseded, folder]) {
    const names = await readdir(from).catch(() => [] as string[]);
    for (const name of names.filter((n) => /p12$/.test(n))) {
      hashes.set(join(folder, name), createHash('sha256').update(await readFile(join(from, name))).digest('hex'));
    }
  }
  return hashes;
}

/** Opens a keystore file with the PKCS#12 reader, independently of the front end under test. */
export async function openKeystore(path: string, password: string): Promise<KeystoreContent> {
  return readPkcs12(new Uint8Array(await readFile(path)), password, path);
}
