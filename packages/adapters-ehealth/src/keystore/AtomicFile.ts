import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { KeystoreFileSystem } from './KeystoreFileSystem.js';

/** Owner-only: keystores and their companions hold private keys or secrets (issue 5). */
export const PRIVATE_FILE_MODE = 0o600;

/** What `link` fails with where the file system has no hard links. */
const NO_HARD_LINKS = ['EPERM', 'ENOTSUP', 'ENOSYS', 'EXDEV', 'EOPNOTSUPP'];

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

async function writeTemp(fs: KeystoreFileSystem, folder: string, hint: string, data: Uint8Array): Promise<string> {
  const temp = join(folder, `.${hint}.tmp-${randomBytes(6).toString('hex')}`);
  const file = await fs.open(temp, 'wx', PRIVATE_FILE_MODE);
  try {
    await file.writeFile(data);
    await file.sync();
    await file.close();
  } catch (error) {
    await file.close().catch(() => undefined);
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  return temp;
}

/** fsync of the folder makes the new name durable (POSIX rename/link are durable only then). */
async function syncFolder(fs: KeystoreFileSystem, folder: string): Promise<void> {
  let handle;
  try {
    handle = await fs.open(folder, 'r');
  } catch {
    return; // Windows cannot open a folder; NTFS journals the rename itself.
  }
  try {
    await handle.sync();
  } catch (error) {
    // Some file systems refuse fsync on a folder (EINVAL, EISDIR); the data itself is synced.
    if (!['EINVAL', 'EISDIR', 'EPERM', 'EBADF'].includes(errorCode(error) ?? '')) throw error;
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * Writes `data` under the first of `candidates` (full paths in one folder) that does not exist:
 * temp file in the same folder, write, fsync, then `link` (which fails instead of replacing), unlink
 * the temp (best effort), fsync the folder. An existing file is never replaced, and a crash or
 * failure at any step leaves at most a stray `.tmp-` file, never a partial file under a real name.
 */
export async function writeNewFileAtomically(
  fs: KeystoreFileSystem,
  candidates: Iterable<string>,
  data: Uint8Array,
): Promise<string> {
  const iterator = candidates[Symbol.iterator]();
  let next = iterator.next();
  if (next.done === true) throw new Error('no candidate file name');
  const folder = dirname(next.value);
  const temp = await writeTemp(fs, folder, basename(next.value), data);
  try {
    for (; next.done !== true; next = iterator.next()) {
      const target = next.value;
      try {
        await fs.link(temp, target);
      } catch (error) {
        if (errorCode(error) === 'EEXIST') continue;
        if (!NO_HARD_LINKS.includes(errorCode(error) ?? '')) throw error;
        // No hard links here (FAT, some shares): check then rename, the best this file system allows.
        if (await exists(fs, target)) continue;
        await fs.rename(temp, target);
        await syncFolder(fs, folder);
        return target;
      }
      // The data is durable under its name now: failing to remove the hidden temp name must not
      // report a failed save (a caller would then distrust a file that tools pick as the newest).
      await fs.unlink(temp).catch(() => undefined);
      await syncFolder(fs, folder);
      return target;
    }
    throw new Error('every candidate file name is taken');
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** Replaces `path` with `data` atomically (temp, write, fsync, rename, fsync folder): for small records that may be overwritten. */
export async function replaceFileAtomically(fs: KeystoreFileSystem, path: string, data: Uint8Array): Promise<void> {
  const folder = dirname(path);
  const temp = await writeTemp(fs, folder, basename(path), data);
  try {
    await fs.rename(temp, path);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(fs, folder);
}

/**
 * Moves `path` aside to `<asideName>` in `folder` (default: its own; or `<asideName>-2`, `-3`, ...
 * when taken): link then unlink, so no existing file is ever replaced and the bytes are never
 * deleted. `folder` must be on the same file system. Returns the new path.
 */
export async function moveAside(fs: KeystoreFileSystem, path: string, asideName: string, folder = dirname(path)): Promise<string> {
  for (let sequence = 1; sequence <= 1000; sequence++) {
    const target = join(folder, sequence > 1 ? `${asideName}-${sequence}` : asideName);
    try {
      await fs.link(path, target);
    } catch (error) {
      if (errorCode(error) === 'EEXIST') continue;
      if (!NO_HARD_LINKS.includes(errorCode(error) ?? '')) throw error;
      // No hard links here (FAT, some shares): check then rename, as writeNewFileAtomically does.
      if (await exists(fs, target)) continue;
      await fs.rename(path, target);
      return target;
    }
    await fs.unlink(path);
    await syncFolder(fs, folder);
    if (folder !== dirname(path)) await syncFolder(fs, dirname(path));
    return target;
  }
  throw Object.assign(new Error(`every name ${asideName}-n is taken`), { code: 'EEXIST' });
}

/** True when `path` exists. */
export async function exists(fs: KeystoreFileSystem, path: string): Promise<boolean> {
  try {
    await fs.stat(path);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
}
