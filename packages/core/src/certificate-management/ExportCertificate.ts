import type { Bytes } from '../ports/binary.js';
import type { KeyFactory } from '../ports/KeyFactory.js';
import type { KeystoreVault } from '../ports/KeystoreVault.js';
import type { Progress } from '../ports/Progress.js';
import { EhealthCertError } from '../errors/EhealthCertError.js';
import { authenticationEntry } from '../certificate-completion/authenticationEntry.js';
import { checkKeystorePassword } from '../password/checkKeystorePassword.js';
import { trackStep } from '../certificate-request/trackStep.js';
import { pemEncode } from './pemEncode.js';

/** What to export from an issued keystore. */
export interface ExportCertificateInput {
  readonly keystorePath: string;
  readonly password: string;
  /**
   * When given: also a separate PKCS#12 with the authentication key and its chain only, under
   * this password (its own, not the keystore's), for other tools (a web server, a VPN client...).
   */
  readonly exportPassword?: string;
}

/** The files written beside the keystore; the keystore itself is never changed. */
export interface ExportedCertificate {
  readonly keystorePath: string;
  /** The certificate then its chain (issuing CA first), PEM, RFC 7468. */
  readonly pemFile: string;
  readonly p12File?: string;
  readonly dn: string;
  readonly notAfter: Date;
  readonly chainLength: number;
}

/**
 * Exports the authentication certificate of an issued keystore: certificate + chain as PEM and,
 * with `exportPassword`, key + certificate + chain as a separate PKCS#12 (alias `authentication`).
 * The ETK keys stay in the eHealth keystore: other tools need the authentication identity only.
 */
export class ExportCertificate {
  constructor(private readonly ports: { readonly vault: KeystoreVault; readonly keys: KeyFactory; readonly progress: Progress }) {}

  async execute(input: ExportCertificateInput): Promise<ExportedCertificate> {
    const { vault, keys, progress } = this.ports;
    if (input.exportPassword !== undefined) {
      // The same policy as a keystore password: this file holds the same private key.
      checkKeystorePassword(input.exportPassword, { identifiers: [], names: [] });
      if (input.exportPassword === input.password) {
        throw new EhealthCertError('WEAK_PASSWORD', 'The export password must differ from the keystore password: the exported file goes to other tools.', {
          field: 'exportPassword',
          rule: 'same-as-keystore',
        });
      }
    }
    const content = await trackStep(progress, undefined, 'keystore.open', () => vault.open(input.keystorePath, input.password));
    const entry = authenticationEntry(content, input.keystorePath);
    const leaf = keys.describeCertificate(entry.chain[0] as Bytes);
    if (leaf.placeholder) {
      throw new EhealthCertError(
        'CERTIFICATE_NOT_ACTIVE',
        'This keystore holds a request that is not completed yet: there is no certificate to export. Complete it first (ehealth-cert complete).',
        { keystorePath: input.keystorePath, state: 'pending' },
      );
    }
    const pem = entry.chain.map((der) => pemEncode('CERTIFICATE', der)).join('');
    const pemFile = await trackStep(progress, undefined, 'export.pem', () => vault.writeCompanionFile(input.keystorePath, '.chain.pem', pem));
    const exportPassword = input.exportPassword;
    const p12File =
      exportPassword === undefined
        ? undefined
        : await trackStep(progress, undefined, 'export.p12', () =>
            vault.writeCompanionKeystore(input.keystorePath, '.export.p12', { entries: [entry] }, exportPassword),
          );
    return {
      keystorePath: input.keystorePath,
      pemFile,
      ...(p12File === undefined ? {} : { p12File }),
      dn: leaf.subject,
      notAfter: leaf.notAfter,
      chainLength: entry.chain.length,
    };
  }
}
