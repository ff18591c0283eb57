import type { X509Certificate } from 'node:crypto';
import { EhealthRefusal } from '../EhealthRefusal.js';
import type { CertificateFacts } from './readCertificate.js';

/**
 * Checks that `leaf` chains, through the supplied intermediates, to one of `anchors` (DER), and
 * that every certificate on the way is valid at `now` (simulated clock). Throws an
 * EhealthRefusal `UNTRUSTED_CERTIFICATE` otherwise.
 */
export function verifyChain(leaf: CertificateFacts, intermediates: readonly CertificateFacts[], anchors: readonly X509Certificate[], now: Date): void {
  const refuse = (why: string): never => {
    throw new EhealthRefusal('UNTRUSTED_CERTIFICATE', `certificate "${leaf.subjectDn}" is not trusted: ${why}`);
  };
  const pool = intermediates.map((c) => c.x509);
  let current = leaf.x509;
  for (let depth = 0; depth < 6; depth++) {
    if (new Date(current.validFrom) > now || new Date(current.validTo) < now) refuse(`"${current.subject.replace(/\n/g, ', ')}" is not valid on ${now.toISOString()}`);
    const anchor = anchors.find((a) => current.checkIssued(a) && current.verify(a.publicKey));
    if (anchor) return;
    if (anchors.some((a) => a.raw.equals(current.raw))) return;
    const next = pool.find((c) => c !== current && current.checkIssued(c) && current.verify(c.publicKey));
    if (!next) refuse('no issuer among the KeyInfo certificates or the trusted roots');
    current = next as X509Certificate;
  }
  refuse('chain too long');
}
