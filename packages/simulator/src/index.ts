/** Simulator of the eHealth platform and fake eID cards on SoftHSM2. */
export const packageName = '@ehealth-cert/simulator';

// Fake Belgian eID cards on SoftHSM2 (issue 3).
export { provisionFakeEid, FAKE_EID_DEFAULTS, type FakeEid, type FakeEidOptions } from './fake-eid/provisionFakeEid.js';
export { fakeEidTrustAnchors, fakeEidCaCertificates, fakeEidIssuer, type FakeEidGeneration, type FakeEidIssuer } from './fake-eid/FakeEidPki.js';
export { PinLockingPkcs11, PIN_TRIES, PIN_TRIES_FILE, CARD_REMOVED_FILE, type Pkcs11Api } from './fake-eid/PinLockingPkcs11.js';
export { softhsmModulePath } from './fake-eid/softhsmModulePath.js';
export { fakeCardModule } from './fake-eid/fakeCardModule.js';
export { provisionTemporaryFakeEid, type TemporaryFakeEid } from './fake-eid/provisionTemporaryFakeEid.js';

// The eHealth platform simulator: CertRA v2, EtkRA v2, ETKDepot v1 (issue 6).
export { EhealthSimulator, type EhealthSimulatorOptions, type SimulatorState, type SimulatorRequest, type SimulatorReply } from './ehealth/EhealthSimulator.js';
export { createEhealthHandlers, DEFAULT_SIMULATOR_BASE_URL, REAL_EHEALTH_BASE_URLS, type EhealthHandlerOptions } from './ehealth/createEhealthHandlers.js';
export { startSimulatorServer, type SimulatorServer, type SimulatorServerOptions } from './server/startSimulatorServer.js';
export { defaultFixture } from './ehealth/sources/defaultFixture.js';
export type { AuthenticSourcesFixture, PersonFixture, OrganizationFixture, MandateFixture } from './ehealth/sources/AuthenticSources.js';
export type { FaultRule, FaultKind } from './ehealth/faults/FaultInjector.js';
export type { Email } from './ehealth/mailbox/Mailbox.js';
export type { CertificateRecord } from './ehealth/state/CertificateRecord.js';

// Env `sim` of the front ends: the simulator in this process (msw) or at a loopback URL.
export type { SimulatedEhealth, SimulatedSupportTeam, SupportDecision } from './sim-mode/SimulatedEhealth.js';
export {
  startInProcessSimulator,
  SIMULATOR_STATE_FILE,
  type InProcessSimulator,
  type InProcessSimulatorOptions,
  type SimulatedMail,
  type StartedInProcessSimulator,
  simulatorSupportTeam,
} from './sim-mode/startInProcessSimulator.js';
export { connectLoopbackSimulator, type LoopbackSimulator } from './sim-mode/connectLoopbackSimulator.js';
