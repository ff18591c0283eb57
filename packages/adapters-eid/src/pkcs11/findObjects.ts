import pkcs11js from 'pkcs11js';
import type { Pkcs11Module } from './Pkcs11Module.js';

/** All objects matching `template` (C_FindObjectsInit / C_FindObjects / C_FindObjectsFinal). */
export function findObjects(module: Pkcs11Module, session: pkcs11js.Handle, template: pkcs11js.Template): pkcs11js.Handle[] {
  module.C_FindObjectsInit(session, template);
  try {
    const found: pkcs11js.Handle[] = [];
    for (;;) {
      const batch = module.C_FindObjects(session, 16);
      if (batch.length === 0) return found;
      found.push(...batch);
    }
  } finally {
    module.C_FindObjectsFinal(session);
  }
}

/** The DER value of the X.509 certificate object with this label (DOMAIN.md 6 "Objects"), if any. */
export function readCertificate(module: Pkcs11Module, session: pkcs11js.Handle, label: string): Uint8Array | undefined {
  const [handle] = findObjects(module, session, [
    { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_CERTIFICATE },
    { type: pkcs11js.CKA_LABEL, value: label },
  ]);
  if (handle === undefined) return undefined;
  const [attribute] = module.C_GetAttributeValue(session, handle, [{ type: pkcs11js.CKA_VALUE }]);
  return attribute ? new Uint8Array(attribute.value) : undefined;
}
