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
