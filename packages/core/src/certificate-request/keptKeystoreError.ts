import { EhealthCertError } from '../errors/EhealthCertError.js';

/**
 * The error of a step that failed after the new private key was saved: same code, plus where the
 * keystore is and the commands that find out what eHealth did (with the environment of the request,
 * so that they do not go to production by default), so that completion or a status check can go on
 * later (ARCHITECTURE.md "Data that must never be lost", issue 13).
 */
export function keptKeystoreError(error: unknown, keystorePath: string, reference: string, environment?: 'prd' | 'acc' | 'sim'): EhealthCertError {
  const code = EhealthCertError.is(error) ? error.code : 'INTERNAL';
  const message = error instanceof Error ? error.message : String(error);
  const details = EhealthCertError.is(error) ? error.details : {};
  const env = environment === undefined ? '' : ` --env ${environment}`;
  const statusCommand = `ehealth-cert status${env} --keystore "${keystorePath}"`;
  const completeCommand = `ehealth-cert complete${env} --keystore "${keystorePath}"`;
  return new EhealthCertError(
    code,
    `${message} The new private key is kept in ${keystorePath} (request ${reference}); check it (${statusCommand}) or complete it (${completeCommand}) before requesting again.`,
    { ...details, keystorePath, reference, ...(environment === undefined ? {} : { environment, statusCommand, completeCommand }) },
    { cause: error },
  );
}
