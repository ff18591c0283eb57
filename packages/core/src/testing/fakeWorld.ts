import { AcceptingReview } from './AcceptingReview.js';
import { A_STRONG_PASSWORD, anAmbulanceService, someContactData } from './builders.js';
import { FakeCertificateRegistry } from './FakeCertificateRegistry.js';
import { FakeEidCard } from './FakeEidCard.js';
import { FakeEtkRegistry } from './FakeEtkRegistry.js';
import { FakeKeyFactory } from './FakeKeyFactory.js';
import { FakeKeystoreVault } from './FakeKeystoreVault.js';
import { FakePendingRequests } from './FakePendingRequests.js';
import { FixedClock } from './FixedClock.js';
import { RecordingProgress } from './RecordingProgress.js';

/** Every fake port wired together: a holder with a mandate for an ambulance service, an acceptance vault. */
export function fakeWorld() {
  const clock = new FixedClock();
  const card = new FakeEidCard();
  const registry = new FakeCertificateRegistry(clock).grantMandate(card.holder.ssin, anAmbulanceService()).allowPersonalCertificate(card.holder.ssin);
  const etkRegistry = new FakeEtkRegistry(registry);
  return {
    clock,
    card,
    registry,
    etkRegistry,
    keys: new FakeKeyFactory(),
    vault: new FakeKeystoreVault(clock),
    pending: new FakePendingRequests(),
    progress: new RecordingProgress(),
    review: new AcceptingReview(),
    contactData: someContactData(),
    password: A_STRONG_PASSWORD,
  };
}

/** The world of fakeWorld(). */
export type FakeWorld = ReturnType<typeof fakeWorld>;
