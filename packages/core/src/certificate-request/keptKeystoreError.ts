import { EhealthCertError } from '../errors/EhealthCertError.js';

/**
 * The error of a step that failed after the new private key was saved: same code, plus where the
 * keystore is, so that completion or a status check can find out later what eHealth did
 * (ARCHITECTURE.md "Data that must never be lost").
 */
export function keptKeystoreError(error: unknown, keystorePath: string, reference: string): EhealthCertError {
  const code = EhealthCertError.is(error) ? error.code : 'INTERNAL';
  const message = error instanceof Error ? error.message : String(error);
  const details = EhealthCertError.is(error) ? error.details : {};
  return new EhealthCertError(
    code,
    `${message} The new private key is kept in ${keystorePath} (request ${reference}); check or complete the request with that keystore before requesting again.`,
    { ...details, keystorePath, reference },
    { cause: error },
  );
}
