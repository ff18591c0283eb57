import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import {
  type ChangedKeystoreFile,
  type Clock,
  EhealthCertError,
  type KeystoreContent,
  type KeystoreEnvironment,
  type KeystoreFile,
  type KeystoreFormat,
  type KeystoreSaveOptions,
  type KeystoreVault,
  keystoreFileName,
  parseKeystoreFileName,
  pemEncode,
  type Bytes,
} from '@ehealth-cert/core';
import { moveAside, writeNewFileAtomically } from './AtomicFile.js';
import { KeystoreFolderGuard } from './KeystoreFolderGuard.js';
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
  /**
   * The format of new keystores when a save does not choose one and replaces none: `modern`
   * (default: PBES2/AES-256, HMAC-SHA256) or `legacy` (the official tool's 3DES/RC2-40/SHA-1),
   * docs/decisions/0016.
   */
  readonly format?: KeystoreFormat;
  /** PBKDF2 / PKCS#12 KDF iterations; default 100 000. */
  readonly iterations?: number;
  readonly clock?: Clock;
  readonly fileSystem?: KeystoreFileSystem;
  /** Shared with the pending-requests record of the same folder (createEhealthAdapters). */
  readonly folderGuard?: KeystoreFolderGuard;
}

/**
 * The subfolder of the keystore folder where superseded keystores go, under their own names
 * (docs/decisions/0016): tools that pick the newest `.p12` of the folder never see them.
 */
export const SUPERSEDED_FOLDER = 'superseded';

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
  /** `<folder>/superseded`. */
  readonly supersededFolder: string;
  private readonly environment: KeystoreEnvironment;
  private readonly format: KeystoreFormat;
  private readonly iterations: number;
  private readonly clock: Clock;
  private readonly fs: KeystoreFileSystem;
  private readonly guard: KeystoreFolderGuard;

  constructor(options: Pkcs12KeystoreVaultOptions) {
    this.folder = options.folder ?? DEFAULT_KEYSTORE_FOLDER;
    this.supersededFolder = join(this.folder, SUPERSEDED_FOLDER);
    this.environment = options.environment;
    this.format = options.format ?? 'modern';
    if (this.format !== 'modern' && this.format !== 'legacy') {
      throw new EhealthCertError('INVALID_INPUT', `keystore format "${String(this.format)}" must be modern or legacy`, { field: 'format', value: this.format });
    }
    this.iterations = options.iterations ?? 100_000;
    this.clock = options.clock ?? { now: () => new Date() };
    this.fs = options.fileSystem ?? nodeKeystoreFileSystem;
    this.guard = options.folderGuard ?? new KeystoreFolderGuard(this.folder, this.fs);
    if (!Number.isSafeInteger(this.iterations) || this.iterations < 1) {
      throw new EhealthCertError('INVALID_INPUT', `iterations ${this.iterations} must be a positive integer`, { iterations: this.iterations });
    }
  }

  async save(baseName: string, content: KeystoreContent, password: string, options: KeystoreSaveOptions = {}): Promise<string> {
    if (!CERTIFICATE_NAME.test(baseName)) {
      throw new EhealthCertError('INVALID_INPUT', `keystore base name "${baseName}" must be TYPE=ID[,APPID] without path separators (DOMAIN.md 3)`, { baseName });
    }
    if (password.length === 0) throw new EhealthCertError('INVALID_INPUT', 'the keystore password must not be empty', {});
    checkKeystoreContent(content);
    const now = this.clock.now();
    if (parseKeystoreFileName(keystoreFileName(baseName, now, this.environment))?.certificateName !== baseName) {
      throw new EhealthCertError('INVALID_INPUT', `keystore base name "${baseName}" does not give a keystore file name tools can find (TYPE=ID[,APPID], DOMAIN.md 3)`, { baseName });
    }
    let format = options.format ?? this.format;
    if (options.replaces !== undefined) {
      // The file replaced must open with this password and its keys must all be in the new content:
      // a save never leaves a key only in a file that is moved out of the way. Checked before writing.
      const replacedBytes = await this.readKeystoreFile(options.replaces);
      const replaced = await readPkcs12(replacedBytes, password, options.replaces);
      const missing = missingKeys(replaced, content);
      if (missing.length > 0) {
        throw new EhealthCertError(
          'INVALID_INPUT',
          `the new keystore would not hold the key(s) ${missing.join(', ')} of ${options.replaces}, which it replaces; nothing was written`,
          { path: options.replaces, aliases: missing },
        );
      }
      // A legacy file stays legacy unless a format is chosen: the software that reads it may be too old for PBES2.
      if (options.format === undefined && usesPkcs12Pbe(replacedBytes)) format = 'legacy';
    }
    const bytes = await writePkcs12(content, password, { format: encodingOf(format), iterations: this.iterations, now });
    const created = await this.writeNew(bytes, await this.keystoreNames(baseName, now, this.environment));
    if (options.replaces === undefined) return created;
    await this.verifyReopens(created, password, content, options.replaces, now);
    // The new file is complete and verified: the one it replaces moves to superseded/. If that move
    // fails, the old file stays where it is (older, so tools do not pick it, and `keystores` still
    // marks it superseded); the save itself succeeded.
    await this.moveToSuperseded(options.replaces).catch(() => undefined);
    return created;
  }

  /**
   * The file just written must open with `password` and hold exactly `content`; otherwise it goes
   * aside as `.unverified-` (so that the newest keystore is still the old one) and the save fails,
   * `keptPath` untouched.
   */
  private async verifyReopens(created: string, password: string, content: KeystoreContent, keptPath: string, now: Date): Promise<void> {
    let reopened: KeystoreContent | undefined;
    try {
      reopened = await this.open(created, password);
    } catch {
      reopened = undefined;
    }
    if (reopened !== undefined && sameContent(reopened, content)) return;
    const aside = await moveAside(this.fs, created, `${basename(created)}.unverified-${fileTimestamp(now)}`).catch(() => created);
    throw new EhealthCertError(
      'KEYSTORE_WRITE_FAILED',
      `The new keystore does not open with its password or does not hold what was written; ${keptPath} is kept unchanged (the unverified copy is ${aside})`,
      { path: keptPath, unverified: aside },
    );
  }

  /**
   * Moves a keystore of the folder to `superseded/` under its own name (`-2`, `-3`... when taken):
   * link then unlink, so nothing is overwritten or deleted. A file already there stays. Returns
   * its new path.
   */
  private async moveToSuperseded(path: string): Promise<string> {
    if (dirname(path) === this.supersededFolder) return path;
    try {
      await this.fs.mkdir(this.supersededFolder, 0o700);
      return await moveAside(this.fs, path, basename(path), this.supersededFolder);
    } catch (error) {
      if (errnoOf(error) === 'ENOENT' && !(await this.folderPresent())) throw this.guard.missing(error);
      throw error;
    }
  }

  private async folderPresent(): Promise<boolean> {
    return this.fs.readdir(this.folder).then(
      () => true,
      () => false,
    );
  }

  /**
   * Candidate names for a save at `now`: if a file of the same second exists, the next second, and so
   * on. A `-2` suffix would not match the file-name rule (core `parseKeystoreFileName`) that every
   * tool uses to find keystores, so the stamp moves instead (docs/decisions/0002).
   */
  private async keystoreNames(baseName: string, now: Date, environment: KeystoreEnvironment): Promise<(attempt: number) => string> {
    // A name of superseded/ is not used again in the folder (a fast completion saves several files
    // in one second): each name stays one file, wherever it is.
    const taken = new Set((await this.namesIn(this.supersededFolder, false)) ?? []);
    const names: string[] = [];
    for (let second = 0; names.length < MAX_NAME_ATTEMPTS; second++) {
      const name = keystoreFileName(baseName, new Date(now.getTime() + second * 1000), environment);
      if (!taken.has(name)) names.push(name);
    }
    return (attempt) => join(this.folder, names[attempt - 1] as string);
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
    const names = await this.namesIn(this.folder, true);
    if (names === undefined) return [];
    this.guard.noteSeen();
    return this.describe(this.folder, names, (name) => parseKeystoreFileName(name), false);
  }

  /**
   * The files of `superseded/`, and the `<name>.old-<stamp>` files that versions before decision
   * 0016 left in the folder after a password change; newest first.
   */
  async listSuperseded(): Promise<readonly KeystoreFile[]> {
    const moved = (await this.namesIn(this.supersededFolder, false)) ?? [];
    const inFolder = ((await this.namesIn(this.folder, true)) ?? []).filter((name) => OLD_NAME.test(name));
    const files = [
      ...(await this.describe(this.supersededFolder, moved, (name) => parseKeystoreFileName(name.replace(TAKEN_SUFFIX, '')), true)),
      ...(await this.describe(this.folder, inFolder, (name) => parseKeystoreFileName(name.replace(OLD_NAME, '')), true)),
    ];
    return files.sort((a, b) => b.modifiedAt.getTime() - a.modifiedAt.getTime());
  }

  /** The names in `folder`; undefined when it does not exist (the keystore folder once seen: KEYSTORE_FOLDER_MISSING). */
  private async namesIn(folder: string, isKeystoreFolder: boolean): Promise<string[] | undefined> {
    try {
      return await this.fs.readdir(folder);
    } catch (error) {
      if (errnoOf(error) === 'ENOENT') {
        if (isKeystoreFolder && this.guard.wasSeen) throw this.guard.missing(error);
        return undefined;
      }
      // superseded/ that is not a folder (or a keystore folder that is a file, found by the write): nothing listed here.
      if (!isKeystoreFolder && errnoOf(error) === 'ENOTDIR') return undefined;
      throw new EhealthCertError('KEYSTORE_NOT_FOUND', `Keystore folder ${folder} cannot be listed (${errnoOf(error) ?? (error as Error).message})`, { folder }, { cause: error });
    }
  }

  /** The files among `names` that `parse` recognises, newest first: by the stamp in the name (the save time, DOMAIN.md 3), then mtime. */
  private async describe(
    folder: string,
    names: readonly string[],
    parse: (name: string) => ReturnType<typeof parseKeystoreFileName>,
    superseded: boolean,
  ): Promise<KeystoreFile[]> {
    const files: (KeystoreFile & { savedAt: Date })[] = [];
    for (const name of names) {
      const parsed = parse(name);
      if (parsed === undefined) continue;
      const path = join(folder, name);
      const stat = await this.fs.stat(path).catch(() => undefined);
      if (stat === undefined || !stat.isFile()) continue;
      files.push({
        path,
        baseName: parsed.certificateName,
        environment: parsed.environment,
        modifiedAt: stat.mtime,
        savedAt: parsed.savedAt,
        ...(superseded ? { superseded: true } : {}),
      });
    }
    files.sort((a, b) => b.savedAt.getTime() - a.savedAt.getTime() || b.modifiedAt.getTime() - a.modifiedAt.getTime());
    return files.map(({ savedAt: _savedAt, ...file }) => file);
  }

  async findLatest(baseName: string): Promise<KeystoreFile | undefined> {
    const wanted = baseName.toUpperCase();
    return (await this.list()).find((file) => file.environment === this.environment && file.baseName.toUpperCase() === wanted);
  }

  async changePassword(path: string, oldPassword: string, newPassword: string, options: { readonly format?: KeystoreFormat } = {}): Promise<ChangedKeystoreFile> {
    if (newPassword.length === 0) throw new EhealthCertError('INVALID_INPUT', 'the new keystore password must not be empty', {});
    const oldBytes = await this.readKeystoreFile(path);
    const content = await readPkcs12(oldBytes, oldPassword, path);
    // Unless chosen, a legacy file (the official tool's, DOMAIN.md 3) stays legacy: the software that reads it may be too old for PBES2.
    const format: KeystoreFormat = options.format ?? (usesPkcs12Pbe(oldBytes) ? 'legacy' : 'modern');
    const parsed = parseKeystoreFileName(basename(path));
    if (parsed === undefined) {
      throw new EhealthCertError('INVALID_INPUT', `${path} is not named like a keystore (TYPE=ID[,APPID] yyyyMMdd-HHmmss.p12, DOMAIN.md 3)`, { path });
    }
    const baseName = parsed.certificateName;
    const now = this.clock.now();
    const bytes = await writePkcs12(content, newPassword, { format: encodingOf(format), iterations: this.iterations, now });
    const environment = parsed.environment;
    const created = await this.writeNew(bytes, await this.keystoreNames(baseName, now, environment));
    // The new file must open with the new password and hold the same entries before the old one
    // moves; otherwise it goes aside itself, so that the newest keystore is still the old one.
    await this.verifyReopens(created, newPassword, content, path, now);
    // docs/decisions/0002 and 0016: the old file moves to superseded/ (never deleted) so that a
    // leaked old password no longer matches the file tools pick, while the user can still recover it.
    try {
      return { path: created, previousPath: await this.moveToSuperseded(path) };
    } catch (error) {
      if (EhealthCertError.is(error)) throw error;
      throw new EhealthCertError(
        'KEYSTORE_WRITE_FAILED',
        `The new keystore ${created} is saved, but ${path} could not be moved to ${this.supersededFolder} (${errnoOf(error) ?? (error as Error).message}); it is still in place`,
        { path, created },
        { cause: error },
      );
    }
  }

  async writeCertificateChain(keystorePath: string, chain: readonly Bytes[]): Promise<string> {
    return this.writeCompanion(keystorePath, '.chain.pem', Buffer.from(chain.map((der) => pemEncode('CERTIFICATE', der)).join(''), 'utf8'));
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
      if (folder === this.folder) await this.guard.ensure();
      else await this.fs.mkdir(folder, 0o700);
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

/** `<name>.old-<yyyyMMdd-HHmmss>[-n]`: a password change's old file before decision 0016. */
const OLD_NAME = /\.old-\d{8}-\d{6}(?:-\d+)?$/;
/** `-n` that moveAside adds when a superseded name is taken. */
const TAKEN_SUFFIX = /-\d+$/;

/** The PKCS#12 encoding of a format: `modern` is the writer's `default`. */
function encodingOf(format: KeystoreFormat): 'default' | 'legacy' {
  return format === 'legacy' ? 'legacy' : 'default';
}

/** The aliases of the key entries of `before` whose private key is not in `after`. */
function missingKeys(before: KeystoreContent, after: KeystoreContent): string[] {
  const kept = new Set(after.entries.flatMap((entry) => (entry.kind === 'key' ? [Buffer.from(entry.privateKey).toString('base64')] : [])));
  return before.entries.flatMap((entry) => (entry.kind === 'key' && !kept.has(Buffer.from(entry.privateKey).toString('base64')) ? [entry.alias] : []));
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
