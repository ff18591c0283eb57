import type { KeystoreEnvironment } from '../distinguished-name/keystoreFileName.js';
import type { KeystoreFile, KeystoreVault } from '../ports/KeystoreVault.js';

/** The last part of a path, `/` or `\` separated (core does no I/O: no node:path). */
export function fileNameOf(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** What ListKeystores selects. */
export interface KeystoreSelection {
  /** Only the keystores of this environment. */
  readonly environment?: KeystoreEnvironment;
  /** `folder` (default): the vault's order; `newest-first`: by modification time, newest first. */
  readonly order?: 'folder' | 'newest-first';
}

/** The keystores in the keystore folder (DOMAIN.md 3). */
export class ListKeystores {
  constructor(private readonly ports: { readonly vault: KeystoreVault }) {}

  async execute(selection: KeystoreSelection = {}): Promise<readonly KeystoreFile[]> {
    const chosen = (await this.ports.vault.list()).filter((file) => selection.environment === undefined || file.environment === selection.environment);
    return selection.order === 'newest-first' ? [...chosen].sort((a, b) => b.modifiedAt.getTime() - a.modifiedAt.getTime()) : chosen;
  }
}

/**
 * One keystore of the keystore folder by name: its file name, else the newest keystore of that
 * base name (the file name without timestamp and extension); undefined if neither.
 */
export class FindKeystore {
  constructor(private readonly ports: { readonly vault: KeystoreVault }) {}

  async execute(name: string): Promise<KeystoreFile | undefined> {
    const byFileName = (await this.ports.vault.list()).find((file) => fileNameOf(file.path) === name);
    return byFileName ?? (await this.ports.vault.findLatest(name));
  }
}
