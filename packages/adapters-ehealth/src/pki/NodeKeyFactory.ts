import { generateKeyPair as generateNodeKeyPair } from 'node:crypto';
import { promisify } from 'node:util';
import type { Bytes, CertificateSummary, ChainTrust, EtkSummary, KeyFactory, KeyPair, Signer } from '@ehealth-cert/core';
import { EhealthCertError } from '@ehealth-cert/core';
import { createCsr } from './createCsr.js';
import { createEncryptionCertificate, type EncryptionCertificateInput } from './createEncryptionCertificate.js';
import { createPlaceholderCertificate } from '../keystore/PlaceholderCertificate.js';
import { decryptChallenge } from './decryptChallenge.js';
import { describeCertificate } from './describeCertificate.js';
import { publicKeyIdentifierOfSpki } from './publicKeyIdentifier.js';
import { SoftwareSigner } from './SoftwareSigner.js';
import { knownTrustAnchors, type TrustAnchorOptions } from './trustAnchors.js';
import { verifyEtk } from './verifyEtk.js';
import { verifyIssuedChain } from './verifyIssuedChain.js';

const generate = promisify(generateNodeKeyPair);

/**
 * Options of NodeKeyFactory: where issued chains must end. Without any, the production eHealth
 * roots; `trustAnchorsFor(env, process.env)` gives the front ends' settings.
 */
export type NodeKeyFactoryOptions = TrustAnchorOptions;

export { prdTrustAnchors, trustAnchorsFor, TRUST_ANCHORS_VARIABLE, type TrustAnchorOptions } from './trustAnchors.js';

/** KeyFactory on node:crypto + pkijs (DOMAIN.md 2.4-2.5). */
export class NodeKeyFactory implements KeyFactory {
  constructor(private readonly options: NodeKeyFactoryOptions = {}) {}

  /** RSA-2048, e = 65537 (DOMAIN.md 2.4 item 8). */
  async generateKeyPair(): Promise<KeyPair> {
    const { privateKey, publicKey } = await generate('rsa', {
      modulusLength: 2048,
      publicExponent: 0x10001,
      privateKeyEncoding: { format: 'der', type: 'pkcs8' },
      publicKeyEncoding: { format: 'der', type: 'spki' },
    });
    return { privateKey: new Uint8Array(privateKey), publicKey: new Uint8Array(publicKey) };
  }

  async publicKeyIdentifier(publicKey: Bytes): Promise<string> {
    return publicKeyIdentifierOfSpki(publicKey);
  }

  async createCsr(keyPair: KeyPair, dn: string): Promise<Bytes> {
    return createCsr(keyPair, dn);
  }

  /** `C=Dummy`, serial 0, valid one minute starting 24 h before `now` (DOMAIN.md 2.4 item 9): the keystore writer's own. */
  async createPlaceholderCertificate(keyPair: KeyPair, now: Date): Promise<Bytes> {
    return new Uint8Array(createPlaceholderCertificate(keyPair.privateKey, keyPair.publicKey, now));
  }

  describeCertificate(certificate: Bytes): CertificateSummary {
    return describeCertificate(certificate);
  }

  /**
   * Anchors resolved at each completion: an unreadable PEM file fails here, not at start-up; an
   * environment without anchors (acc without EHEALTH_CERT_TRUST_ANCHORS) gives `no-trust-anchors`.
   */
  async verifyIssuedChain(chain: readonly Bytes[], keyPair: KeyPair): Promise<ChainTrust> {
    return verifyIssuedChain(chain, keyPair, await knownTrustAnchors(this.options));
  }

  async decryptChallenge(encryptionKey: KeyPair, challenge: Bytes): Promise<string> {
    return decryptChallenge(encryptionKey, challenge);
  }

  async createEncryptionCertificate(input: EncryptionCertificateInput): Promise<Bytes> {
    return createEncryptionCertificate(input);
  }

  /** The ETK's signer must chain to the same anchors as the issued certificates (issue 12). */
  async verifyEtk(etk: Bytes, expectedCertificate: Bytes): Promise<EtkSummary> {
    return verifyEtk(etk, expectedCertificate, await knownTrustAnchors(this.options));
  }

  softwareSigner(keyPair: KeyPair, certificateChain: readonly Bytes[]): Signer {
    if (certificateChain.length === 0) {
      throw new EhealthCertError('INVALID_INPUT', 'certificateChain is empty; the eHealth signer needs its chain for KeyInfo', { field: 'certificateChain' });
    }
    return new SoftwareSigner(keyPair.privateKey, certificateChain, 'ehealth-authentication');
  }
}
