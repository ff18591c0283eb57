import type { CertRaOperation, SignerRole } from '@ehealth-cert/core';
import { NS } from '../soap/Namespaces.js';
import type { OperationSpec } from '../soap/EhealthSoapClient.js';

/**
 * SOAPAction per operation exactly as the connector sends them, with eHealth's inconsistent
 * `etee:` infix and casing (DOMAIN.md 2.3); `idempotent` marks reads that may be retried.
 */
const TABLE: Record<CertRaOperation, { readonly soapAction: string; readonly idempotent: boolean; readonly hasStatus: boolean; readonly signedWith?: SignerRole }> = {
  GetActorQualities: { soapAction: 'urn:be:fgov:ehealth:certra:protocol:v2:getActorQualities', idempotent: true, hasStatus: true, signedWith: 'authentication' },
  GetGenericOrganizationTypes: { soapAction: 'urn:be:fgov:ehealth:certra:protocol:v2:getGenericOrganizationTypes', idempotent: true, hasStatus: true },
  GetExistingApplicationIds: { soapAction: 'urn:be:fgov:ehealth:etee:certra:protocol:v2:getexistingapplicationids', idempotent: true, hasStatus: false },
  GenerateContract: { soapAction: 'urn:be:fgov:ehealth:certra:protocol:v2:generateContract', idempotent: true, hasStatus: true },
  GenerateCertificate: { soapAction: 'urn:be:fgov:ehealth:etee:certra:protocol:v2:generatecertificate', idempotent: false, hasStatus: true, signedWith: 'signature' },
  GetCertificate: { soapAction: 'urn:be:fgov:ehealth:etee:certra:protocol:v2:getcertificate', idempotent: true, hasStatus: true },
  GenerateRevocationContract: { soapAction: 'urn:be:fgov:ehealth:certra:protocol:v2:generateRevocationContract', idempotent: true, hasStatus: true },
  Revoke: { soapAction: 'urn:be:fgov:ehealth:etee:certra:protocol:v2:revoke', idempotent: false, hasStatus: true, signedWith: 'signature' },
  GetCertificateInfoForCitizen: { soapAction: 'urn:be:fgov:ehealth:certra:protocol:v2:getCertificateInfoForCitizen', idempotent: true, hasStatus: true, signedWith: 'authentication' },
  GetCertificateInfoForAuthenticationCertificate: {
    soapAction: 'urn:be:fgov:ehealth:etee:certra:protocol:v2:getCertificateInfoForAuthenticationCertificate',
    idempotent: true,
    hasStatus: true,
    signedWith: 'ehealth-authentication',
  },
};

/** The OperationSpec of a CertRA v2 operation at `url`. */
export function certraOperation(name: CertRaOperation, url: string): OperationSpec {
  return { name, url, ns: NS.certraProtocol, requestName: `${name}Request`, responseName: `${name}Response`, ...TABLE[name] };
}
