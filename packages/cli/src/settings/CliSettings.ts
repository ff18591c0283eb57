import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { EhealthCertError, type PinEntry, type Progress, type RequestReview } from '@ehealth-cert/core';
import type { PortSettings } from '@ehealth-cert/composition';

/** eHealth environment (manual step 1: PRODUCTION or ACCEPTATION; `sim` for the simulator). */
export type Environment = 'prd' | 'acc' | 'sim';

export const ENVIRONMENTS: readonly Environment[] = ['prd', 'acc', 'sim'];

/** The person's side of the use cases, made by the front end from its terminal (or a test). */
export interface Interaction {
  readonly pinEntry: PinEntry;
  readonly review: RequestReview;
  readonly progress: Progress;
}

/**
 * The CLI's settings: the shared PortSettings (what createPorts builds the adapters from) and the
 * person's side of the use cases (docs/decisions/0014).
 */
export interface CliSettings extends PortSettings {
  readonly env: Environment;
  /**
   * True when --env or EHEALTH_CERT_ENV chose the environment; false when it is the default (prd),
   * which `complete` and `status` replace by the environment recorded with the request (issue 13).
   */
  readonly envChosen?: boolean;
  readonly interaction?: Partial<Interaction>;
}

/** The global options as commander parses them. */
export interface GlobalOptions {
  readonly env?: string;
  readonly keystoreDir?: string;
  readonly card?: string;
}

/**
 * Settings from the global flags and the environment (flags win): `--env` / EHEALTH_CERT_ENV,
 * `--keystore-dir` / EHEALTH_CERT_KEYSTORE_DIR, EHEALTH_CERT_PKCS11_MODULE, SOFTHSM2_CONF,
 * EHEALTH_CERT_ENDPOINT_BASE, EHEALTH_CERT_SIM_STATE_DIR (state folder of the in-process simulator).
 */
export function resolveSettings(options: GlobalOptions, env: Readonly<Record<string, string | undefined>>, cwd: string): CliSettings {
  const chosen = options.env ?? (env['EHEALTH_CERT_ENV'] || undefined);
  const envName = (chosen ?? 'prd').toLowerCase();
  if (!ENVIRONMENTS.includes(envName as Environment)) {
    throw new EhealthCertError('INVALID_INPUT', `environment "${envName}" is not one of prd, acc, sim`, { field: 'env', value: envName });
  }
  // Issue 13: an empty folder setting is a mistake (an unset variable in a script), not "here".
  for (const [name, value] of [['--keystore-dir', options.keystoreDir], ['EHEALTH_CERT_KEYSTORE_DIR', env['EHEALTH_CERT_KEYSTORE_DIR']]] as const) {
    if (value !== undefined && value.trim() === '') {
      throw new EhealthCertError('INVALID_INPUT', `${name} is empty: give the keystore folder, or leave it unset for ~/ehealth/keystore`, { field: name, rule: 'required' });
    }
  }
  const dir = options.keystoreDir ?? env['EHEALTH_CERT_KEYSTORE_DIR'] ?? join(env['HOME'] ?? homedir(), 'ehealth', 'keystore');
  const nonEmpty = (name: string) => (env[name] ? { [name]: env[name] } : {});
  const pkcs11Module = nonEmpty('EHEALTH_CERT_PKCS11_MODULE')['EHEALTH_CERT_PKCS11_MODULE'];
  const softhsmConf = nonEmpty('SOFTHSM2_CONF')['SOFTHSM2_CONF'];
  const endpointBase = nonEmpty('EHEALTH_CERT_ENDPOINT_BASE')['EHEALTH_CERT_ENDPOINT_BASE'];
  const simulatorStateDir = nonEmpty('EHEALTH_CERT_SIM_STATE_DIR')['EHEALTH_CERT_SIM_STATE_DIR'];
  return {
    env: envName as Environment,
    envChosen: chosen !== undefined,
    keystoreDir: isAbsolute(dir) ? dir : resolve(cwd, dir),
    ...(pkcs11Module ? { pkcs11Module } : {}),
    ...(softhsmConf ? { softhsmConf } : {}),
    ...(endpointBase ? { endpointBase } : {}),
    ...(simulatorStateDir ? { simulatorStateDir: resolve(cwd, simulatorStateDir) } : {}),
    ...(options.card ? { cardSerial: options.card } : {}),
    processEnv: env,
  };
}
