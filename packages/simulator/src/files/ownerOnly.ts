import { chmodSync, renameSync, writeFileSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';

/**
 * Issue 13: the simulator's files (its state, a fake card's folder and PIN counter, the temporary
 * XSD batches) are the owner's alone whatever the umask: a folder it creates is 0700, a file 0600.
 * The mode is set again after writing, because `mode` applies only when a file is created (a file
 * left by a crash keeps its old mode otherwise).
 */
export const OWNER_ONLY_DIR = 0o700;
export const OWNER_ONLY_FILE = 0o600;

/** Creates `path` and its missing parents as 0700 (a folder that exists already is left as it is). */
export async function mkdirOwnerOnly(path: string): Promise<void> {
  const first = await mkdir(path, { recursive: true, mode: OWNER_ONLY_DIR });
  // mkdir's mode is masked by the umask: 0700 & ~umask can only be less, never more; chmod the new ones anyway.
  if (first !== undefined) await chmod(path, OWNER_ONLY_DIR);
}

/** Writes `data` to `path`, owner read and write only. */
export async function writeFileOwnerOnly(path: string, data: string | Uint8Array): Promise<void> {
  await writeFile(path, data, { mode: OWNER_ONLY_FILE });
  await chmod(path, OWNER_ONLY_FILE);
}

/**
 * writeFileOwnerOnly, synchronously and whole or not at all (the PKCS#11 wrapper's PIN counter): a
 * process killed mid-write (the crash tests SIGKILL the CLI) leaves the previous file, never a
 * truncated one that the next run could not read.
 */
export function writeFileOwnerOnlySync(path: string, data: string | Uint8Array): void {
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileSync(temporary, data, { mode: OWNER_ONLY_FILE });
  chmodSync(temporary, OWNER_ONLY_FILE);
  renameSync(temporary, path);
}
