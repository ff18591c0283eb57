import type { Bytes } from '../ports/binary.js';
import type { KeyPair } from '../ports/KeyFactory.js';
import type { KeystoreFormat } from '../ports/KeystoreVault.js';
import { EhealthCertError } from '../errors/EhealthCertError.js';
import { certificateName } from '../distinguished-name/certificateName.js';
import { sameDn } from '../distinguished-name/sameDn.js';
import type { UseCasePorts } from '../ports/UseCasePorts.js';
import { ehealthDnOwner } from './ehealthDnOwner.js';
import { trackStep } from '../certificate-request/trackStep.js';
import { authenticationEntry } from './authenticationEntry.js';
import { installIssuedChain } from './installIssuedChain.js';
import { openLatestKeystore, type OpenedKeystore } from './openLatestKeystore.js';
import { registerEtk, type EtkPublication, type EtkRoleKeys } from './registerEtk.js';

export type { EtkPublication } from './registerEtk.js';

/**
 * Something the person should know about a completion that did succeed: a check that could not
 * run (no trust anchor for the environment), or an ETK that eHealth accepted but ETKDepot does not
 * publish yet.
 */
export interface CompletionWarning {
  readonly code: 'ISSUED_CHAIN_NOT_CHECKED' | 'ETK_SIGNER_NOT_CHECKED' | 'ETK_NOT_YET_PUBLISHED';
  readonly message: string;
}

/** The ports of CompleteCertificate: every port but the eID card (completion signs with the new eHealth key). */
export type CompletionPorts = Omit<UseCasePorts, 'card' | 'keys'> & {
  /** Completion inspects the issued chain and registers the ETK; it makes no CSR nor placeholder. */
  readonly keys: EtkRoleKeys;
};

/** Which keystore to complete (a path, or the newest of a `TYPE=ID[,APPID]` name) and its password. */
export interface CompleteCertificateInput {
  readonly keystorePath?: string;
  readonly certificateName?: string;
  readonly password: string;
  /** The format of the files completion writes; default the request keystore's (docs/decisions/0016). */
  readonly keystoreFormat?: KeystoreFormat;
}

/** Normal outcomes: eHealth has not issued the certificate yet, or everything is installed. */
export type CompletionOutcome =
  | {
      readonly status: 'pending';
      readonly reference: string;
      readonly keystorePath: string;
      /** From the local record of the request, when there is one. */
      readonly requestedAt?: Date;
      /** GenerateCertificate's AutomaticallyValidated, from the local record: false = eHealth's support team checks it by hand. */
      readonly automaticallyValidated?: boolean;
    }
  | {
      readonly status: 'completed';
      readonly reference: string;
      readonly keystorePath: string;
      readonly dn: string;
      readonly etkSerial: string;
      /** The new ETK waits for ActivateEtk (renewal, DOMAIN.md 2.5). */
      readonly toBeActivated: boolean;
      /** `not-yet-published`: eHealth registered the ETK and ETKDepot does not show it yet (not an error). */
      readonly etkPublication: EtkPublication;
      readonly notAfter: Date;
      readonly warnings: readonly CompletionWarning[];
    };

/**
 * Manual steps 16-19: installs the issued certificate and creates and registers the ETK
 * (DOMAIN.md 2.4 items 11-12, 2.5). Resumable: each stage is skipped when the keystore shows it
 * done, and every save is a new file, so a rerun after any failure finishes the job.
 */
export class CompleteCertificate {
  constructor(private readonly ports: CompletionPorts) {}

  async execute(input: CompleteCertificateInput): Promise<CompletionOutcome> {
    const { keys, progress, pending, clock } = this.ports;
    // Step 16 is the choice of "complete the request"; step 17 opens the keystore with its password.
    const target = input.keystorePath ?? input.certificateName;
    await trackStep(progress, '16', 'completion.start', () => undefined, target ? { keystore: target } : undefined);
    let keystore = await trackStep(progress, '17', 'keystore.open', () => openLatestKeystore(this.ports.vault, input));
    const keyPair: KeyPair = { privateKey: keystore.authentication.privateKey, publicKey: keystore.authentication.publicKey };
    const reference = await keys.publicKeyIdentifier(keyPair.publicKey);
    const warnings: CompletionWarning[] = [];

    if (keys.describeCertificate(keystore.authentication.chain[0] as Bytes).placeholder) {
      const delivery = await trackStep(progress, '18', 'ehealth.GetCertificate', () => this.ports.registry.getCertificate(reference)).catch(
        async (error: unknown) => {
          // Issue 13: a refusal is recorded, so that `complete` without a keystore no longer picks it.
          if (EhealthCertError.is(error, 'EHEALTH_REJECTED')) await pending.update(reference, { lastStatus: 'refused', lastCheckedAt: clock.now() }).catch(() => undefined);
          throw error;
        },
      );
      if (delivery.status === 'pending') {
        await pending.update(reference, { lastStatus: 'pending', lastCheckedAt: clock.now() });
        // eHealth gives no delivery date (GetCertificateResponse and the CERT_NOT_YET_DELIVERED
        // error carry none, DOMAIN.md 2.3): only what the local record knows of the request.
        const recorded = await pending.get(reference).catch(() => undefined);
        return {
          status: 'pending',
          reference,
          keystorePath: keystore.path,
          ...(recorded ? { requestedAt: recorded.requestedAt, automaticallyValidated: recorded.automaticallyValidated } : {}),
        };
      }
      // Always: the issued certificate holds our key (verifyIssuedChain) and names the contract's DN.
      const trust = await trackStep(progress, '18', 'certificate.verifyChain', () => keys.verifyIssuedChain(delivery.chain, keyPair));
      await this.checkIssuedDn(delivery.chain[0] as Bytes, reference, keystore.baseName);
      if (trust === 'no-trust-anchors') warnings.push(chainWarning('ISSUED_CHAIN_NOT_CHECKED', 'the issued certificate chain'));
      keystore = await this.saveWithChain(keystore, delivery.chain, input.password, input.keystoreFormat);
      await pending.update(reference, { lastStatus: 'issued', keystorePath: keystore.path, lastCheckedAt: clock.now() });
    }

    const leaf = keys.describeCertificate(keystore.authentication.chain[0] as Bytes);
    const owner = ehealthDnOwner(leaf.subject);
    const etk = await registerEtk(
      this.ports,
      keystore,
      input.password,
      {
        identifier: owner.identifier,
        ...(owner.applicationId ? { applicationId: owner.applicationId } : {}),
      },
      input.keystoreFormat,
    );
    if (etk.signerTrust === 'no-trust-anchors') warnings.push(chainWarning('ETK_SIGNER_NOT_CHECKED', "the ETK signer's certificate"));
    if (etk.publication === 'not-yet-published') {
      warnings.push({
        code: 'ETK_NOT_YET_PUBLISHED',
        message: 'eHealth registered the ETK, but ETKDepot does not publish it yet; senders will find it once it does (check later with status).',
      });
    }
    await trackStep(progress, '19', 'request.complete', () =>
      pending.update(reference, { lastStatus: 'completed', keystorePath: etk.keystorePath, lastCheckedAt: clock.now() }),
    );
    return {
      status: 'completed',
      reference,
      keystorePath: etk.keystorePath,
      dn: leaf.subject,
      etkSerial: etk.serialNumber,
      toBeActivated: etk.toBeActivated,
      etkPublication: etk.publication,
      notAfter: leaf.notAfter,
      warnings,
    };
  }

  /**
   * The issued certificate names the DN of the contract: the one recorded with the request when
   * the record has it, else at least the keystore's `TYPE=ID[,APPID]` (DOMAIN.md 4.1).
   */
  private async checkIssuedDn(leafDer: Bytes, reference: string, baseName: string): Promise<void> {
    const subject = this.ports.keys.describeCertificate(leafDer).subject;
    const recorded = await this.ports.pending.get(reference).catch(() => undefined);
    let matches: boolean;
    if (recorded?.dn) matches = sameDn(subject, recorded.dn);
    // A keystore file renamed by hand and no record: only the key check applies.
    else if (!/^[A-Z0-9_-]+=/.test(baseName)) return;
    else {
      const owner = (() => {
        try {
          return ehealthDnOwner(subject);
        } catch {
          return undefined;
        }
      })();
      matches = owner !== undefined && certificateName(owner.identifier, owner.applicationId) === baseName;
    }
    if (!matches) {
      throw new EhealthCertError(
        'EHEALTH_RESPONSE_INVALID',
        `The issued certificate names ${subject}, not the DN of this request (${recorded?.dn ?? baseName}); it is not installed.`,
        { operation: 'GetCertificate', subject, expected: recorded?.dn ?? baseName },
      );
    }
  }

  /**
   * The keystore with the issued chain, in a new file; the request keystore it replaces moves to
   * `superseded/` once the new file is written and verified (docs/decisions/0016).
   */
  private async saveWithChain(keystore: OpenedKeystore, chain: readonly Bytes[], password: string, format: KeystoreFormat | undefined): Promise<OpenedKeystore> {
    const content = installIssuedChain(keystore.content, chain, this.ports.keys);
    const path = await trackStep(this.ports.progress, '18', 'keystore.save', () =>
      this.ports.vault.save(keystore.baseName, content, password, { replaces: keystore.path, ...(format === undefined ? {} : { format }) }),
    );
    return { path, baseName: keystore.baseName, content, authentication: authenticationEntry(content, path) };
  }
}

function chainWarning(code: 'ISSUED_CHAIN_NOT_CHECKED' | 'ETK_SIGNER_NOT_CHECKED', what: string): CompletionWarning {
  return {
    code,
    message: `No eHealth trust anchor is configured for this environment, so ${what} was not checked against eHealth's roots; set EHEALTH_CERT_TRUST_ANCHORS to the PEM file(s) of the roots to check it.`,
  };
}
