/** The Belgian eID card over PKCS#11 (pkcs11js). */
export const packageName = '@ehealth-cert/adapters-eid';
