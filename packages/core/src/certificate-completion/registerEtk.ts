import type { Bytes } from '../ports/binary.js';
import type { CertificateInspection, ChainTrust, EtkKeys, KeyPair, RequestKeys } from '../ports/KeyFactory.js';
import type { KeyEntry, KeystoreFormat } from '../ports/KeystoreVault.js';
import type { UseCasePorts } from '../ports/UseCasePorts.js';
import type { Identifier } from '../identifiers/Identifier.js';
import { EhealthCertError } from '../errors/EhealthCertError.js';
import { trackStep } from '../certificate-request/trackStep.js';
import type { OpenedKeystore } from './openLatestKeystore.js';

/** The ports the ETK part of completion needs. */
export type EtkPorts = Pick<UseCasePorts, 'registry' | 'etkRegistry' | 'vault' | 'progress'> & {
  readonly clock?: UseCasePorts['clock'];
  /** The ETK role, plus inspection, a new key pair and the signer over the new eHealth key. */
  readonly keys: EtkRoleKeys;
};

/** What the ETK steps (17-18) need of the KeyFactory. */
export type EtkRoleKeys = EtkKeys & CertificateInspection & Pick<RequestKeys, 'generateKeyPair' | 'softwareSigner'>;

/**
 * Where the registered ETK stands: published in ETKDepot, registered but not published yet
 * (ETKDepot lags behind EtkRA: not an error, run the completion or `status` again later), or
 * waiting for ActivateETK (renewal, DOMAIN.md 2.5).
 */
export type EtkPublication = 'published' | 'not-yet-published' | 'awaiting-activation';

/** The ETK of the keystore's authentication certificate, registered. */
export interface RegisteredEtkKey {
  readonly keystorePath: string;
  readonly serialNumber: string;
  readonly toBeActivated: boolean;
  readonly publication: EtkPublication;
  /** Whether the ETK's signer was checked against eHealth's roots (undefined: eHealth sent no ETK to check). */
  readonly signerTrust?: ChainTrust;
}

/**
 * Waits before each ETKDepot check (ms): one at once, then two later ones, about 7 s in all
 * (our own choice: the connector does not check ETKDepot after CompleteETKRegistration at all).
 */
export const PUBLICATION_CHECK_DELAYS_MS: readonly number[] = [0, 2_000, 5_000];

/**
 * DOMAIN.md 2.5: makes sure the authentication certificate has a registered ETK whose key is in
 * the keystore. An ETK key already in the keystore is registered again when eHealth says its ETK
 * is not registered (a run stopped before CompleteETKRegistration), and left alone when it is.
 */
export async function registerEtk(
  ports: EtkPorts,
  keystore: OpenedKeystore,
  password: string,
  owner: { readonly identifier: Identifier; readonly applicationId?: string },
  format?: KeystoreFormat,
): Promise<RegisteredEtkKey> {
  const { keys, progress } = ports;
  const authChain = keystore.authentication.chain;
  const leaf = keys.describeCertificate(authChain[0] as Bytes);
  const authKey: KeyPair = { privateKey: keystore.authentication.privateKey, publicKey: keystore.authentication.publicKey };
  const signer = keys.softwareSigner(authKey, authChain);
  // DOMAIN.md 2.5: the ETK certificate has the auth certificate's subject and validity.
  const existing = keystore.content.entries.find((entry): entry is KeyEntry => {
    if (entry.kind !== 'key' || entry.alias === 'authentication' || !entry.chain[0]) return false;
    const c = keys.describeCertificate(entry.chain[0]);
    return c.subject === leaf.subject && c.notAfter.getTime() === leaf.notAfter.getTime();
  });

  if (existing) {
    const info = await trackStep(progress, '18', 'ehealth.GetCertificateInfoForAuthenticationCertificate', () =>
      ports.registry.getCertificateInfoForAuthenticationCertificate(signer),
    );
    if (info.etkStatus === 'REVOKED' || info.etkStatus === 'EXPIRED') {
      throw new EhealthCertError('CERTIFICATE_NOT_ACTIVE', `The ETK of ${leaf.subject} is ${info.etkStatus}; request a new certificate.`, {
        etkStatus: info.etkStatus,
      });
    }
    if (info.etkStatus === 'VALID_ACTIVE' || info.etkStatus === 'WAIT_FOR_ACTIVATION') {
      const toBeActivated = info.etkStatus === 'WAIT_FOR_ACTIVATION';
      const publication = toBeActivated ? 'awaiting-activation' : await checkPublished(ports, owner, existing.chain[0] as Bytes);
      return { keystorePath: keystore.path, serialNumber: existing.alias, toBeActivated, publication };
    }
  }

  // NOT_REQUESTED or IN_REQUEST: (re)register, reusing the key already saved if there is one.
  const encryptionKey: KeyPair = existing
    ? { privateKey: existing.privateKey, publicKey: existing.publicKey }
    : await trackStep(progress, '18', 'key.generate', () => keys.generateKeyPair());
  const challenge = await trackStep(progress, '18', 'ehealth.StartETKRegistration', () =>
    ports.etkRegistry.startEtkRegistration(signer, encryptionKey.publicKey),
  );
  const serialNumber = await keys.decryptChallenge(encryptionKey, challenge);
  const encryptionCertificate = await keys.createEncryptionCertificate({
    authenticationCertificate: authChain[0] as Bytes,
    authenticationKey: authKey,
    encryptionKey,
    serialNumber,
  });
  // The ETK key is on disk under its serial (DOMAIN.md 2.5) before eHealth publishes the ETK; the
  // keystore without it moves to `superseded/` once the new file is verified (docs/decisions/0016).
  const entries = keystore.content.entries.filter((entry) => entry !== existing);
  const keystorePath = await trackStep(progress, '18', 'keystore.save', () =>
    ports.vault.save(
      keystore.baseName,
      { entries: [...entries, { kind: 'key', alias: serialNumber, ...encryptionKey, chain: [encryptionCertificate] }] },
      password,
      { replaces: keystore.path, ...(format === undefined ? {} : { format }) },
    ),
  );
  const registered = await trackStep(progress, '18', 'ehealth.CompleteETKRegistration', () =>
    ports.etkRegistry.completeEtkRegistration(signer, encryptionCertificate),
  );
  // The connector checks only the status (EncryptionTokenRegistrationServiceImpl); what the answer
  // carries is checked when it carries it (both elements are optional in the XSD).
  const signerTrust = registered.etk !== undefined ? (await keys.verifyEtk(registered.etk, encryptionCertificate)).signerTrust : undefined;
  const toBeActivated =
    registered.toBeActivated ??
    (await trackStep(progress, '18', 'ehealth.GetCertificateInfoForAuthenticationCertificate', () =>
      ports.registry.getCertificateInfoForAuthenticationCertificate(signer),
    )).etkStatus === 'WAIT_FOR_ACTIVATION';
  const publication = toBeActivated ? 'awaiting-activation' : await checkPublished(ports, owner, encryptionCertificate);
  return { keystorePath, serialNumber, toBeActivated, publication, ...(signerTrust !== undefined ? { signerTrust } : {}) };
}

/**
 * DOMAIN.md 2.6: senders find the ETK in ETKDepot; ours must be the one published. ETKDepot may
 * publish it some time after EtkRA accepted it: a bounded number of checks, then
 * `not-yet-published` (eHealth accepted the ETK; that is never reported as a failure).
 */
async function checkPublished(
  ports: EtkPorts,
  owner: { readonly identifier: Identifier; readonly applicationId?: string },
  encryptionCertificate: Bytes,
): Promise<EtkPublication> {
  for (const delay of PUBLICATION_CHECK_DELAYS_MS) {
    if (delay > 0) await ports.clock?.sleep?.(delay);
    const published = await trackStep(ports.progress, '18', 'ehealth.GetEtk', () =>
      ports.etkRegistry.getPublishedEtks(owner.identifier, owner.applicationId),
    );
    for (const etk of published) {
      const matches = await ports.keys.verifyEtk(etk, encryptionCertificate).then(
        () => true,
        () => false,
      );
      if (matches) return 'published';
    }
  }
  return 'not-yet-published';
}
