import { EhealthCertError } from '@ehealth-cert/core';
import type { KeystoreFileSystem } from './KeystoreFileSystem.js';

function errnoOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/**
 * The keystore folder's presence over a run (issue 13): created (mode 0700) when a first write
 * finds it absent, but once this run has seen it, a folder that is gone is an error,
 * KEYSTORE_FOLDER_MISSING, and is not silently created again: a new empty folder would hide where
 * the keys went (an unmounted share, a deleted or moved folder). One guard is shared by the
 * keystore vault and the pending-requests record of the same folder.
 */
export class KeystoreFolderGuard {
  private seen = false;

  constructor(
    readonly folder: string,
    private readonly fs: KeystoreFileSystem,
  ) {}

  /** Notes that the folder was found (a successful listing). */
  noteSeen(): void {
    this.seen = true;
  }

  /** True once this run has seen the folder: its absence is then an error. */
  get wasSeen(): boolean {
    return this.seen;
  }

  /** Before a write: the folder is there (noted), absent and never seen (created), or gone (KEYSTORE_FOLDER_MISSING). */
  async ensure(): Promise<void> {
    if (await this.present()) {
      this.seen = true;
      return;
    }
    if (this.seen) throw this.missing();
    await this.fs.mkdir(this.folder, 0o700);
    this.seen = true;
  }

  /** The error for a folder that was there earlier in this run and is gone now. */
  missing(cause?: unknown): EhealthCertError {
    return new EhealthCertError(
      'KEYSTORE_FOLDER_MISSING',
      `The keystore folder ${this.folder} was there earlier in this run and is gone now (deleted, moved or unmounted); it is not created again empty. Put it back (or mount it) and run the command again.`,
      { folder: this.folder },
      cause === undefined ? undefined : { cause },
    );
  }

  private async present(): Promise<boolean> {
    try {
      await this.fs.readdir(this.folder);
      return true;
    } catch (error) {
      if (errnoOf(error) === 'ENOENT') return false;
      throw error;
    }
  }
}
