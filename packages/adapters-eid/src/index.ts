/** The Belgian eID card over PKCS#11 (pkcs11js). */
export const packageName = '@ehealth-cert/adapters-eid';

export { Pkcs11EidCard, type Pkcs11EidCardOptions } from './Pkcs11EidCard.js';
export { pkcs11jsModuleFactory, type Pkcs11Module, type Pkcs11ModuleFactory } from './pkcs11/Pkcs11Module.js';
