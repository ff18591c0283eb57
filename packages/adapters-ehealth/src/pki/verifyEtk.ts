import type { Bytes, EtkSummary } from '@ehealth-cert/core';
import { EhealthCertError } from '@ehealth-cert/core';
import * as asn1js from 'asn1js';
import { ContentInfo, SignedData } from 'pkijs';
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

/**
 * Parses an ETK (CMS SignedData, DOMAIN.md 2.5), verifies its signature with the signer
 * certificate it carries, extracts the encapsulated encryption certificate and, when
 * `expectedCertificate` is given, checks it is byte-for-byte ours.
 */
export async function verifyEtk(etk: Bytes, expectedCertificate?: Bytes): Promise<EtkSummary> {
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
  const summary = describeCertificate(certificate);
  if (expectedCertificate !== undefined && !Buffer.from(certificate).equals(Buffer.from(expectedCertificate))) {
    throw new EhealthCertError('EHEALTH_RESPONSE_INVALID', `the ETK holds the encryption certificate ${summary.serialNumber}, not ours`, {
      operation: 'CompleteETKRegistration',
      serialNumber: summary.serialNumber,
    });
  }
  return { encryptionCertificate: certificate, serialNumber: summary.serialNumber, subject: summary.subject };
}
