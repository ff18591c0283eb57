import { promises as fs } from 'node:fs';

/** An open file as the atomic writer uses it (a subset of `fs.promises.FileHandle`). */
export interface WritableFile {
  writeFile(data: Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The file operations of the keystore folder, injectable so tests can make any step fail (full
 * disk, read-only folder, a crash between write, fsync and rename).
 */
export interface KeystoreFileSystem {
  open(path: string, flags: 'wx' | 'r', mode?: number): Promise<WritableFile>;
  link(existing: string, created: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  mkdir(path: string, mode: number): Promise<void>;
  readdir(path: string): Promise<string[]>;
  readFile(path: string): Promise<Buffer>;
  stat(path: string): Promise<{ mtime: Date; isFile(): boolean }>;
}

/** The real file system (node:fs/promises). */
export const nodeKeystoreFileSystem: KeystoreFileSystem = {
  open: async (path, flags, mode) => {
    const handle = await fs.open(path, flags, mode);
    return {
      writeFile: (data) => handle.writeFile(data),
      sync: () => handle.sync(),
      close: () => handle.close(),
    };
  },
  link: (existing, created) => fs.link(existing, created),
  rename: (from, to) => fs.rename(from, to),
  unlink: (path) => fs.unlink(path),
  mkdir: async (path, mode) => {
    await fs.mkdir(path, { recursive: true, mode });
  },
  readdir: (path) => fs.readdir(path),
  readFile: (path) => fs.readFile(path),
  stat: (path) => fs.stat(path),
};
