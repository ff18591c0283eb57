import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import {
  type Clock,
  EhealthCertError,
  type KeystoreContent,
  type KeystoreEnvironment,
  type KeystoreFile,
  type KeystoreVault,
  keystoreFileName,
  parseKeystoreFileName,
} from '@ehealth-cert/core';
import { moveAside, writeNewFileAtomically } from './AtomicFile.js';
import { checkKeystoreContent } from './checkKeystoreContent.js';
import { fileTimestamp } from './fileTimestamp.js';
import { type KeystoreFileSystem, nodeKeystoreFileSystem } from './KeystoreFileSystem.js';
import { readPkcs12, usesPkcs12Pbe } from './Pkcs12Reader.js';
import { writePkcs12 } from './Pkcs12Writer.js';

/** Settings of a keystore folder. */
export interface Pkcs12KeystoreVaultOptions {
  /** Which files this vault writes and finds: `.p12`, `.acc-p12` or `.sim-p12` (DOMAIN.md 3). */
  readonly environment: KeystoreEnvironment;
  /** Default `~/ehealth/keystore` (DOMAIN.md 3), created with mode 0700. */
  readonly folder?: string;
  /** `default` (PBES2/AES-256, HMAC-SHA256) or `legacy` (the official tool's 3DES/RC2-40/SHA-1). */
  readonly format?: 'default' | 'legacy';
  /** PBKDF2 / PKCS#12 KDF iterations; default 100 000. */
  readonly iterations?: number;
  readonly clock?: Clock;
  readonly fileSystem?: KeystoreFileSystem;
}

/** The default keystore folder of the official tool, `~/ehealth/keystore` (DOMAIN.md 3). */
export const DEFAULT_KEYSTORE_FOLDER = join(homedir(), 'ehealth', 'keystore');

const MAX_NAME_ATTEMPTS = 1000;
const CERTIFICATE_NAME = /^[A-Z0-9_-]+=[^/\\\0]+$/i;

function errnoOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/**
 * The keystore folder: Java-compatible PKCS#12 files (DOMAIN.md 3), one new timestamped file per
 * save, never an overwrite, every failure leaving existing files byte-for-byte unchanged.
 */
export class Pkcs12KeystoreVault implements KeystoreVault {
  readonly folder: string;
  private readonly environment: KeystoreEnvironment;
  private readonly format: 'default' | 'legacy';
  private readonly iterations: number;
  private readonly clock: Clock;
  private readonly fs: KeystoreFileSystem;

  constructor(options: Pkcs12KeystoreVaultOptions) {
    this.folder = options.folder ?? DEFAULT_KEYSTORE_FOLDER;
    this.environment = options.environment;
    this.format = options.format ?? 'default';
    this.iterations = options.iterations ?? 100_000;
    this.clock = options.clock ?? { now: () => new Date() };
    this.fs = options.fileSystem ?? nodeKeystoreFileSystem;
    if (!Number.isSafeInteger(this.iterations) || this.iterations < 1) {
      throw new EhealthCertError('INVALID_INPUT', `iterations ${this.iterations} must be a positive integer`, { iterations: this.iterations });
    }
  }

  async save(baseName: string, content: KeystoreContent, password: string): Promise<string> {
    if (!CERTIFICATE_NAME.test(baseName)) {
      throw new EhealthCertError('INVALID_INPUT', `keystore base name "${baseName}" must be TYPE=ID[,APPID] without path separators (DOMAIN.md 3)`, { baseName });
    }
    if (password.length === 0) throw new EhealthCertError('INVALID_INPUT', 'the keystore password must not be empty', {});
    checkKeystoreContent(content);
    const now = this.clock.now();
    if (parseKeystoreFileName(keystoreFileName(baseName, now, this.environment))?.certificateName !== baseName) {
      throw new EhealthCertError('INVALID_INPUT', `keystore base name "${baseName}" does not give a keystore file name tools can find (TYPE=ID[,APPID], DOMAIN.md 3)`, { baseName });
    }
    const bytes = await writePkcs12(content, password, { format: this.format, iterations: this.iterations, now });
    return this.writeNew(bytes, this.keystoreNames(baseName, now, this.environment));
  }

  /**
   * Candidate names for a save at `now`: if a file of the same second exists, the next second, and so
   * on. A `-2` suffix would not match the file-name rule (core `parseKeystoreFileName`) that every
   * tool uses to find keystores, so the stamp moves instead (docs/decisions/0002).
   */
  private keystoreNames(baseName: string, now: Date, environment: KeystoreEnvironment): (attempt: number) => string {
    return (attempt) => join(this.folder, keystoreFileName(baseName, new Date(now.getTime() + (attempt - 1) * 1000), environment));
  }

  async open(path: string, password: string): Promise<KeystoreContent> {
    return readPkcs12(await this.readKeystoreFile(path), password, path);
  }

  private async readKeystoreFile(path: string): Promise<Buffer> {
    try {
      return await this.fs.readFile(path);
    } catch (error) {
      if (errnoOf(error) === 'ENOENT' || errnoOf(error) === 'EISDIR') {
        throw new EhealthCertError('KEYSTORE_NOT_FOUND', `No keystore file at ${path}`, { path }, { cause: error });
      }
      // Not "corrupt": a user told that might delete a good file they merely cannot read (EACCES).
      throw new EhealthCertError('KEYSTORE_NOT_FOUND', `Keystore ${path} cannot be read (${errnoOf(error) ?? (error as Error).message})`, { path }, { cause: error });
    }
  }

  async list(): Promise<readonly KeystoreFile[]> {
    let names: string[];
    try {
      names = await this.fs.readdir(this.folder);
    } catch (error) {
      if (errnoOf(error) === 'ENOENT') return [];
      throw new EhealthCertError('KEYSTORE_NOT_FOUND', `Keystore folder ${this.folder} cannot be listed (${errnoOf(error) ?? (error as Error).message})`, { folder: this.folder }, { cause: error });
    }
    const files: (KeystoreFile & { savedAt: Date })[] = [];
    for (const name of names) {
      const parsed = parseKeystoreFileName(name);
      if (parsed === undefined) continue;
      const path = join(this.folder, name);
      const stat = await this.fs.stat(path).catch(() => undefined);
      if (stat === undefined || !stat.isFile()) continue;
      files.push({
        path,
        baseName: parsed.certificateName,
        environment: parsed.environment,
        modifiedAt: stat.mtime,
        savedAt: parsed.savedAt,
      });
    }
    // Newest first: by the time stamp in the name (the save time, DOMAIN.md 3), then mtime.
    files.sort((a, b) => b.savedAt.getTime() - a.savedAt.getTime() || b.modifiedAt.getTime() - a.modifiedAt.getTime());
    return files.map(({ savedAt: _savedAt, ...file }) => file);
  }

  async findLatest(baseName: string): Promise<KeystoreFile | undefined> {
    const wanted = baseName.toUpperCase();
    return (await this.list()).find((file) => file.environment === this.environment && file.baseName.toUpperCase() === wanted);
  }

  async changePassword(path: string, oldPassword: string, newPassword: string): Promise<string> {
    if (newPassword.length === 0) throw new EhealthCertError('INVALID_INPUT', 'the new keystore password must not be empty', {});
    const oldBytes = await this.readKeystoreFile(path);
    const content = await readPkcs12(oldBytes, oldPassword, path);
    // A legacy file (the official tool's, DOMAIN.md 3) stays legacy: the software that reads it may be too old for PBES2.
    const format = this.format === 'legacy' || usesPkcs12Pbe(oldBytes) ? 'legacy' : 'default';
    const parsed = parseKeystoreFileName(basename(path));
    if (parsed === undefined) {
      throw new EhealthCertError('INVALID_INPUT', `${path} is not named like a keystore (TYPE=ID[,APPID] yyyyMMdd-HHmmss.p12, DOMAIN.md 3)`, { path });
    }
    const baseName = parsed.certificateName;
    const now = this.clock.now();
    const bytes = await writePkcs12(content, newPassword, { format, iterations: this.iterations, now });
    const environment = parsed.environment;
    const created = await this.writeNew(bytes, this.keystoreNames(baseName, now, environment));
    // The new file must open with the new password and hold the same entries before the old one
    // moves aside; otherwise it goes aside itself, so that the newest keystore is still the old one.
    let reopened: KeystoreContent | undefined;
    try {
      reopened = await this.open(created, newPassword);
    } catch {
      reopened = undefined;
    }
    if (reopened === undefined || !sameContent(reopened, content)) {
      const aside = await moveAside(this.fs, created, `${basename(created)}.unverified-${fileTimestamp(now)}`).catch(() => created);
      throw new EhealthCertError(
        'KEYSTORE_WRITE_FAILED',
        `The re-encrypted keystore does not open with the new password or does not hold the entries of ${path}; ${path} is kept unchanged (the unverified copy is ${aside})`,
        { path, unverified: aside },
      );
    }
    // docs/decisions/0002: the old file is renamed aside (never deleted) so that a leaked old password
    // no longer matches the file tools pick, while the user can still recover it.
    try {
      await moveAside(this.fs, path, `${basename(path)}.old-${fileTimestamp(now)}`);
    } catch (error) {
      throw new EhealthCertError(
        'KEYSTORE_WRITE_FAILED',
        `The new keystore ${created} is saved, but ${path} could not be renamed aside (${errnoOf(error) ?? (error as Error).message}); it is still in place`,
        { path, created },
        { cause: error },
      );
    }
    return created;
  }

  async writeCompanionFile(keystorePath: string, suffix: string, text: string): Promise<string> {
    return this.writeCompanion(keystorePath, suffix, Buffer.from(text, 'utf8'));
  }

  async writeCompanionKeystore(keystorePath: string, suffix: string, content: KeystoreContent, password: string): Promise<string> {
    if (password.length === 0) throw new EhealthCertError('INVALID_INPUT', 'the export password must not be empty', {});
    checkKeystoreContent(content);
    // Always the default format (PBES2, AES-256, HMAC-SHA-256): the file is for other, current tools.
    const bytes = await writePkcs12(content, password, { format: 'default', iterations: this.iterations, now: this.clock.now() });
    return this.writeCompanion(keystorePath, suffix, bytes);
  }

  private async writeCompanion(keystorePath: string, suffix: string, data: Uint8Array): Promise<string> {
    if (suffix.length === 0 || /[/\\\0]/.test(suffix)) {
      throw new EhealthCertError('INVALID_INPUT', `companion suffix "${suffix}" must be non-empty without path separators`, { suffix });
    }
    const stem = basename(keystorePath).replace(/\.(acc-|sim-|acc\.|sim\.)?p12$/i, '');
    const folder = dirname(keystorePath);
    return this.writeNew(data, (attempt) => join(folder, attempt > 1 ? `${stem}-${attempt}${suffix}` : `${stem}${suffix}`), folder);
  }

  private async writeNew(data: Uint8Array, nameOf: (attempt: number) => string, folder = this.folder): Promise<string> {
    try {
      await this.fs.mkdir(folder, 0o700);
      const candidates = function* (): Generator<string> {
        for (let attempt = 1; attempt <= MAX_NAME_ATTEMPTS; attempt++) yield nameOf(attempt);
      };
      const path = await writeNewFileAtomically(this.fs, candidates(), data);
      // Read back: what is on disk must be what we encoded (catches a lying disk or a short write).
      let written: Buffer | undefined;
      let readError: unknown;
      try {
        written = await this.fs.readFile(path);
      } catch (error) {
        readError = error;
      }
      if (written === undefined || !written.equals(data)) {
        // A file we could not check, or that is not what we encoded, must not become "the newest
        // keystore" (findLatest) while the previous one is good: it goes aside, never deleted.
        const aside = await moveAside(this.fs, path, `${basename(path)}.unverified-${fileTimestamp(this.clock.now())}`).catch(() => path);
        if (written === undefined) throw readError;
        throw Object.assign(new Error(`read-back of ${path} differs from what was written, kept as ${aside}`), { code: 'EIO' });
      }
      return path;
    } catch (error) {
      if (EhealthCertError.is(error)) throw error;
      const code = errnoOf(error);
      throw new EhealthCertError(
        'KEYSTORE_WRITE_FAILED',
        `Cannot write a new file in ${folder} (${code ?? (error as Error).message}); existing keystores are unchanged`,
        { folder, ...(code !== undefined && { errno: code }) },
        { cause: error },
      );
    }
  }
}

/** Same entries (kind, alias, key, chain or certificate bytes) in any order: the check after a re-encryption. */
function sameContent(a: KeystoreContent, b: KeystoreContent): boolean {
  const fingerprint = (content: KeystoreContent): string[] =>
    content.entries
      .map((entry) => {
        const parts = entry.kind === 'key' ? [entry.privateKey, ...entry.chain] : [entry.certificate];
        return `${entry.kind}\u0000${entry.alias}\u0000${parts.map((bytes) => Buffer.from(bytes).toString('base64')).join(',')}`;
      })
      .sort();
  const [x, y] = [fingerprint(a), fingerprint(b)];
  return x.length === y.length && x.every((item, index) => item === y[index]);
}
