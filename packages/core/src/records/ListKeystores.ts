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
  /** Also the superseded files (`superseded/`), after the folder's own (default: only the folder's). */
  readonly includeSuperseded?: boolean;
}

/**
 * `current`: the keystore tools pick for its certificate and environment (the newest save of that
 * `TYPE=ID[,APPID]`, DOMAIN.md 3); `superseded`: an older one (moved to `superseded/`, or left in
 * the folder by an older version or an interrupted move). docs/decisions/0016.
 */
export type KeystoreState = 'current' | 'superseded';

/** A keystore file with its state. */
export interface ListedKeystore extends KeystoreFile {
  readonly state: KeystoreState;
}

/** The keystores in the keystore folder (DOMAIN.md 3), each marked current or superseded. */
export class ListKeystores {
  constructor(private readonly ports: { readonly vault: KeystoreVault }) {}

  async execute(selection: KeystoreSelection = {}): Promise<readonly ListedKeystore[]> {
    const inFolder = await this.ports.vault.list();
    const superseded = selection.includeSuperseded === true ? await this.ports.vault.listSuperseded() : [];
    // The vault lists newest first: the first file of each certificate and environment is the one
    // tools pick (findLatest, the same case-insensitive name).
    const seen = new Set<string>();
    const listed: ListedKeystore[] = inFolder.map((file) => {
      const key = `${file.environment}\u0000${file.baseName.toUpperCase()}`;
      const state: KeystoreState = seen.has(key) ? 'superseded' : 'current';
      seen.add(key);
      return { ...file, state };
    });
    for (const file of superseded) listed.push({ ...file, superseded: true, state: 'superseded' });
    const chosen = listed.filter((file) => selection.environment === undefined || file.environment === selection.environment);
    return selection.order === 'newest-first' ? [...chosen].sort((a, b) => b.modifiedAt.getTime() - a.modifiedAt.getTime()) : chosen;
  }
}

/**
 * One keystore of the keystore folder by name: its file name, else the newest keystore of that
 * base name (the file name without timestamp and extension); undefined if neither. With
 * `includeSuperseded`, a file name moved to `superseded/` is found there too (completion goes on
 * from the newest file of its key; docs/decisions/0016); other operations never act on one.
 */
export class FindKeystore {
  constructor(private readonly ports: { readonly vault: KeystoreVault }) {}

  async execute(name: string, options: { readonly includeSuperseded?: boolean } = {}): Promise<KeystoreFile | undefined> {
    const byFileName = (await this.ports.vault.list()).find((file) => fileNameOf(file.path) === name);
    const found = byFileName ?? (await this.ports.vault.findLatest(name));
    if (found !== undefined || options.includeSuperseded !== true) return found;
    return (await this.ports.vault.listSuperseded()).find((file) => fileNameOf(file.path) === name);
  }
}
