import { EhealthCertError } from '@ehealth-cert/core';
import type { Pkcs11Module, Pkcs11ModuleFactory } from './Pkcs11Module.js';
import { pkcs11InstallHint, pkcs11ModuleCandidates } from './pkcs11ModuleCandidates.js';

/** Where to look for the PKCS#11 module: an explicit path wins over discovery (DOMAIN.md 6). */
export interface ModuleLocation {
  /** From settings or EHEALTH_CERT_PKCS11_MODULE; when set, it is the only path tried. */
  readonly path?: string;
  readonly platform: NodeJS.Platform;
}

/**
 * Loads and initialises the first module that loads; PKCS11_MODULE_NOT_FOUND lists every path
 * tried and what to install. The caller must `C_Finalize` and `close` it.
 */
export function loadPkcs11Module(factory: Pkcs11ModuleFactory, location: ModuleLocation): Pkcs11Module {
  const paths = location.path ? [location.path] : pkcs11ModuleCandidates(location.platform);
  const failures: string[] = [];
  for (const path of paths) {
    const module = factory();
    try {
      module.load(path);
    } catch (error) {
      // dlopen's message usually starts with the path already: keep one copy of it per line.
      const reason = (error instanceof Error ? error.message.split('\n')[0]! : String(error)).replace(`${path}: `, '');
      failures.push(`${path}: ${reason}`);
      continue;
    }
    try {
      module.C_Initialize();
    } catch (error) {
      module.close();
      const reason = error instanceof Error ? `: ${error.message.split('\n')[0]!}` : '';
      throw new EhealthCertError('CARD_ERROR', `The PKCS#11 module ${path} loaded but C_Initialize failed${reason}.`, { path }, { cause: error });
    }
    return module;
  }
  throw new EhealthCertError(
    'PKCS11_MODULE_NOT_FOUND',
    `No PKCS#11 module for the eID could be loaded. Tried:\n  ${failures.join('\n  ')}\nTo fix: ${pkcs11InstallHint(location.platform)}.`,
    { tried: paths },
  );
}
