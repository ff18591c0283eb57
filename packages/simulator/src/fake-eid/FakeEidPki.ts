import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { FAKE_PKI_MATERIAL } from './FakePkiMaterial.js';

/** Card generations the simulator makes: applet 1.7 (RSA 2048) and 1.8 (EC P-384), DOMAIN.md 6. */
export type FakeEidGeneration = 'rsa2048' | 'ecp384';

/** The fake Citizen CA and Root of one generation, with the CA key that signs holder certificates. */
export interface FakeEidIssuer {
  readonly rootCertificate: Uint8Array;
  readonly citizenCaCertificate: Uint8Array;
  readonly citizenCaKey: KeyObject;
}

function der(pem: string): Uint8Array {
  return new Uint8Array(new X509Certificate(pem).raw);
}

/** The committed TEST PKI for a card generation (RSA cards under "CA4", EC cards under "CA6"). */
export function fakeEidIssuer(generation: FakeEidGeneration): FakeEidIssuer {
  const material = FAKE_PKI_MATERIAL[generation === 'rsa2048' ? 'rsa' : 'ec'];
  return {
    rootCertificate: der(material.rootCertificate),
    citizenCaCertificate: der(material.citizenCaCertificate),
    citizenCaKey: createPrivateKey(material.citizenCaKey),
  };
}

/** DER of the fake eID roots ("TEST Belgium Root CA4" and "CA6"), for a simulator that trusts them. */
export function fakeEidTrustAnchors(): Uint8Array[] {
  return [der(FAKE_PKI_MATERIAL.rsa.rootCertificate), der(FAKE_PKI_MATERIAL.ec.rootCertificate)];
}

/** DER of the fake Citizen CAs (RSA under CA4, EC under CA6). */
export function fakeEidCaCertificates(): Uint8Array[] {
  return [der(FAKE_PKI_MATERIAL.rsa.citizenCaCertificate), der(FAKE_PKI_MATERIAL.ec.citizenCaCertificate)];
}
