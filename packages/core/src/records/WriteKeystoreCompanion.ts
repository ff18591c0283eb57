import type { KeystoreVault } from '../ports/KeystoreVault.js';

/** A text file a front end keeps beside a keystore (e.g. the step-16 instructions in the person's language). */
export interface KeystoreCompanion {
  readonly keystorePath: string;
  /** Appended to the keystore's file name without its extension, e.g. `.step-16.fr.txt`. */
  readonly suffix: string;
  readonly text: string;
}

/** Writes a companion text beside a keystore (owner-only, as the vault writes); returns its path. */
export class WriteKeystoreCompanion {
  constructor(private readonly ports: { readonly vault: KeystoreVault }) {}

  execute(companion: KeystoreCompanion): Promise<string> {
    return this.ports.vault.writeCompanionFile(companion.keystorePath, companion.suffix, companion.text);
  }
}
