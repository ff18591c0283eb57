import type { Bytes } from '../ports/binary.js';
import type { Clock } from '../ports/Clock.js';
import { pemEncode } from '../certificate-management/pemEncode.js';
import type { ChangedKeystoreFile, KeystoreContent, KeystoreFile, KeystoreFormat, KeystoreSaveOptions, KeystoreVault } from '../ports/KeystoreVault.js';
import { EhealthCertError } from '../errors/EhealthCertError.js';
import { keystoreFileName } from '../distinguished-name/keystoreFileName.js';

/** A keystore "file" of the fake vault. */
export interface FakeKeystoreFile extends KeystoreFile {
  readonly content: KeystoreContent;
  /** Kept to check `open`; a real vault keeps only the encrypted file. */
  readonly password: string;
  /** The format it was written in (modern unless chosen or kept from the file it replaced). */
  readonly format: KeystoreFormat;
}

/**
 * Keystores in memory, keyed by path: password check, never overwrites (a save in the same second
 * takes the next free second, as file names carry seconds, DOMAIN.md 3), injectable write failure,
 * files and companion files exposed for assertions.
 */
export class FakeKeystoreVault implements KeystoreVault {
  /** Keystore files by path, in the order they were written. */
  readonly files = new Map<string, FakeKeystoreFile>();
  /** Files moved to `<folder>/superseded/` by a save that replaced them or a password change, by their new path. */
  readonly supersededFiles = new Map<string, FakeKeystoreFile>();
  /** Where each superseded file went: its path when written → its path in `superseded/`. */
  readonly movedTo = new Map<string, string>();
  /** Companion PEM files (exported certificate chains) by path. */
  readonly companionFiles = new Map<string, string>();
  private failNextSave?: Error;

  constructor(
    private readonly clock: Clock,
    private readonly environment: 'prd' | 'acc' | 'sim' = 'acc',
    private readonly folder = '/home/user/ehealth/keystore',
  ) {}

  /** Makes the next save fail (disk full, permission) without writing anything. */
  failNextWrite(error: Error = new EhealthCertError('KEYSTORE_WRITE_FAILED', 'Disk full (injected).')): void {
    this.failNextSave = error;
  }

  save(baseName: string, content: KeystoreContent, password: string, options: KeystoreSaveOptions = {}): Promise<string> {
    if (this.failNextSave) {
      const error = this.failNextSave;
      this.failNextSave = undefined;
      return Promise.reject(error);
    }
    const replaced = options.replaces === undefined ? undefined : this.files.get(options.replaces) ?? this.supersededFiles.get(options.replaces);
    if (options.replaces !== undefined) {
      if (replaced === undefined) return Promise.reject(new EhealthCertError('KEYSTORE_NOT_FOUND', `No keystore at ${options.replaces}.`, { path: options.replaces }));
      if (replaced.password !== password) {
        return Promise.reject(new EhealthCertError('KEYSTORE_PASSWORD_WRONG', `The password does not open ${options.replaces}.`, { path: options.replaces }));
      }
      // As the real vault: a key of the replaced file must not be left only in the file that moves.
      const kept = new Set(content.entries.flatMap((entry) => (entry.kind === 'key' ? [keyText(entry.privateKey)] : [])));
      const missing = replaced.content.entries.filter((entry) => entry.kind === 'key' && !kept.has(keyText(entry.privateKey)));
      if (missing.length > 0) {
        return Promise.reject(new EhealthCertError('INVALID_INPUT', `The new keystore would not hold every key of ${options.replaces}.`, { path: options.replaces }));
      }
    }
    let at = this.clock.now();
    let path = this.pathFor(baseName, at);
    // As the real vault: a name taken in the folder or in superseded/ is not used again.
    while (this.files.has(path) || this.movedTo.has(path)) {
      at = new Date(at.getTime() + 1000);
      path = this.pathFor(baseName, at);
    }
    const format = options.format ?? replaced?.format ?? 'modern';
    this.files.set(path, { path, baseName, environment: this.environment, modifiedAt: at, content: structuredClone(content), password, format });
    if (options.replaces !== undefined && this.files.has(options.replaces)) this.supersede(options.replaces);
    return Promise.resolve(path);
  }

  listSuperseded(): Promise<readonly KeystoreFile[]> {
    return Promise.resolve([...this.supersededFiles.values()].reverse().map((file) => ({ ...describe(file), superseded: true })));
  }

  /** Moves a file to `<folder>/superseded/<name>`, as the real vault does; returns its new path. */
  private supersede(path: string): string {
    const file = this.files.get(path) as FakeKeystoreFile;
    const moved = `${this.folder}/superseded/${path.slice(path.lastIndexOf('/') + 1)}`;
    this.files.delete(path);
    this.supersededFiles.set(moved, { ...file, path: moved });
    this.movedTo.set(path, moved);
    return moved;
  }

  /** The file written at `path`, in the folder or moved since to `superseded/` (for assertions). */
  written(path: string): FakeKeystoreFile | undefined {
    const moved = this.movedTo.get(path);
    return this.files.get(path) ?? (moved === undefined ? undefined : this.supersededFiles.get(moved));
  }

  /** Every file written, current or superseded, by the path it was written at, in order of writing. */
  allWritten(): Map<string, FakeKeystoreFile> {
    const all = new Map<string, FakeKeystoreFile>();
    for (const [original, moved] of this.movedTo) all.set(original, this.supersededFiles.get(moved) as FakeKeystoreFile);
    for (const [path, file] of this.files) all.set(path, file);
    return new Map([...all].sort(([, a], [, b]) => a.modifiedAt.getTime() - b.modifiedAt.getTime()));
  }

  open(path: string, password: string): Promise<KeystoreContent> {
    const file = this.files.get(path) ?? this.supersededFiles.get(path);
    if (!file) return Promise.reject(new EhealthCertError('KEYSTORE_NOT_FOUND', `No keystore at ${path}.`, { path }));
    if (file.password !== password) {
      return Promise.reject(new EhealthCertError('KEYSTORE_PASSWORD_WRONG', `The password does not open ${path}.`, { path }));
    }
    return Promise.resolve(structuredClone(file.content));
  }

  findLatest(baseName: string): Promise<KeystoreFile | undefined> {
    const candidates = [...this.files.values()].filter((f) => f.baseName === baseName);
    candidates.sort((a, b) => a.modifiedAt.getTime() - b.modifiedAt.getTime());
    const latest = candidates[candidates.length - 1];
    return Promise.resolve(latest ? describe(latest) : undefined);
  }

  /** Newest first, as the real vault lists them (the port's order). */
  list(): Promise<readonly KeystoreFile[]> {
    return Promise.resolve([...this.files.values()].reverse().sort((a, b) => b.modifiedAt.getTime() - a.modifiedAt.getTime()).map(describe));
  }

  async changePassword(path: string, oldPassword: string, newPassword: string, options: { readonly format?: KeystoreFormat } = {}): Promise<ChangedKeystoreFile> {
    const content = await this.open(path, oldPassword);
    const file = this.files.get(path) as FakeKeystoreFile;
    const created = await this.save(file.baseName, content, newPassword, { format: options.format ?? file.format });
    return { path: created, previousPath: this.supersede(path) };
  }

  writeCertificateChain(keystorePath: string, chain: readonly Bytes[]): Promise<string> {
    const stem = keystorePath.replace(/\.(acc-)?p12$/, '');
    const suffix = '.chain.pem';
    let path = `${stem}${suffix}`;
    for (let n = 2; this.companionFiles.has(path); n += 1) path = `${stem}-${n}${suffix}`;
    this.companionFiles.set(path, chain.map((der) => pemEncode('CERTIFICATE', der)).join(''));
    return Promise.resolve(path);
  }

  /** Companion keystores (exports) by path: their content and password, for assertions. */
  readonly companionKeystores = new Map<string, { readonly content: KeystoreContent; readonly password: string }>();

  writeCompanionKeystore(keystorePath: string, suffix: string, content: KeystoreContent, password: string): Promise<string> {
    const stem = keystorePath.replace(/\.(acc-)?p12$/, '');
    let path = `${stem}${suffix}`;
    for (let n = 2; this.companionKeystores.has(path); n += 1) path = `${stem}-${n}${suffix}`;
    this.companionKeystores.set(path, { content: structuredClone(content), password });
    return Promise.resolve(path);
  }

  /** The paths written, in order. */
  paths(): string[] {
    return [...this.files.keys()];
  }

  private pathFor(baseName: string, at: Date): string {
    return `${this.folder}/${keystoreFileName(baseName, at, this.environment)}`;
  }
}

function keyText(bytes: Bytes): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** What list() shows of a file (no content, no password). */
function describe(file: FakeKeystoreFile): KeystoreFile {
  return { path: file.path, baseName: file.baseName, environment: file.environment, modifiedAt: file.modifiedAt };
}
