import type { Bytes } from '../ports/binary.js';
import type { CertificateInspection } from '../ports/KeyFactory.js';
import type { KeystoreFormat, KeystoreVault } from '../ports/KeystoreVault.js';
import { EhealthCertError } from '../errors/EhealthCertError.js';
import { checkKeystorePassword } from '../password/checkKeystorePassword.js';
import { parseKeystoreFileName } from '../distinguished-name/keystoreFileName.js';
import { authenticationEntry } from '../certificate-completion/authenticationEntry.js';
import { ehealthDnOwner } from '../certificate-completion/ehealthDnOwner.js';

/** The keystore under its new password, and where the old file is now (kept in `superseded/`, never deleted). */
export interface ChangedPassword {
  readonly keystorePath: string;
  /** The old file's path after the change: `<keystore folder>/superseded/<its name>` (docs/decisions/0016). */
  readonly previousKeystorePath: string;
}

/**
 * Local re-encryption of a keystore under a new password (DOMAIN.md 3: one password for the file
 * and every key), checked by the policy of manual step 11 against the keystore's identifier and name.
 */
export class ChangeKeystorePassword {
  constructor(private readonly ports: { readonly vault: KeystoreVault; readonly keys: CertificateInspection }) {}

  async execute(input: {
    readonly keystorePath: string;
    readonly oldPassword: string;
    readonly newPassword: string;
    /** The new file's format; default the old file's. */
    readonly keystoreFormat?: KeystoreFormat;
  }): Promise<ChangedPassword> {
    const content = await this.ports.vault.open(input.keystorePath, input.oldPassword);
    if (input.newPassword === input.oldPassword) {
      throw new EhealthCertError('INVALID_INPUT', 'newPassword: the new password must differ from the current one.', { field: 'newPassword' });
    }
    const leaf = this.ports.keys.describeCertificate(authenticationEntry(content, input.keystorePath).chain[0] as Bytes);
    const identifiers: string[] = [];
    const names: string[] = [];
    if (!leaf.placeholder) {
      const owner = ehealthDnOwner(leaf.subject);
      identifiers.push(owner.identifier.value);
      names.push(owner.name);
    } else {
      // A pending request's keystore has only the dummy certificate: its name carries the identifier (DOMAIN.md 3).
      const id = parseKeystoreFileName(input.keystorePath)?.certificateName.split(/[=,]/)[1];
      if (id) identifiers.push(id);
    }
    checkKeystorePassword(input.newPassword, { identifiers, names });
    const changed = await this.ports.vault.changePassword(
      input.keystorePath,
      input.oldPassword,
      input.newPassword,
      input.keystoreFormat === undefined ? {} : { format: input.keystoreFormat },
    );
    return { keystorePath: changed.path, previousKeystorePath: changed.previousPath };
  }
}
