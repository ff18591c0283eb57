/** eHealth CertRA/EtkRA SOAP client, PKI code and the PKCS#12 keystore. */
export const packageName = '@ehealth-cert/adapters-ehealth';
