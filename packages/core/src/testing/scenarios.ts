import { CompleteCertificate, type CompletionOutcome } from '../certificate-completion/CompleteCertificate.js';
import { RequestCertificate, type RequestCertificateInput } from '../certificate-request/RequestCertificate.js';
import type { SubmittedCertificateRequest } from '../certificate-request/submitCertificateRequest.js';
import { EhealthCertError } from '../errors/EhealthCertError.js';
import { anAmbulanceService } from './builders.js';
import type { FakeWorld } from './fakeWorld.js';
import { ScriptedPinEntry } from './ScriptedPinEntry.js';

/** Runs RequestCertificate in the fake world for the ambulance service (overridable). */
export function submitRequest(world: FakeWorld, overrides: Partial<RequestCertificateInput> = {}): Promise<SubmittedCertificateRequest> {
  return new RequestCertificate(world).execute({
    organisation: { kind: 'listed', organisation: anAmbulanceService() },
    contactData: world.contactData,
    password: world.password,
    baseServiceUsages: ['consultrn'],
    environment: 'acc',
    pinEntry: new ScriptedPinEntry('1234'),
    review: world.review,
    ...overrides,
  });
}

/** Requests and completes a certificate: the keystore of a holder who followed the manual to step 19. */
export async function completedKeystore(
  world: FakeWorld,
  overrides: Partial<RequestCertificateInput> = {},
): Promise<Extract<CompletionOutcome, { status: 'completed' }>> {
  const request = await submitRequest(world, overrides);
  const outcome = await new CompleteCertificate(world).execute({ keystorePath: request.keystorePath, password: world.password });
  if (outcome.status !== 'completed') throw new Error(`expected a completed certificate, got ${outcome.status}`);
  return outcome;
}

/** The EhealthCertError a promise rejects with; fails when it resolves or rejects with something else. */
export async function rejectionOf(promise: Promise<unknown>): Promise<EhealthCertError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!EhealthCertError.is(error)) throw new Error(`expected an EhealthCertError, got ${String(error)}`);
  return error;
}
