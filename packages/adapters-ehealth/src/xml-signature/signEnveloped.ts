import { createHash, randomUUID } from 'node:crypto';
import type { SignatureAlgorithm, Signer } from '@ehealth-cert/core';
import { EhealthCertError } from '@ehealth-cert/core';
import type { Element } from '@xmldom/xmldom';
import { ExclusiveCanonicalization } from 'xml-crypto';
import { NS } from '../soap/Namespaces.js';
import type { XmlBuilder } from '../soap/XmlBuilder.js';

/** Algorithm URIs of the eHealth signature profile (DOMAIN.md 2.2). */
export const XMLDSIG = {
  excC14n: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  enveloped: 'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
  sha256: 'http://www.w3.org/2001/04/xmlenc#sha256',
  rsaSha256: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  ecdsaSha256: 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256',
  ecdsaSha384: 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384',
} as const;

/**
 * The SignatureMethod of an EC key. `ecdsa-sha256` is the connector's default for every EC
 * credential (connector 4.7.3 XmlSignatureBuilder.determineDefaultAlgo: "EC" ->
 * xmldsig-more#ecdsa-sha256), so it is ours; `ecdsa-sha384` only when asked
 * (EHEALTH_CERT_ECDSA_SIGNATURE_METHOD=ecdsa-sha384).
 */
export type EcdsaSignatureMethod = 'ecdsa-sha256' | 'ecdsa-sha384';

export const DEFAULT_ECDSA_SIGNATURE_METHOD: EcdsaSignatureMethod = 'ecdsa-sha256';

/** Exclusive XML canonicalisation (no comments, no InclusiveNamespaces) by xml-crypto. */
export function excC14n(element: Element): string {
  return new ExclusiveCanonicalization().process(element as never, {});
}

/**
 * Appends an enveloped XML-DSig `ds:Signature` as the last child of `request` (DOMAIN.md 2.2): one
 * Reference to `#Id` with enveloped + exc-c14n transforms, SHA-256 digest, exc-c14n SignedInfo,
 * rsa-sha256, or for EC keys ecdsa-sha256 (default, as the connector) or ecdsa-sha384 (raw r||s
 * from the Signer is already the XML-DSig form, RFC 4051 3.3), Signature Id `xmldsig-<uuid>`, KeyInfo/X509Data with the signer's whole chain.
 */
export async function signEnveloped(
  builder: XmlBuilder,
  request: Element,
  signer: Signer,
  ecdsaMethod: EcdsaSignatureMethod = DEFAULT_ECDSA_SIGNATURE_METHOD,
): Promise<Element> {
  const algorithm: SignatureAlgorithm = signer.algorithm === 'RSA-SHA256' ? 'RSA-SHA256' : ecdsaMethod === 'ecdsa-sha384' ? 'ECDSA-SHA384' : 'ECDSA-SHA256';
  const methodUri = { 'RSA-SHA256': XMLDSIG.rsaSha256, 'ECDSA-SHA256': XMLDSIG.ecdsaSha256, 'ECDSA-SHA384': XMLDSIG.ecdsaSha384 }[algorithm];
  const id = request.getAttribute('Id');
  if (!id) throw new EhealthCertError('INTERNAL', `${request.localName} has no Id to sign`, { element: request.localName });
  if (signer.certificateChain.length === 0) {
    throw new EhealthCertError('INVALID_INPUT', `the ${signer.role} signer has no certificate chain; KeyInfo needs one`, { role: signer.role });
  }
  // The enveloped transform removes the Signature, so the digest is over the request as it is now.
  const digest = createHash('sha256').update(excC14n(request), 'utf8').digest('base64');
  const ds = (name: string, attributes: Record<string, string | undefined> = {}, ...children: Parameters<XmlBuilder['el']>[3][]) =>
    builder.el(NS.ds, name, attributes, ...children);
  const signedInfo = ds(
    'SignedInfo',
    {},
    ds('CanonicalizationMethod', { Algorithm: XMLDSIG.excC14n }),
    ds('SignatureMethod', { Algorithm: methodUri }),
    ds(
      'Reference',
      { URI: `#${id}` },
      ds('Transforms', {}, ds('Transform', { Algorithm: XMLDSIG.enveloped }), ds('Transform', { Algorithm: XMLDSIG.excC14n })),
      ds('DigestMethod', { Algorithm: XMLDSIG.sha256 }),
      ds('DigestValue', {}, digest),
    ),
  );
  const signatureValue = ds('SignatureValue');
  const signature = ds(
    'Signature',
    { Id: `xmldsig-${randomUUID()}` },
    signedInfo,
    signatureValue,
    ds('KeyInfo', {}, ds('X509Data', {}, ...signer.certificateChain.map((der) => ds('X509Certificate', {}, Buffer.from(der).toString('base64'))))),
  );
  builder.declare(signature, [NS.ds]);
  request.appendChild(signature);
  // SignedInfo is canonicalised in place, inside the document, as a verifier will do.
  const value = await signer.sign(new Uint8Array(Buffer.from(excC14n(signedInfo), 'utf8')), algorithm);
  signatureValue.appendChild(builder.doc.createTextNode(Buffer.from(value).toString('base64')));
  return signature;
}
