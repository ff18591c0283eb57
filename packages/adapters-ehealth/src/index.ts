/** eHealth CertRA/EtkRA SOAP client, PKI code and the PKCS#12 keystore. */
export const packageName = '@ehealth-cert/adapters-ehealth';
export * from './keystore/Pkcs12KeystoreVault.js';
export * from './keystore/KeystoreFileSystem.js';
export { readPkcs12 } from './keystore/Pkcs12Reader.js';
export { writePkcs12, type Pkcs12WriteOptions } from './keystore/Pkcs12Writer.js';
export { createPlaceholderCertificate } from './keystore/PlaceholderCertificate.js';
export * from './pending-requests/JsonPendingRequests.js';
