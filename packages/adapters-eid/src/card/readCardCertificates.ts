import { EhealthCertError, type Bytes } from '@ehealth-cert/core';
import type pkcs11js from 'pkcs11js';
import type { Pkcs11Module } from '../pkcs11/Pkcs11Module.js';
import { readCertificate } from '../pkcs11/findObjects.js';

/** The public certificates of an eID card: the two holder leaves, the Citizen CA and the Root. */
export interface CardCertificates {
  /** Leaf, Citizen CA, Root (DER). */
  readonly authenticationChain: readonly Bytes[];
  readonly signatureChain: readonly Bytes[];
}

/** Reads the certificates by their card labels (DOMAIN.md 6 "Objects"); public, so no PIN. */
export function readCardCertificates(module: Pkcs11Module, session: pkcs11js.Handle): CardCertificates {
  const read = (label: string): Bytes => {
    const der = readCertificate(module, session, label);
    if (!der) {
      throw new EhealthCertError('CARD_ERROR', `The eID card has no certificate labelled "${label}" (expected Authentication, Signature, CA and Root).`, { label });
    }
    return der;
  };
  const ca = read('CA');
  const root = read('Root');
  return {
    authenticationChain: [read('Authentication'), ca, root],
    signatureChain: [read('Signature'), ca, root],
  };
}
