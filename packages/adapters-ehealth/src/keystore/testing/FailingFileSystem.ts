import type { KeystoreFileSystem } from '../KeystoreFileSystem.js';

/** A file-system step that can be made to fail. */
export type FailingStep = 'mkdir' | 'open' | 'write' | 'sync' | 'close' | 'link' | 'unlink' | 'rename' | 'readFile';

function errno(code: string, step: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected failure at ${step}`), { code });
}

/**
 * Wraps a file system so that the `nth` call of `step` (1-based) fails with `code` (ENOSPC for a
 * full disk, EROFS/EACCES for a read-only folder): the seam for "every failure leaves existing
 * files byte-for-byte" tests.
 */
export function failingFileSystem(inner: KeystoreFileSystem, step: FailingStep, code: string, nth = 1): KeystoreFileSystem {
  let calls = 0;
  const maybeFail = (current: FailingStep): void => {
    if (current === step && ++calls === nth) throw errno(code, step);
  };
  return {
    mkdir: async (path, mode) => (maybeFail('mkdir'), inner.mkdir(path, mode)),
    open: async (path, flags, mode) => {
      // Opening the folder for its fsync is not a file write: only file opens count.
      if (flags === 'wx') maybeFail('open');
      const file = await inner.open(path, flags, mode);
      return {
        writeFile: async (data) => {
          if (step === 'write' && calls + 1 === nth) {
            // A full disk writes part of the data before failing.
            await file.writeFile(data.subarray(0, Math.floor(data.length / 2)));
          }
          maybeFail('write');
          return file.writeFile(data);
        },
        sync: async () => (flags === 'wx' && maybeFail('sync'), file.sync()),
        close: async () => (flags === 'wx' && maybeFail('close'), file.close()),
      };
    },
    link: async (a, b) => (maybeFail('link'), inner.link(a, b)),
    unlink: async (path) => (maybeFail('unlink'), inner.unlink(path)),
    rename: async (a, b) => (maybeFail('rename'), inner.rename(a, b)),
    readdir: (path) => inner.readdir(path),
    readFile: async (path) => (maybeFail('readFile'), inner.readFile(path)),
    stat: (path) => inner.stat(path),
  };
}
