import { EhealthRefusal } from '../EhealthRefusal.js';
import type { CertificateFacts } from '../pki/readCertificate.js';
import { verifyChain } from '../pki/verifyChain.js';
import { verifyXmlSignature } from '../signature/verifyXmlSignature.js';
import type { Actor, CertificateRecord } from '../state/CertificateRecord.js';
import type { SoapRequest } from '../xml/parseSoapRequest.js';
import { certificateStatus } from './certificateStatus.js';
import type { SimulatorContext } from './SimulatorContext.js';

/** The eID holder who signed a request, read from the signing certificate. */
export interface EidSigner {
  readonly certificate: CertificateFacts;
  readonly ssin: string;
  /** GN (givenName) of the eID certificate. */
  readonly givenName: string;
  /** SN (surname) of the eID certificate. */
  readonly surname: string;
}

/**
 * Verifies a request signed with the eID (DOMAIN.md 2.3): signature valid, chain to the fake
 * Belgian roots, and the right key: `authentication` (digitalSignature, no nonRepudiation) or
 * `signature` (nonRepudiation).
 */
export function requireEidSigner(ctx: SimulatorContext, request: SoapRequest, role: 'authentication' | 'signature'): EidSigner {
  const { signer, chain } = verifyXmlSignature(request);
  const now = ctx.clock.now();
  const issuedByUs = ctx.ehealthAnchors.some((a) => signer.x509.checkIssued(a)) || chain.some((c) => ctx.ehealthAnchors.some((a) => c.x509.checkIssued(a)));
  if (issuedByUs) throw new EhealthRefusal('WRONG_KEY', `this operation must be signed with the eID ${role} key, not an eHealth certificate`);
  verifyChain(signer, chain, ctx.eidAnchors(), now);
  const ku = signer.keyUsage;
  const ok = role === 'signature' ? ku?.nonRepudiation === true : ku?.digitalSignature === true && ku.nonRepudiation !== true;
  if (!ok) throw new EhealthRefusal('WRONG_KEY', `this operation must be signed with the eID ${role} key (${role === 'signature' ? 'nonRepudiation' : 'digitalSignature without nonRepudiation'}), "${signer.subjectDn}" is not it`);
  const ssin = signer.subject.get('2.5.4.5');
  if (!ssin) throw new EhealthRefusal('UNTRUSTED_CERTIFICATE', `eID certificate "${signer.subjectDn}" has no serialNumber (SSIN)`);
  return { certificate: signer, ssin, givenName: signer.subject.get('2.5.4.42') ?? '', surname: signer.subject.get('2.5.4.4') ?? '' };
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Checks that a Signer (ActorType) is the card holder: SSIN, first names and name exactly as on the eID (DOMAIN.md 2.3). */
export function requireSignerMatches(signer: Actor, eid: EidSigner): void {
  const ssin = signer.ids.find((i) => i.type === 'SSIN')?.value;
  if (ssin !== eid.ssin) throw new EhealthRefusal('SIGNER_MISMATCH', `Signer SSIN "${ssin ?? ''}" is not the SSIN of the signing eID "${eid.ssin}"`);
  if (norm(signer.firstNames.join(' ')) !== norm(eid.givenName)) {
    throw new EhealthRefusal('SIGNER_MISMATCH', `Signer FirstName "${signer.firstNames.join(' ')}" is not the given name on the eID "${eid.givenName}"`);
  }
  if (norm(signer.name) !== norm(eid.surname)) throw new EhealthRefusal('SIGNER_MISMATCH', `Signer Name "${signer.name}" is not the surname on the eID "${eid.surname}"`);
}

/**
 * Verifies a request signed with an eHealth authentication certificate this simulator issued
 * (EtkRA, GetCertificateInfoForAuthenticationCertificate) and returns its record.
 */
export function requireEhealthSigner(ctx: SimulatorContext, request: SoapRequest, opts: { mustBeActive: boolean }): CertificateRecord {
  const { signer, chain } = verifyXmlSignature(request);
  const record = ctx.records.get(signer.publicKeyIdentifier);
  if (!record || record.certificate !== signer.der.toString('base64')) {
    const eid = ctx.eidAnchors().length > 0 && (() => {
      try {
        verifyChain(signer, chain, ctx.eidAnchors(), ctx.clock.now());
        return true;
      } catch {
        return false;
      }
    })();
    if (eid) throw new EhealthRefusal('WRONG_KEY', 'this operation must be signed with the eHealth authentication certificate, not the eID');
    throw new EhealthRefusal('UNTRUSTED_CERTIFICATE', `"${signer.subjectDn}" is not an authentication certificate issued by this platform`);
  }
  verifyChain(signer, chain, ctx.ehealthAnchors, new Date(record.notBefore ?? ctx.clock.now()));
  const status = certificateStatus(record, ctx.clock.now());
  if (opts.mustBeActive && status !== 'VALID_ACTIVE') {
    throw new EhealthRefusal(status === 'REVOKED' ? 'CERTIFICATE_REVOKED' : 'CERTIFICATE_NOT_ACTIVE', `the signing authentication certificate is ${status}`);
  }
  return record;
}
