/** eHealth CertRA/EtkRA SOAP client, PKI code and the PKCS#12 keystore. */
export const packageName = '@ehealth-cert/adapters-ehealth';
export * from './keystore/Pkcs12KeystoreVault.js';
export * from './keystore/KeystoreFileSystem.js';
export { readPkcs12 } from './keystore/Pkcs12Reader.js';
export * from './pending-requests/JsonPendingRequests.js';
// What packages/composition builds the eHealth-side ports from.
export * from './composition/createEhealthAdapters.js';
export * from './endpoints/EhealthEndpoints.js';
export * from './certra/SoapCertificateRegistry.js';
export * from './etkra/SoapEtkRegistry.js';
export * from './pki/NodeKeyFactory.js';
export { pemCertificates } from './pki/pemCertificates.js';
export type { EcdsaSignatureMethod } from './xml-signature/signEnveloped.js';
