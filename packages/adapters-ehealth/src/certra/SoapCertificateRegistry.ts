import type {
  Actor,
  ActorQualities,
  CertificateDelivery,
  CertificateIdentifier,
  CertificateInfo,
  CertificateRegistry,
  CertRaOperation,
  Clock,
  ContactData,
  Contract,
  Identifier,
  OrganisationType,
  RevocationContract,
  RevocationReason,
  Signer,
  SubmittedRequest,
  Bytes,
} from '@ehealth-cert/core';
import { EhealthCertError } from '@ehealth-cert/core';
import type { EhealthEndpoints } from '../endpoints/EhealthEndpoints.js';
import { publicKeyIdentifierOfCsr } from '../pki/publicKeyIdentifier.js';
import { child, childElements } from '../soap/domQuery.js';
import { EhealthSoapClient } from '../soap/EhealthSoapClient.js';
import { NS } from '../soap/Namespaces.js';
import { SoapTransport, type SoapTransportOptions } from '../soap/SoapTransport.js';
import type { EcdsaSignatureMethod } from '../xml-signature/signEnveloped.js';
import { certraOperation } from './certraOperations.js';
import {
  base64Bytes,
  readBoolean,
  readCertificateInfo,
  readContract,
  readOrganisationType,
  readPublicKeyIdentifier,
  readText,
  required,
} from './certraReaders.js';
import { actorType, certificateIdentifierType, contactDataType, idType, returnedContract } from './certraWriters.js';

/** Options of the CertRA v2 client. */
export interface SoapCertificateRegistryOptions extends SoapTransportOptions {
  readonly endpoints: EhealthEndpoints;
  readonly clock?: Clock;
  /** SignatureMethod of EC eID cards: `ecdsa-sha256` (default, the connector's) or `ecdsa-sha384`. */
  readonly ecdsaSignatureMethod?: EcdsaSignatureMethod;
}

/** eHealth's code while the certificate is not issued yet (DOMAIN.md 2.1). */
export const CERT_NOT_YET_DELIVERED = 'CERT_NOT_YET_DELIVERED';

/**
 * The refusal of GetCertificate for a PublicKeyIdentifier without a request. eHealth publishes no
 * error catalogue (DOMAIN.md 9); this is the simulator's code (packages/simulator certRaOperations).
 */
export const UNKNOWN_PUBLIC_KEY_IDENTIFIER = 'UNKNOWN_PUBLIC_KEY_IDENTIFIER';

const systemClock: Clock = { now: () => new Date() };

/** CertRA v2 over SOAP 1.1 (DOMAIN.md 2.3): every operation, signed as the table says. */
export class SoapCertificateRegistry implements CertificateRegistry {
  private readonly client: EhealthSoapClient;
  private readonly url: string;

  constructor(options: SoapCertificateRegistryOptions) {
    this.client = new EhealthSoapClient(new SoapTransport(options), options.clock ?? systemClock, options.ecdsaSignatureMethod);
    this.url = options.endpoints.certRa;
  }

  private op(name: CertRaOperation) {
    return certraOperation(name, this.url);
  }

  /** Signed with eID-Auth; `SSIN` is an IdType (Type "SSIN"). */
  async getActorQualities(signer: Signer, ssin: string): Promise<ActorQualities> {
    const op = this.op('GetActorQualities');
    const response = await this.client.invoke(op, (b) => idType(b, NS.certraProtocol, 'SSIN', { type: 'SSIN', value: ssin }), signer);
    const natural = childElements(response, 'NaturalPersonAuthorization').length > 0 && readBoolean(response, 'NaturalPersonAuthorization', op.name);
    return {
      naturalPersonAuthorization: natural,
      organisations: childElements(response, 'OrganizationAuthorization').map((org) => {
        const id = required(org, 'Identifier', op.name);
        return { name: readText(child(org, 'Name')), identifier: { type: id.getAttribute('Type') ?? '', value: (id.textContent ?? '').trim() } };
      }),
    };
  }

  /** Unsigned. */
  async getGenericOrganizationTypes(): Promise<readonly OrganisationType[]> {
    const op = this.op('GetGenericOrganizationTypes');
    const response = await this.client.invoke(op, () => null);
    return childElements(response, 'OrganizationType').map((type) => readOrganisationType(type, op.name));
  }

  /** Unsigned on purpose (DOMAIN.md 2.3); a nil ApplicationId is a certificate without one. */
  async getExistingApplicationIds(organisation: Identifier): Promise<readonly (string | null)[]> {
    const op = this.op('GetExistingApplicationIds');
    const response = await this.client.invoke(op, (b) => idType(b, NS.certraProtocol, 'OrganizationIdentifier', organisation));
    return childElements(response, 'ApplicationId').map((id) =>
      id.getAttributeNS(NS.xsi, 'nil') === 'true' ? null : (id.textContent ?? '').trim(),
    );
  }

  /** Unsigned; the returned DN is the one the CSR must carry. */
  async generateContract(input: { readonly contactData: ContactData; readonly signer: Actor; readonly certificateIdentifier: CertificateIdentifier }): Promise<Contract> {
    const op = this.op('GenerateContract');
    const response = await this.client.invoke(op, (b) => [
      contactDataType(b, NS.certraProtocol, input.contactData),
      actorType(b, NS.certraProtocol, 'Signer', input.signer),
      certificateIdentifierType(b, NS.certraProtocol, input.certificateIdentifier),
    ]);
    // The connector sends the DN back escaped (NewCertificateContract, issue 12 point 2).
    const { revocationReason: _ignored, ...contract } = readContract(required(response, 'Contract', op.name), op.name, true);
    return contract;
  }

  /**
   * Signed with eID-Sign. Not idempotent: it is sent once. After a timeout the client asks eHealth
   * whether the request arrived (unsigned GetCertificate by the CSR's PublicKeyIdentifier) and
   * otherwise throws EHEALTH_UNAVAILABLE with `maybeReceived` (false only when eHealth does not
   * know the key, so sending again is safe).
   */
  async generateCertificate(
    signer: Signer,
    input: { readonly contactData: ContactData; readonly csr: Bytes; readonly contract: Contract; readonly baseServiceUsages: readonly string[] },
  ): Promise<SubmittedRequest> {
    const op = this.op('GenerateCertificate');
    const expected = publicKeyIdentifierOfCsr(input.csr);
    let response;
    try {
      response = await this.client.invoke(
        op,
        (b) =>
          b.el(
            NS.certraProtocol,
            'EHealthCSR',
            {},
            contactDataType(b, NS.certraCore, input.contactData),
            b.el(NS.certraCore, 'CSR', {}, Buffer.from(input.csr).toString('base64')),
            returnedContract(b, NS.certraCore, input.contract.source),
            input.baseServiceUsages.map((usage) => b.el(NS.certraCore, 'BaseServiceUsage', {}, usage)),
          ),
        signer,
      );
    } catch (error) {
      if (EhealthCertError.is(error, 'EHEALTH_UNAVAILABLE')) return this.findSubmitted(expected, error);
      throw error;
    }
    const publicKeyIdentifier = readPublicKeyIdentifier(response, 'PublicKeyIdentifier', op.name);
    if (publicKeyIdentifier !== expected) {
      throw new EhealthCertError('EHEALTH_RESPONSE_INVALID', `eHealth answered GenerateCertificate with PublicKeyIdentifier ${publicKeyIdentifier}, the CSR's key is ${expected}`, {
        operation: op.name,
        publicKeyIdentifier,
        expected,
      });
    }
    const replaces = childElements(response, 'ReplacesCertificate').length > 0 ? readPublicKeyIdentifier(response, 'ReplacesCertificate', op.name) : undefined;
    return {
      publicKeyIdentifier,
      automaticallyValidated: readBoolean(response, 'AutomaticallyValidated', op.name),
      ...(replaces !== undefined ? { replacesCertificate: replaces } : {}),
    };
  }

  /**
   * After a lost GenerateCertificate answer: did eHealth get it? Never re-sends it, and asks only
   * the unsigned GetCertificate (DOMAIN.md 2.3): GetCertificateInfoForCitizen would need the eID
   * Authentication key (a second card session), while only the Signature key is at hand here.
   */
  private async findSubmitted(publicKeyIdentifier: string, original: EhealthCertError): Promise<SubmittedRequest> {
    const notFound = (maybeReceived: boolean, reason: string, cause: unknown) =>
      new EhealthCertError(
        'EHEALTH_UNAVAILABLE',
        maybeReceived
          ? `GenerateCertificate got no answer and eHealth could not tell whether it received the request (${reason}); do not send it again before checking the request's status`
          : `GenerateCertificate got no answer and eHealth has no request for this key (${reason}); it was not received and may be sent again`,
        { ...original.details, operation: 'GenerateCertificate', publicKeyIdentifier, maybeReceived, recoveryCheck: reason },
        { cause },
      );
    let delivery: CertificateDelivery;
    try {
      delivery = await this.getCertificate(publicKeyIdentifier);
    } catch (error) {
      if (EhealthCertError.is(error, 'EHEALTH_REJECTED') && error.details['ehealthCode'] === UNKNOWN_PUBLIC_KEY_IDENTIFIER) {
        throw notFound(false, `GetCertificate: ${UNKNOWN_PUBLIC_KEY_IDENTIFIER}`, error);
      }
      const code = EhealthCertError.is(error) ? (error.details['ehealthCode'] ?? error.code) : 'error';
      throw notFound(true, `GetCertificate failed: ${String(code)}`, error);
    }
    // Issued within seconds of the request: only an automatic validation is that fast (DOMAIN.md
    // 2.3 business rules). Pending: eHealth's answer says nothing more (no delivery date in the
    // XSD, and the connector reads no parameter of CERT_NOT_YET_DELIVERED), so a manual validation
    // is the cautious reading ("wait for an e-mail").
    const automaticallyValidated = delivery.status === 'issued';
    return { publicKeyIdentifier, automaticallyValidated };
  }

  /** Unsigned; `CERT_NOT_YET_DELIVERED` is "pending", not an error. */
  async getCertificate(publicKeyIdentifier: string): Promise<CertificateDelivery> {
    const op = this.op('GetCertificate');
    let response;
    try {
      response = await this.client.invoke(op, (b) => b.el(NS.certraProtocol, 'PublicKeyIdentifier', {}, publicKeyIdentifier.toUpperCase()));
    } catch (error) {
      if (EhealthCertError.is(error, 'EHEALTH_REJECTED') && error.details['ehealthCode'] === CERT_NOT_YET_DELIVERED) return { status: 'pending' };
      throw error;
    }
    const chain = childElements(response, 'X509Certificate').map((cert) => base64Bytes(cert.textContent ?? ''));
    if (chain.length === 0) throw new EhealthCertError('EHEALTH_RESPONSE_INVALID', "eHealth's GetCertificateResponse has no X509Certificate", { operation: op.name });
    return { status: 'issued', chain };
  }

  /** Unsigned. */
  async generateRevocationContract(input: { readonly publicKeyIdentifier: string; readonly signer: Actor; readonly reason: RevocationReason }): Promise<RevocationContract> {
    const op = this.op('GenerateRevocationContract');
    const response = await this.client.invoke(op, (b) => [
      b.el(NS.certraProtocol, 'PublicKeyIdentifier', {}, input.publicKeyIdentifier.toUpperCase()),
      actorType(b, NS.certraProtocol, 'Signer', input.signer),
      b.el(NS.certraProtocol, 'RevocationReason', {}, input.reason),
    ]);
    const contract = readContract(required(response, 'Contract', op.name), op.name);
    return { ...contract, revocationReason: contract.revocationReason ?? input.reason };
  }

  /** Signed with eID-Sign; revokes the certificate and its ETK. */
  async revoke(signer: Signer, input: { readonly publicKeyIdentifier: string; readonly contract: RevocationContract }): Promise<void> {
    await this.client.invoke(
      this.op('Revoke'),
      (b) => [b.el(NS.certraProtocol, 'PublicKeyIdentifier', {}, input.publicKeyIdentifier.toUpperCase()), returnedContract(b, NS.certraProtocol, input.contract.source)],
      signer,
    );
  }

  /** Signed with eID-Auth (DOMAIN.md 2.3). */
  async getCertificateInfoForCitizen(signer: Signer): Promise<readonly CertificateInfo[]> {
    const op = this.op('GetCertificateInfoForCitizen');
    const response = await this.client.invoke(op, () => null, signer);
    return childElements(response, 'CertificateInfo').map((info) => readCertificateInfo(info, op.name));
  }

  /** Signed with the eHealth authentication key. */
  async getCertificateInfoForAuthenticationCertificate(signer: Signer): Promise<CertificateInfo> {
    const op = this.op('GetCertificateInfoForAuthenticationCertificate');
    const response = await this.client.invoke(op, () => null, signer);
    return readCertificateInfo(required(response, 'CertificateInfo', op.name), op.name);
  }
}
