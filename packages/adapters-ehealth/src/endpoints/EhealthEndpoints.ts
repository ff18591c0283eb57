import { EhealthCertError, type KeystoreEnvironment } from '@ehealth-cert/core';

/** The three SOAP endpoints the client talks to (DOMAIN.md 1.1). */
export interface EhealthEndpoints {
  readonly certRa: string;
  readonly etkRa: string;
  readonly etkDepot: string;
}

/** eHealth environments with published endpoints (DOMAIN.md 1.1). */
export type EhealthEnvironment = 'acc' | 'prd';

const HOSTS: Record<EhealthEnvironment, string> = {
  acc: 'https://services-acpt.ehealth.fgov.be',
  prd: 'https://services.ehealth.fgov.be',
};

/** Endpoints under one base URL: `${base}/CertRa/v2`, `${base}/EtkRa/v2`, `${base}/EtkDepot/v1`. */
export function endpointsFromBase(base: string): EhealthEndpoints {
  let url: URL;
  try {
    url = new URL(base);
  } catch (cause) {
    throw new EhealthCertError('INVALID_INPUT', `endpoint base "${base}" is not an absolute URL`, { field: 'endpointBase', value: base }, { cause });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new EhealthCertError('INVALID_INPUT', `endpoint base "${base}" must use http or https`, { field: 'endpointBase', value: base });
  }
  const root = base.replace(/\/+$/, '');
  return { certRa: `${root}/CertRa/v2`, etkRa: `${root}/EtkRa/v2`, etkDepot: `${root}/EtkDepot/v1` };
}

/**
 * The endpoints of an environment; `EHEALTH_CERT_ENDPOINT_BASE` (or `override`) replaces the host,
 * for the simulator and the tests.
 */
export function ehealthEndpoints(
  environment: EhealthEnvironment,
  override: string | undefined = process.env['EHEALTH_CERT_ENDPOINT_BASE'],
): EhealthEndpoints {
  if (override !== undefined && override !== '') return endpointsFromBase(override);
  return endpointsFromBase(HOSTS[environment]);
}

/**
 * The endpoints a front end calls: all under `base` when it has one (a simulator), else the
 * environment's published hosts, acc's for sim, which has none. The front ends have already
 * resolved EHEALTH_CERT_ENDPOINT_BASE into `base`: process.env is not read again.
 */
export function endpointsFor(environment: KeystoreEnvironment, base: string | undefined): EhealthEndpoints {
  return base !== undefined ? endpointsFromBase(base) : ehealthEndpoints(environment === 'sim' ? 'acc' : environment, '');
}

/** The setting that lets `--env prd` talk to an endpoint base that is not https on an eHealth host. */
export const ALLOW_NON_EHEALTH_ENDPOINT_VARIABLE = 'EHEALTH_CERT_ALLOW_NON_EHEALTH_ENDPOINT';

/** https on ehealth.fgov.be or one of its subdomains (DOMAIN.md 1.1: every published endpoint is). */
export function isEhealthHttpsBase(base: string): boolean {
  try {
    const url = new URL(base);
    const host = url.hostname.toLowerCase();
    return url.protocol === 'https:' && (host === 'ehealth.fgov.be' || host.endsWith('.ehealth.fgov.be'));
  } catch {
    return false;
  }
}

/**
 * Our own rule (issue 12): in prd, eID-signed requests must not leave in clear text or for another
 * host by accident. An endpoint base that is not https on an eHealth host is refused unless
 * `allowed` (EHEALTH_CERT_ALLOW_NON_EHEALTH_ENDPOINT=1); when allowed, the warning to print is
 * returned. acc and sim take any base (simulators, tests).
 */
export function checkEndpointBase(environment: KeystoreEnvironment, base: string | undefined, allowed: boolean): string | undefined {
  if (environment !== 'prd' || base === undefined || isEhealthHttpsBase(base)) return undefined;
  if (!allowed) {
    throw new EhealthCertError(
      'INVALID_INPUT',
      `EHEALTH_CERT_ENDPOINT_BASE "${base}" is not https on an eHealth host (*.ehealth.fgov.be): in prd, eID-signed requests would go there; set ${ALLOW_NON_EHEALTH_ENDPOINT_VARIABLE}=1 if that is really intended`,
      { field: 'EHEALTH_CERT_ENDPOINT_BASE', value: base, rule: 'prd needs https on *.ehealth.fgov.be', flag: ALLOW_NON_EHEALTH_ENDPOINT_VARIABLE },
    );
  }
  return `prd requests, signed with the eID, go to ${base}, which is not https on an eHealth host (${ALLOW_NON_EHEALTH_ENDPOINT_VARIABLE} is set)`;
}
