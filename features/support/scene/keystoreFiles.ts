import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readPkcs12 } from '@ehealth-cert/adapters-ehealth';
import type { KeystoreContent } from '@ehealth-cert/core';

/** SHA-256 of every keystore file of a folder, by path (to prove that nothing was lost or changed). */
export async function hashKeystores(folder: string): Promise<Map<string, string>> {
  const names = await readdir(folder).catch(() => [] as string[]);
  const hashes = new Map<string, string>();
  for (const name of names.filter((n) => /p12$/.test(n))) {
    hashes.set(join(folder, name), createHash('sha256').update(await readFile(join(folder, name))).digest('hex'));
  }
  return hashes;
}

/** Opens a keystore file with the PKCS#12 reader, independently of the front end under test. */
export async function openKeystore(path: string, password: string): Promise<KeystoreContent> {
  return readPkcs12(new Uint8Array(await readFile(path)), password, path);
}
