import { EhealthCertError } from '@ehealth-cert/core';
import { failure, success, type Outcome } from './Outcome.js';

/** Runs `work` and turns an EhealthCertError into a failed outcome; anything else is a bug and throws. */
export async function attempt<T>(work: () => T | Promise<T>): Promise<Outcome<T>> {
  try {
    return success(await work());
  } catch (error) {
    if (EhealthCertError.is(error)) return failure(error.code, error.message, error.details);
    throw error;
  }
}
