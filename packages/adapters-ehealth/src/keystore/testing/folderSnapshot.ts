import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Every file of a folder with its bytes (hex), to compare a folder before and after a failure. */
export async function folderSnapshot(folder: string): Promise<Record<string, string>> {
  const snapshot: Record<string, string> = {};
  for (const name of (await readdir(folder)).sort()) snapshot[name] = (await readFile(join(folder, name))).toString('hex');
  return snapshot;
}
