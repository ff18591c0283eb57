import { X509Certificate } from 'node:crypto';
import type { Bytes, ChainTrust, EtkSummary } from '@ehealth-cert/core';
import { EhealthCertError } from '@ehealth-cert/core';
import * as asn1js from 'asn1js';
import { Certificate, ContentInfo, IssuerAndSerialNumber, SignedData } from 'pkijs';
import { describeCertificate } from './describeCertificate.js';
import { toArrayBuffer } from './fromBerOrThrow.js';
import { engine } from './pkijsEngine.js';

/** id-signedData (RFC 5652 5.1). */
const SIGNED_DATA = '1.2.840.113549.1.7.2';

function invalid(rule: string, cause?: unknown): EhealthCertError {
  return new EhealthCertError('EHEALTH_RESPONSE_INVALID', `the ETK ${rule}`, { operation: 'CompleteETKRegistration' }, cause === undefined ? {} : { cause });
}

/** The eContent octets, also when BER cut them into a constructed OCTET STRING (the ETK is BER, DOMAIN.md 2.5). */
function contentOctets(content: asn1js.OctetString): Uint8Array {
  if (!content.idBlock.isConstructed) return new Uint8Array(content.valueBlock.valueHexView);
  return Buffer.concat(content.valueBlock.value.map((chunk) => contentOctets(chunk as asn1js.OctetString)));
}

/** `child` names `issuer` as its issuer and is signed by its key. */
function issuedBy(child: X509Certificate, issuer: X509Certificate): boolean {
  return child.checkIssued(issuer) && child.verify(issuer.publicKey);
}

/**
 * The signer certificate reaches a trust anchor: it is one, is issued by one, or is issued by a
 * certificate the ETK carries that does (at most 5 links). Our own rule (issue 12): without it,
 * an ETK signed by any key would pass (pkijs `checkChain: false` checks only the signature).
 */
function signerChainsTo(signer: X509Certificate, carried: readonly X509Certificate[], anchors: readonly X509Certificate[]): boolean {
  let current = signer;
  for (let depth = 0; depth < 5; depth++) {
    if (anchors.some((anchor) => anchor.raw.equals(current.raw) || issuedBy(current, anchor))) return true;
    const next = carried.find((candidate) => !candidate.raw.equals(current.raw) && issuedBy(current, candidate));
    if (next === undefined) return false;
    current = next;
  }
  return false;
}

/** The certificate named by the first SignerInfo's IssuerAndSerialNumber, among those the ETK carries. */
function signerCertificate(signed: SignedData): Certificate | undefined {
  const sid = signed.signerInfos[0]?.sid;
  if (!(sid instanceof IssuerAndSerialNumber)) return undefined;
  return (signed.certificates ?? []).find(
    (c): c is Certificate => c instanceof Certificate && c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber),
  );
}

/**
 * Parses an ETK (CMS SignedData, DOMAIN.md 2.5), verifies its signature with the signer
 * certificate it carries, extracts the encapsulated encryption certificate and, when
 * `expectedCertificate` is given, checks it is byte-for-byte ours. With `trustAnchors` (the
 * environment's eHealth roots) the signer must chain to one of them (`signerTrust: 'anchored'`);
 * with none known, `no-trust-anchors`.
 */
export async function verifyEtk(etk: Bytes, expectedCertificate?: Bytes, trustAnchors: readonly Bytes[] = []): Promise<EtkSummary> {
  const asn1 = asn1js.fromBER(toArrayBuffer(etk));
  if (asn1.offset === -1) throw invalid('is not BER');
  let signed: SignedData;
  try {
    const info = new ContentInfo({ schema: asn1.result });
    if (info.contentType !== SIGNED_DATA) throw invalid(`has content type ${info.contentType}, not SignedData`);
    signed = new SignedData({ schema: info.content });
  } catch (cause) {
    if (EhealthCertError.is(cause)) throw cause;
    throw invalid('is not a CMS ContentInfo with SignedData', cause);
  }
  const content = signed.encapContentInfo.eContent;
  if (!content) throw invalid('has no encapsulated content');
  const certificate = contentOctets(content);
  let verified: boolean;
  try {
    verified = (await signed.verify({ signer: 0, checkChain: false, extendedMode: false }, engine)) as boolean;
  } catch (cause) {
    throw invalid('signature does not verify', cause);
  }
  if (!verified) throw invalid('signature does not verify');
  let signerTrust: ChainTrust = 'no-trust-anchors';
  if (trustAnchors.length > 0) {
    const signerCert = signerCertificate(signed);
    if (signerCert === undefined) throw invalid('does not carry its signer certificate');
    const toNode = (c: Certificate) => new X509Certificate(Buffer.from(c.toSchema().toBER(false)));
    const carried = (signed.certificates ?? []).filter((c): c is Certificate => c instanceof Certificate).map(toNode);
    const signer = toNode(signerCert);
    if (!signerChainsTo(signer, carried, trustAnchors.map((der) => new X509Certificate(Buffer.from(der))))) {
      throw new EhealthCertError(
        'EHEALTH_RESPONSE_INVALID',
        `the ETK is signed by ${signer.subject.replace(/\n/g, ', ')}, which does not chain to an eHealth root of this environment`,
        { operation: 'CompleteETKRegistration', signer: signer.subject.replace(/\n/g, ', '), issuer: signer.issuer.replace(/\n/g, ', ') },
      );
    }
    signerTrust = 'anchored';
  }
  const summary = describeCertificate(certificate);
  if (expectedCertificate !== undefined && !Buffer.from(certificate).equals(Buffer.from(expectedCertificate))) {
    throw new EhealthCertError('EHEALTH_RESPONSE_INVALID', `the ETK holds the encryption certificate ${summary.serialNumber}, not ours`, {
      operation: 'CompleteETKRegistration',
      serialNumber: summary.serialNumber,
    });
  }
  return { encryptionCertificate: certificate, serialNumber: summary.serialNumber, subject: summary.subject, signerTrust };
}
