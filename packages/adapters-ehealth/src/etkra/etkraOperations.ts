import { NS } from '../soap/Namespaces.js';
import type { OperationSpec } from '../soap/EhealthSoapClient.js';

/** EtkRA v2 operation names (etkra protocol v2 XSD). */
export type EtkraOperation = 'StartETKRegistration' | 'CompleteETKRegistration' | 'ActivateETK';

/** SOAPAction per operation exactly as the connector sends them (DOMAIN.md 2.5); none is idempotent. */
const SOAP_ACTIONS: Record<EtkraOperation, string> = {
  StartETKRegistration: 'urn:be:fgov:ehealth:etee:etkra:protocol:v2:startETKRegistration',
  CompleteETKRegistration: 'urn:be:fgov:ehealth:etee:etkra:protocol:v2:completeETKregistration',
  ActivateETK: 'urn:be:fgov:ehealth:etee:etkra:protocol:v2:activateETK',
};

/** The OperationSpec of an EtkRA v2 operation at `url`. */
export function etkraOperation(name: EtkraOperation, url: string): OperationSpec {
  return {
    name,
    url,
    ns: NS.etkraProtocol,
    requestName: `${name}Request`,
    responseName: `${name}Response`,
    soapAction: SOAP_ACTIONS[name],
    hasStatus: true,
    idempotent: false,
    signedWith: 'ehealth-authentication',
  };
}
