import { X509Certificate } from 'node:crypto';
import type { Bytes, ChainTrust, KeyPair } from '@ehealth-cert/core';
import { EhealthCertError } from '@ehealth-cert/core';

function invalid(message: string, details: Record<string, unknown> = {}, cause?: unknown): EhealthCertError {
  return new EhealthCertError('EHEALTH_RESPONSE_INVALID', message, { operation: 'GetCertificate', ...details }, cause === undefined ? {} : { cause });
}

function parse(der: Bytes, index: number): X509Certificate {
  try {
    return new X509Certificate(Buffer.from(der));
  } catch (cause) {
    throw invalid(`certificate ${index} of the issued chain is not DER X.509`, { index }, cause);
  }
}

/** `child` names `issuer` as its issuer and is signed by its key. */
function issuedBy(child: X509Certificate, issuer: X509Certificate): boolean {
  return child.checkIssued(issuer) && child.verify(issuer.publicKey);
}

/**
 * The issued chain (leaf first, root excluded, DOMAIN.md 2.3 GetCertificate) holds our public key,
 * each certificate is signed by the next (always), and the last one is, or is issued by, a trust
 * anchor of the environment (PRD: ZetesConfidens roots; simulator/tests: their CA from
 * configuration) when it has anchors; without any, `no-trust-anchors` (a warning, issue 12 point 5).
 */
export function verifyIssuedChain(chain: readonly Bytes[], keyPair: KeyPair, trustAnchors: readonly Bytes[]): ChainTrust {
  if (chain.length === 0) throw invalid('the issued chain is empty');
  const certs = chain.map(parse);
  const leaf = certs[0] as X509Certificate;
  const leafKey = leaf.publicKey.export({ format: 'der', type: 'spki' });
  if (!Buffer.from(leafKey).equals(Buffer.from(keyPair.publicKey))) {
    throw invalid(`the issued certificate ${leaf.subject.replace(/\n/g, ', ')} does not hold our public key`, { subject: leaf.subject });
  }
  for (let i = 0; i + 1 < certs.length; i++) {
    if (!issuedBy(certs[i] as X509Certificate, certs[i + 1] as X509Certificate)) {
      throw invalid(`certificate ${i} of the issued chain is not signed by certificate ${i + 1}`, { index: i });
    }
  }
  if (trustAnchors.length === 0) return 'no-trust-anchors';
  const last = certs.at(-1) as X509Certificate;
  const anchors = trustAnchors.map((der, index) => parse(der, index));
  const trusted = anchors.some((anchor) => Buffer.from(anchor.raw).equals(Buffer.from(last.raw)) || issuedBy(last, anchor));
  if (!trusted) {
    throw invalid(`the issued chain ends at ${last.issuer.replace(/\n/g, ', ')}, which is not a trust anchor of this environment`, {
      issuer: last.issuer,
      trustAnchors: anchors.map((a) => a.subject),
    });
  }
  return 'anchored';
}
