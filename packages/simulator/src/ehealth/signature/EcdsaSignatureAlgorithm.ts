import { sign, verify } from 'node:crypto';
import type { KeyLike, BinaryLike } from 'node:crypto';
import type { SignatureAlgorithm, SignatureAlgorithmType } from 'xml-crypto';

/**
 * XML-DSig ECDSA (RFC 4051 section 2.3.6): the SignatureValue is raw r||s (IEEE P1363), not DER,
 * which is also what an eID applet 1.8 card returns (DOMAIN.md 2.2). xml-crypto 6 has no ECDSA.
 */
function ecdsa(hash: 'sha256' | 'sha384', uri: string): new () => SignatureAlgorithm {
  return class implements SignatureAlgorithm {
    getSignature = ((signedInfo: BinaryLike, privateKey: KeyLike) =>
      sign(hash, Buffer.from(signedInfo as string), { key: privateKey as string, dsaEncoding: 'ieee-p1363' }).toString('base64')) as SignatureAlgorithm['getSignature'];
    verifySignature = ((material: string, key: KeyLike, signatureValue: string) =>
      verify(hash, Buffer.from(material), { key: key as string, dsaEncoding: 'ieee-p1363' }, Buffer.from(signatureValue, 'base64'))) as SignatureAlgorithm['verifySignature'];
    getAlgorithmName = (): SignatureAlgorithmType => uri as SignatureAlgorithmType;
  };
}

/** `http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384`. */
export const ECDSA_SHA384 = 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384';
/** `http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256`. */
export const ECDSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256';

/** The ECDSA algorithms to register in `SignedXml.SignatureAlgorithms`. */
export const ecdsaSignatureAlgorithms: Record<string, new () => SignatureAlgorithm> = {
  [ECDSA_SHA384]: ecdsa('sha384', ECDSA_SHA384),
  [ECDSA_SHA256]: ecdsa('sha256', ECDSA_SHA256),
};
