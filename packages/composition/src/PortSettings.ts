import type { Clock, KeystoreEnvironment } from '@ehealth-cert/core';

/**
 * What every front end knows when its adapters are built: the one settings type of createPorts.
 * The CLI's and the API's settings extend it with what is their own (interaction, HTTP).
 */
export interface PortSettings {
  /** eHealth environment (manual step 1: PRODUCTION or ACCEPTATION; `sim` for the simulator). */
  readonly env: KeystoreEnvironment;
  /** Keystore folder (DOMAIN.md 3: `~/ehealth/keystore` by default). */
  readonly keystoreDir: string;
  /** PKCS#11 library; default the discovery list of the eID adapter (beid, OpenSC). */
  readonly pkcs11Module?: string;
  /** SoftHSM2 configuration of a fake card; put in process.env before the module is initialised. */
  readonly softhsmConf?: string;
  /** Token serial of the card when several are inserted (`--card`). */
  readonly cardSerial?: string;
  /** eHealth base URL instead of the published hosts: in env `sim`, a loopback simulator (`ehealth-sim serve`). */
  readonly endpointBase?: string;
  /** Folder of the in-process simulator's state (EHEALTH_CERT_SIM_STATE_DIR); default `<keystoreDir>/.ehealth-sim`. */
  readonly simulatorStateDir?: string;
  /** The clock of the adapters (tests); default the simulator's in env `sim`, else the system's. */
  readonly clock?: Clock;
  /** The process environment the adapters read (EHEALTH_CERT_*); default process.env. */
  readonly processEnv?: Readonly<Record<string, string | undefined>>;
}
