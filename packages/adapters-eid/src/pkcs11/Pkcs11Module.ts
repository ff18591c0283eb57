import pkcs11js from 'pkcs11js';

/**
 * The part of a pkcs11js `PKCS11` instance that the adapter uses: the seam where a test double
 * (e.g. the simulator's PIN-locking wrapper around SoftHSM, TOOLCHAIN.md 4) sits.
 */
export type Pkcs11Module = Pick<
  pkcs11js.PKCS11,
  | 'load'
  | 'close'
  | 'C_Initialize'
  | 'C_Finalize'
  | 'C_GetSlotList'
  | 'C_GetTokenInfo'
  | 'C_OpenSession'
  | 'C_CloseSession'
  | 'C_Login'
  | 'C_Logout'
  | 'C_FindObjectsInit'
  | 'C_FindObjects'
  | 'C_FindObjectsFinal'
  | 'C_GetAttributeValue'
  | 'C_SignInit'
  | 'C_SignAsync'
>;

/** Makes a fresh, unloaded module; called once per card operation. */
export type Pkcs11ModuleFactory = () => Pkcs11Module;

/** The real thing: a new pkcs11js `PKCS11` (pkcs11js is CJS: default import, TOOLCHAIN.md 4). */
export const pkcs11jsModuleFactory: Pkcs11ModuleFactory = () => new pkcs11js.PKCS11();
