/** eHealth CertRA/EtkRA SOAP client, PKI code and the PKCS#12 keystore. */
export const packageName = '@ehealth-cert/adapters-ehealth';
export * from './keystore/Pkcs12KeystoreVault.js';
export * from './keystore/KeystoreFileSystem.js';
export { readPkcs12 } from './keystore/Pkcs12Reader.js';
export { writePkcs12, type Pkcs12WriteOptions } from './keystore/Pkcs12Writer.js';
export { createPlaceholderCertificate } from './keystore/PlaceholderCertificate.js';
export * from './pending-requests/JsonPendingRequests.js';
// Public entry for the composition roots (CLI, HTTP API).
export * from './composition/createEhealthAdapters.js';
export * from './endpoints/EhealthEndpoints.js';
export * from './certra/SoapCertificateRegistry.js';
export * from './etkra/SoapEtkRegistry.js';
export * from './pki/NodeKeyFactory.js';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './soap/RetryPolicy.js';
export type { SoapTransportOptions } from './soap/SoapTransport.js';
export { SoftwareSigner } from './pki/SoftwareSigner.js';
export { publicKeyIdentifierOfSpki, publicKeyIdentifierOfCsr } from './pki/publicKeyIdentifier.js';
export { parseDn, encodeDn, formatDn, type DnAttribute } from './pki/DistinguishedName.js';
export { describeCertificate } from './pki/describeCertificate.js';
export { verifyEtk } from './pki/verifyEtk.js';
export { ETK_DEPOT_SOAP_ACTION } from './etk-depot/EtkDepotClient.js';
export { pemCertificates } from './pki/pemCertificates.js';
export type { EcdsaSignatureMethod } from './xml-signature/signEnveloped.js';
