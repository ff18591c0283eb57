/** In-memory fakes of every core port and small data builders, for tests (STYLE.md "Tests"). */
export * from './AcceptingReview.js';
export * from './builders.js';
export * from './fakeCas.js';
export * from './FakeCertificate.js';
export * from './FakeCertificateRegistry.js';
export * from './FakeEidCard.js';
export * from './fakeEncoding.js';
export * from './FakeEtkRegistry.js';
export * from './FakeKeyFactory.js';
export * from './FakeKeystoreVault.js';
export * from './FakePendingRequests.js';
export * from './FailurePlan.js';
export * from './FixedClock.js';
export * from './RecordingProgress.js';
export * from './ScriptedPinEntry.js';
export * from './fakeWorld.js';
export * from './keyEntryOf.js';
