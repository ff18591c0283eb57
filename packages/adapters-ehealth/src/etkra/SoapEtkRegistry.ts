import type { Bytes, Clock, EtkRegistry, Identifier, RegisteredEtk, Signer } from '@ehealth-cert/core';
import { EhealthCertError } from '@ehealth-cert/core';
import type { EhealthEndpoints } from '../endpoints/EhealthEndpoints.js';
import { base64Bytes, readBoolean, requiredText } from '../certra/certraReaders.js';
import { ETK_DEPOT_SOAP_ACTION, getPublishedEtks } from '../etk-depot/EtkDepotClient.js';
import { child } from '../soap/domQuery.js';
import { EhealthSoapClient } from '../soap/EhealthSoapClient.js';
import { NS } from '../soap/Namespaces.js';
import { SoapTransport, type SoapTransportOptions } from '../soap/SoapTransport.js';
import { etkraOperation } from './etkraOperations.js';

/** Options of the EtkRA v2 + ETKDepot client. */
export interface SoapEtkRegistryOptions extends SoapTransportOptions {
  readonly endpoints: EhealthEndpoints;
  readonly clock?: Clock;
  /** ETKDepot SOAPAction, [unverified] (see ETK_DEPOT_SOAP_ACTION). */
  readonly etkDepotSoapAction?: string;
}

const systemClock: Clock = { now: () => new Date() };

/** EtkRA v2 (DOMAIN.md 2.5), all signed with the eHealth authentication key, and ETKDepot GetEtk. */
export class SoapEtkRegistry implements EtkRegistry {
  private readonly transport: SoapTransport;
  private readonly client: EhealthSoapClient;

  constructor(private readonly options: SoapEtkRegistryOptions) {
    this.transport = new SoapTransport(options);
    this.client = new EhealthSoapClient(this.transport, options.clock ?? systemClock);
  }

  /** Sends the SubjectPublicKeyInfo of the encryption key; returns the challenge (DOMAIN.md 2.5). */
  async startEtkRegistration(signer: Signer, publicEncryptionKey: Bytes): Promise<Bytes> {
    const op = etkraOperation('StartETKRegistration', this.options.endpoints.etkRa);
    const response = await this.client.invoke(op, (b) => b.el(NS.etkraProtocol, 'PublicEncryptionKey', {}, Buffer.from(publicEncryptionKey).toString('base64')), signer);
    const challenge = base64Bytes(requiredText(response, 'Challenge', op.name));
    if (challenge.length <= 32) {
      throw new EhealthCertError('EHEALTH_RESPONSE_INVALID', `eHealth's Challenge is ${challenge.length} bytes; it must be an RSA block plus a 32-byte SHA-256`, {
        operation: op.name,
        length: challenge.length,
      });
    }
    return challenge;
  }

  /**
   * Sends the self-issued encryption certificate. Success is the status (as the connector checks
   * it, EncryptionTokenRegistrationServiceImpl); the ETK and ToBeActivated are returned when the
   * answer carries them (both optional in the XSD).
   */
  async completeEtkRegistration(signer: Signer, toBeRegistered: Bytes): Promise<RegisteredEtk> {
    const op = etkraOperation('CompleteETKRegistration', this.options.endpoints.etkRa);
    const response = await this.client.invoke(op, (b) => b.el(NS.etkraProtocol, 'ToBeRegistered', {}, Buffer.from(toBeRegistered).toString('base64')), signer);
    const etk = child(response, 'ETK') !== undefined ? base64Bytes(requiredText(response, 'ETK', op.name)) : undefined;
    const toBeActivated = child(response, 'ToBeActivated') !== undefined ? readBoolean(response, 'ToBeActivated', op.name) : undefined;
    return { ...(etk !== undefined && etk.length > 0 ? { etk } : {}), ...(toBeActivated !== undefined ? { toBeActivated } : {}) };
  }

  /** Activates the replacement ETK of the signing authentication certificate. */
  async activateEtk(signer: Signer): Promise<void> {
    await this.client.invoke(etkraOperation('ActivateETK', this.options.endpoints.etkRa), () => null, signer);
  }

  /** ETKDepot GetEtk (unsigned, idempotent). */
  async getPublishedEtks(identifier: Identifier, applicationId?: string): Promise<readonly Bytes[]> {
    return getPublishedEtks(this.transport, this.options.endpoints.etkDepot, identifier, applicationId, this.options.etkDepotSoapAction ?? ETK_DEPOT_SOAP_ACTION);
  }
}
