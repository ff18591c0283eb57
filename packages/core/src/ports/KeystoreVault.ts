import type { Bytes } from './binary.js';

/** A private key with its certificate chain (leaf first). */
export interface KeyEntry {
  readonly kind: 'key';
  /** `authentication`, or the decimal serial of an ETK encryption certificate (DOMAIN.md 3). */
  readonly alias: string;
  readonly privateKey: Bytes;
  readonly publicKey: Bytes;
  readonly chain: readonly Bytes[];
}

/** A certificate alone, named by its RFC 2253 subject (DOMAIN.md 3). */
export interface CertificateEntry {
  readonly kind: 'certificate';
  readonly alias: string;
  readonly certificate: Bytes;
}

export type KeystoreEntry = KeyEntry | CertificateEntry;

/** The content of a PKCS#12 keystore, format-independent. */
export interface KeystoreContent {
  readonly entries: readonly KeystoreEntry[];
}

/** A keystore file on disk. */
export interface KeystoreFile {
  readonly path: string;
  /** `TYPE=ID[,APPID]` from the file name (DOMAIN.md 3). */
  readonly baseName: string;
  readonly environment: 'prd' | 'acc' | 'sim';
  readonly modifiedAt: Date;
  /**
   * True for a file a later save replaced and moved out of the way (the `superseded/` subfolder,
   * or an older `.old-` name): kept, never picked by tools (docs/decisions/0016).
   */
  readonly superseded?: boolean;
}

/**
 * How a keystore file is encrypted (docs/decisions/0016): `modern` is PBES2 with AES-256-CBC and
 * an HMAC-SHA-256 MAC; `legacy` is the official tool's 3DES / RC2-40 / SHA-1 (DOMAIN.md 3), for
 * Java before 8u301 and other old readers.
 */
export type KeystoreFormat = 'modern' | 'legacy';

/** How a save is done. */
export interface KeystoreSaveOptions {
  /**
   * The keystore this save supersedes (the request keystore at completion, the one before the ETK):
   * it must open with the same password and hold every key of the new content; the new file is
   * written, read back and opened before the old one moves to `superseded/` (never deleted).
   */
  readonly replaces?: string;
  /** Default: the format of the file replaced, else the vault's (modern). */
  readonly format?: KeystoreFormat;
}

/** A password change: the new file, and where the old one is now. */
export interface ChangedKeystoreFile {
  readonly path: string;
  /** The old file's path after the change (in `superseded/`): it is kept, never deleted. */
  readonly previousPath: string;
}

/**
 * PKCS#12 keystores in the keystore folder. Every save writes a NEW file (temp file, fsync, rename,
 * mode 0600) and never overwrites an existing one; a superseded file is moved, never deleted.
 * Errors: KEYSTORE_NOT_FOUND, KEYSTORE_PASSWORD_WRONG, KEYSTORE_CORRUPT, KEYSTORE_WRITE_FAILED,
 * KEYSTORE_FOLDER_MISSING (the folder vanished while in use: it is not silently re-created).
 */
export interface KeystoreVault {
  /**
   * Writes a new file `<baseName> <yyyyMMdd-HHmmss>.p12|.acc-p12` and returns its path; with
   * `replaces`, then moves that file to `superseded/` (KeystoreSaveOptions).
   */
  save(baseName: string, content: KeystoreContent, password: string, options?: KeystoreSaveOptions): Promise<string>;
  open(path: string, password: string): Promise<KeystoreContent>;
  /** The newest keystore of `baseName` (`TYPE=ID[,APPID]`), tolerating dash/dot name variants. */
  findLatest(baseName: string): Promise<KeystoreFile | undefined>;
  /** The keystores of the folder (the ones tools pick from), newest first; not the superseded ones. */
  list(): Promise<readonly KeystoreFile[]>;
  /** The superseded keystores (`superseded/`, older `.old-` names), newest first, each with `superseded: true`. */
  listSuperseded(): Promise<readonly KeystoreFile[]>;
  /**
   * Writes `content` of `path` under a new password into a new file, checks it opens with it, then
   * moves the old file to `superseded/`; the format is kept unless `format` is given.
   */
  changePassword(path: string, oldPassword: string, newPassword: string, options?: { readonly format?: KeystoreFormat }): Promise<ChangedKeystoreFile>;
  /**
   * Writes `chain` (DER certificates, leaf first) as PEM in a new file beside the keystore
   * (`<keystore stem>.chain.pem`), never over an earlier one; returns its path. Texts for the
   * person are not the vault's: the front ends render and write them (docs/decisions/0014).
   */
  writeCertificateChain(keystorePath: string, chain: readonly Bytes[]): Promise<string>;
  /**
   * Writes `content` as a new PKCS#12 file beside the keystore (`<keystore stem><suffix>`, e.g.
   * `.export.p12`), under its own password, in the format other tools read (PBES2/AES). Not a
   * keystore of this folder: `list` and `findLatest` never return it.
   */
  writeCompanionKeystore(keystorePath: string, suffix: string, content: KeystoreContent, password: string): Promise<string>;
}
