import { dirname } from 'node:path';
import type { Pkcs11ModuleFactory } from '@ehealth-cert/adapters-eid';
import { PinLockingPkcs11 } from './PinLockingPkcs11.js';

/**
 * The PKCS#11 module factory of a fake card made by provisionFakeEid, named by its SoftHSM
 * configuration file: SoftHSM behind PinLockingPkcs11, so that the card blocks after 3 wrong PINs
 * and can be "pulled out" like an eID (TOOLCHAIN.md 4; SoftHSM alone never blocks).
 */
export function fakeCardModule(softhsmConf: string): Pkcs11ModuleFactory {
  const dir = dirname(softhsmConf);
  return () => new PinLockingPkcs11(dir);
}
