import type { Bytes } from '../ports/binary.js';
import type { Signer } from '../ports/EidCard.js';
import type { EtkRegistry, RegisteredEtk } from '../ports/EtkRegistry.js';
import type { Identifier } from '../identifiers/Identifier.js';
import { decodeFakeCertificate } from './FakeCertificate.js';
import { type FakeCertificateRegistry, reject } from './FakeCertificateRegistry.js';
import type { FakeChallenge, FakeEtk } from './FakeKeyFactory.js';
import { FailurePlan } from './FailurePlan.js';
import { encodeFake, toHex } from './fakeEncoding.js';

/** EtkRA operations by their protocol names (DOMAIN.md 2.5, 2.6). */
export type EtkRaOperation = 'StartETKRegistration' | 'CompleteETKRegistration' | 'ActivateETK' | 'GetEtk';

/**
 * EtkRA v2 and ETKDepot in memory, sharing the fake CertRA's requests (DOMAIN.md 2.5): challenge
 * with a fresh 38-digit serial, checks of the encryption certificate, ToBeActivated when a valid
 * ETK exists for the DN, publication. Calls are recorded in the CertRA fake's `calls`.
 */
export class FakeEtkRegistry implements EtkRegistry {
  /** Fault injection per operation. */
  readonly failures = new FailurePlan<EtkRaOperation>();
  private readonly challenges = new Map<string, FakeChallenge>();
  private serial = 10n ** 37n;
  /** How many GetEtk calls still answer "none" after a registration (ETKDepot lagging behind EtkRA). */
  depotLag = 0;
  /** CompleteETKRegistration answers with the status only (ETK and ToBeActivated are optional in the XSD). */
  statusOnlyCompletion = false;

  constructor(private readonly certra: FakeCertificateRegistry) {}

  startEtkRegistration(signer: Signer, publicEncryptionKey: Bytes): Promise<Bytes> {
    return this.certra.call('StartETKRegistration', signer, () => {
      const record = this.certra.recordOfEhealthSigner(signer);
      if (record.status !== 'VALID_ACTIVE') reject('CERTIFICATE_NOT_ACTIVE', `The authentication certificate is ${record.status}.`);
      this.serial += 7919n;
      const challenge: FakeChallenge = { publicKey: toHex(publicEncryptionKey), serialNumber: this.serial.toString() };
      this.challenges.set(record.publicKeyIdentifier, challenge);
      record.etkStatus = 'IN_REQUEST';
      return encodeFake('CHALLENGE', challenge);
    }, this.failures);
  }

  completeEtkRegistration(signer: Signer, toBeRegistered: Bytes): Promise<RegisteredEtk> {
    return this.certra.call('CompleteETKRegistration', signer, () => {
      const record = this.certra.recordOfEhealthSigner(signer);
      const challenge = this.challenges.get(record.publicKeyIdentifier);
      if (!challenge) reject('NO_REGISTRATION_STARTED', 'StartETKRegistration was not called for this certificate.');
      const certificate = decodeFakeCertificate(toBeRegistered);
      const authentication = decodeFakeCertificate(signer.certificateChain[0] as Bytes);
      if (certificate.serialNumber !== challenge.serialNumber) reject('WRONG_SERIAL', 'The certificate serial is not the challenge serial.');
      if (certificate.publicKey !== challenge.publicKey) reject('WRONG_KEY', 'The certificate key is not the submitted key.');
      if (certificate.subject !== record.dn || certificate.signedBy !== authentication.publicKey) {
        reject('WRONG_CERTIFICATE', 'The encryption certificate is not issued by the authentication certificate.');
      }
      // XSD-ETKRA2: a new ETK waits for ActivateETK while another one of the DN is still valid.
      const toBeActivated = [...this.certra.requests.values()].some(
        (r) => r !== record && r.dn === record.dn && r.status === 'VALID_ACTIVE' && r.etkStatus === 'VALID_ACTIVE',
      );
      const etk = encodeFake('ETK', { certificate: toHex(toBeRegistered) } satisfies FakeEtk);
      record.etk = etk;
      record.etkStatus = toBeActivated ? 'WAIT_FOR_ACTIVATION' : 'VALID_ACTIVE';
      this.challenges.delete(record.publicKeyIdentifier);
      return this.statusOnlyCompletion ? {} : { etk, toBeActivated };
    }, this.failures);
  }

  activateEtk(signer: Signer): Promise<void> {
    return this.certra.call('ActivateETK', signer, () => {
      const record = this.certra.recordOfEhealthSigner(signer);
      if (record.etkStatus !== 'WAIT_FOR_ACTIVATION') reject('NOTHING_TO_ACTIVATE', `The ETK is ${record.etkStatus}, not waiting for activation.`);
      for (const other of this.certra.requests.values()) {
        if (other !== record && other.dn === record.dn && other.etkStatus === 'VALID_ACTIVE') other.etkStatus = 'REVOKED';
      }
      record.etkStatus = 'VALID_ACTIVE';
    }, this.failures);
  }

  getPublishedEtks(identifier: Identifier, applicationId?: string): Promise<readonly Bytes[]> {
    return this.certra.call('GetEtk', undefined, () => {
      if (this.depotLag > 0) {
        this.depotLag -= 1;
        return [];
      }
      return [...this.certra.requests.values()]
        .filter((r) => {
          const id = r.certificateIdentifier.actor.ids[0];
          return id?.type === identifier.type && id.value === identifier.value && r.certificateIdentifier.applicationId === applicationId;
        })
        .filter((r) => r.etkStatus === 'VALID_ACTIVE' && r.status === 'VALID_ACTIVE' && r.etk)
        .map((r) => r.etk as Bytes);
    }, this.failures);
  }
}
