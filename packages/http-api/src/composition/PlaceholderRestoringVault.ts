import type { Clock, KeyFactory, KeystoreContent, KeystoreFile, KeystoreVault } from '@ehealth-cert/core';

/**
 * Seam between two readings of a pending key (DOMAIN.md 2.4 item 9): core saves it with the
 * `C=Dummy` placeholder certificate and expects it back as `chain[0]`, while Pkcs12KeystoreVault
 * reads a placeholder-only key as an empty chain. This gives such keys a placeholder again so that
 * completion and inspection recognise a pending request. The CLI's composition root has the same
 * seam; both go once the vault and core agree on one form.
 */
export class PlaceholderRestoringVault implements KeystoreVault {
  constructor(
    private readonly vault: KeystoreVault,
    private readonly keys: KeyFactory,
    private readonly clock: Clock,
  ) {}

  async open(path: string, password: string): Promise<KeystoreContent> {
    const content = await this.vault.open(path, password);
    const entries = await Promise.all(
      content.entries.map(async (entry) =>
        entry.kind === 'key' && entry.chain.length === 0
          ? { ...entry, chain: [await this.keys.createPlaceholderCertificate({ privateKey: entry.privateKey, publicKey: entry.publicKey }, this.clock.now())] }
          : entry,
      ),
    );
    return { entries };
  }

  save(baseName: string, content: KeystoreContent, password: string): Promise<string> {
    return this.vault.save(baseName, content, password);
  }

  findLatest(baseName: string): Promise<KeystoreFile | undefined> {
    return this.vault.findLatest(baseName);
  }

  list(): Promise<readonly KeystoreFile[]> {
    return this.vault.list();
  }

  changePassword(path: string, oldPassword: string, newPassword: string): Promise<string> {
    return this.vault.changePassword(path, oldPassword, newPassword);
  }

  writeCompanionFile(keystorePath: string, suffix: string, text: string): Promise<string> {
    return this.vault.writeCompanionFile(keystorePath, suffix, text);
  }
}
