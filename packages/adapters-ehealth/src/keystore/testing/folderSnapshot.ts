import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Every file of a folder with its bytes (hex), to compare a folder before and after a failure; files
 * of subfolders (`superseded/`) are named `sub/name`.
 */
export async function folderSnapshot(folder: string): Promise<Record<string, string>> {
  const snapshot: Record<string, string> = {};
  for (const entry of (await readdir(folder, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isDirectory()) {
      for (const [name, bytes] of Object.entries(await folderSnapshot(join(folder, entry.name)))) snapshot[`${entry.name}/${name}`] = bytes;
    } else {
      snapshot[entry.name] = (await readFile(join(folder, entry.name))).toString('hex');
    }
  }
  return snapshot;
}
