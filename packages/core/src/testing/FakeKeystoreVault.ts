import type { Clock } from '../ports/Clock.js';
import type { KeystoreContent, KeystoreFile, KeystoreVault } from '../ports/KeystoreVault.js';
import { EhealthCertError } from '../errors/EhealthCertError.js';
import { keystoreFileName } from '../distinguished-name/keystoreFileName.js';

/** A keystore "file" of the fake vault. */
export interface FakeKeystoreFile extends KeystoreFile {
  readonly content: KeystoreContent;
  /** Kept to check `open`; a real vault keeps only the encrypted file. */
  readonly password: string;
}

/**
 * Keystores in memory, keyed by path: password check, never overwrites (a save in the same second
 * takes the next free second, as file names carry seconds, DOMAIN.md 3), injectable write failure,
 * files and companion files exposed for assertions.
 */
export class FakeKeystoreVault implements KeystoreVault {
  /** Keystore files by path, in the order they were written. */
  readonly files = new Map<string, FakeKeystoreFile>();
  /** Companion text files (step 15 secret key) by path. */
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

  save(baseName: string, content: KeystoreContent, password: string): Promise<string> {
    if (this.failNextSave) {
      const error = this.failNextSave;
      this.failNextSave = undefined;
      return Promise.reject(error);
    }
    let at = this.clock.now();
    let path = this.pathFor(baseName, at);
    while (this.files.has(path)) {
      at = new Date(at.getTime() + 1000);
      path = this.pathFor(baseName, at);
    }
    this.files.set(path, { path, baseName, environment: this.environment, modifiedAt: at, content: structuredClone(content), password });
    return Promise.resolve(path);
  }

  open(path: string, password: string): Promise<KeystoreContent> {
    const file = this.files.get(path);
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

  list(): Promise<readonly KeystoreFile[]> {
    return Promise.resolve([...this.files.values()].map(describe));
  }

  async changePassword(path: string, oldPassword: string, newPassword: string): Promise<string> {
    const content = await this.open(path, oldPassword);
    const file = this.files.get(path) as FakeKeystoreFile;
    return this.save(file.baseName, content, newPassword);
  }

  writeCompanionFile(keystorePath: string, suffix: string, text: string): Promise<string> {
    const stem = keystorePath.replace(/\.(acc-)?p12$/, '');
    let path = `${stem}${suffix}`;
    for (let n = 2; this.companionFiles.has(path); n += 1) path = `${stem}-${n}${suffix}`;
    this.companionFiles.set(path, text);
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

function describe(file: FakeKeystoreFile): KeystoreFile {
  return { path: file.path, baseName: file.baseName, environment: file.environment, modifiedAt: file.modifiedAt };
}
