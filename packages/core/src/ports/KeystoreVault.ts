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
}

/**
 * PKCS#12 keystores in the keystore folder. Every save writes a NEW file (temp file, fsync, rename,
 * mode 0600) and never touches an existing one. Errors: KEYSTORE_NOT_FOUND,
 * KEYSTORE_PASSWORD_WRONG, KEYSTORE_CORRUPT, KEYSTORE_WRITE_FAILED.
 */
export interface KeystoreVault {
  /** Writes a new file `<baseName> <yyyyMMdd-HHmmss>.p12|.acc-p12` and returns its path. */
  save(baseName: string, content: KeystoreContent, password: string): Promise<string>;
  open(path: string, password: string): Promise<KeystoreContent>;
  /** The newest keystore of `baseName` (`TYPE=ID[,APPID]`), tolerating dash/dot name variants. */
  findLatest(baseName: string): Promise<KeystoreFile | undefined>;
  list(): Promise<readonly KeystoreFile[]>;
  /** Writes `content` of `path` under a new password into a new file, checks it opens, keeps the old one. */
  changePassword(path: string, oldPassword: string, newPassword: string): Promise<string>;
  /** Writes `text` in a file beside the keystore (the step 15 secret key and instructions). */
  writeCompanionFile(keystorePath: string, suffix: string, text: string): Promise<string>;
  /**
   * Writes `content` as a new PKCS#12 file beside the keystore (`<keystore stem><suffix>`, e.g.
   * `.export.p12`), under its own password, in the format other tools read (PBES2/AES). Not a
   * keystore of this folder: `list` and `findLatest` never return it.
   */
  writeCompanionKeystore(keystorePath: string, suffix: string, content: KeystoreContent, password: string): Promise<string>;
}
