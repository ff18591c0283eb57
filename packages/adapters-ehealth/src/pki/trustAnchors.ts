import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { delimiter } from 'node:path';
import type { Bytes, KeystoreEnvironment } from '@ehealth-cert/core';
import { EhealthCertError } from '@ehealth-cert/core';
import { pemCertificates } from './pemCertificates.js';
import { PRD_EHEALTH_ISSUING_CA_001_PEM, PRD_ROOT_CA_001_PEM } from './prdTrustAnchors.js';

/** The variable listing extra trust anchor PEM files, separated by `:` (`;` on Windows, node:path `delimiter`). */
export const TRUST_ANCHORS_VARIABLE = 'EHEALTH_CERT_TRUST_ANCHORS';

/** Where the issued chains of an environment must end (KeyFactory.verifyIssuedChain). */
export interface TrustAnchorOptions {
  /** Whose built-in anchors apply: prd (the default) the embedded ZetesConfidens roots; acc and sim none. */
  readonly environment?: KeystoreEnvironment;
  /** DER certificates replacing the environment's built-in anchors (the simulator's fake root, tests). */
  readonly trustAnchors?: readonly Bytes[];
  /** PEM files whose certificates are added to the anchors, read when a chain is verified (EHEALTH_CERT_TRUST_ANCHORS). */
  readonly trustAnchorFiles?: readonly string[];
}

/** The production trust anchors (DOMAIN.md 4.3) as DER. */
export function prdTrustAnchors(): Bytes[] {
  return [PRD_ROOT_CA_001_PEM, PRD_EHEALTH_ISSUING_CA_001_PEM].map((pem) => new Uint8Array(new X509Certificate(pem).raw));
}

/**
 * The trust anchor options of `environment` from the process environment, for the front ends:
 * `EHEALTH_CERT_TRUST_ANCHORS=/path/a.pem:/path/b.pem` adds those certificates (for acc, whose
 * `TEST-ZetesConfidens` roots are not embedded, DOMAIN.md 4.3, they are the only anchors).
 */
export function trustAnchorsFor(environment: KeystoreEnvironment, env: Readonly<Record<string, string | undefined>>): TrustAnchorOptions {
  const files = (env[TRUST_ANCHORS_VARIABLE] ?? '')
    .split(delimiter)
    .map((file) => file.trim())
    .filter((file) => file !== '');
  return { environment, ...(files.length > 0 ? { trustAnchorFiles: files } : {}) };
}

/**
 * The DER anchors `options` name: the replacement or built-in ones plus every certificate of the
 * files; empty when the environment has none (acc without EHEALTH_CERT_TRUST_ANCHORS), in which case
 * the chain checks that need them report `no-trust-anchors` instead of passing (issue 12 point 5).
 * A named file that cannot be read is still an error.
 */
export async function knownTrustAnchors(options: TrustAnchorOptions): Promise<Bytes[]> {
  const environment = options.environment ?? 'prd';
  const base = options.trustAnchors ?? (environment === 'prd' ? prdTrustAnchors() : []);
  const fromFiles = await Promise.all((options.trustAnchorFiles ?? []).map(readAnchorFile));
  return [...base, ...fromFiles.flat()];
}

/** As knownTrustAnchors, but an empty result is refused (for callers that cannot go without). */
export async function resolveTrustAnchors(options: TrustAnchorOptions): Promise<Bytes[]> {
  const environment = options.environment ?? 'prd';
  const anchors = await knownTrustAnchors(options);
  if (anchors.length === 0) {
    throw new EhealthCertError(
      'INVALID_INPUT',
      `No eHealth trust anchor is configured for environment ${environment}, so the issued certificate chain cannot be checked; set ${TRUST_ANCHORS_VARIABLE} to the PEM file(s) of the ${environment === 'acc' ? 'acceptance roots (TEST-ZetesConfidens-eHealth acceptance test-root CA 001, DOMAIN.md 4.3)' : 'eHealth roots'}, separated by "${delimiter}"`,
      { field: TRUST_ANCHORS_VARIABLE, environment },
    );
  }
  return anchors;
}

async function readAnchorFile(file: string): Promise<Bytes[]> {
  let pem: string;
  try {
    pem = await readFile(file, 'utf8');
  } catch (cause) {
    throw new EhealthCertError('INVALID_INPUT', `${TRUST_ANCHORS_VARIABLE} names ${file}, which cannot be read (${(cause as NodeJS.ErrnoException).code ?? 'error'})`, { field: TRUST_ANCHORS_VARIABLE, value: file }, { cause });
  }
  try {
    return pemCertificates(pem);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new EhealthCertError('INVALID_INPUT', `${TRUST_ANCHORS_VARIABLE} names ${file}, which is not a PEM certificate file: ${reason}`, { field: TRUST_ANCHORS_VARIABLE, value: file }, { cause });
  }
}
