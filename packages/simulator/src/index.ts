/** Simulator of the eHealth platform and fake eID cards on SoftHSM2. */
export const packageName = '@ehealth-cert/simulator';

// Fake Belgian eID cards on SoftHSM2 (issue 3).
export { provisionFakeEid, FAKE_EID_DEFAULTS, type FakeEid, type FakeEidOptions } from './fake-eid/provisionFakeEid.js';
export { fakeEidTrustAnchors, fakeEidCaCertificates, fakeEidIssuer, type FakeEidGeneration, type FakeEidIssuer } from './fake-eid/FakeEidPki.js';
export { PinLockingPkcs11, PIN_TRIES, type Pkcs11Api } from './fake-eid/PinLockingPkcs11.js';
export { softhsmModulePath } from './fake-eid/softhsmModulePath.js';
