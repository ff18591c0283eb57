import type { Element } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { EhealthRefusal } from '../EhealthRefusal.js';
import { readCertificate } from '../pki/readCertificate.js';
import type { CertificateFacts } from '../pki/readCertificate.js';
import { NS } from '../xml/namespaces.js';
import { childElements } from '../xml/parseSoapRequest.js';
import type { SoapRequest } from '../xml/parseSoapRequest.js';
import { ecdsaSignatureAlgorithms } from './EcdsaSignatureAlgorithm.js';

/** A verified enveloped signature: the signing certificate and the rest of KeyInfo's X509Data. */
export interface VerifiedSignature {
  readonly signer: CertificateFacts;
  readonly chain: readonly CertificateFacts[];
}

const ALLOWED_METHODS = new Set([
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256',
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384',
]);

function refuse(message: string): never {
  throw new EhealthRefusal('INVALID_SIGNATURE', message);
}

function descendants(e: Element, ns: string, name: string): Element[] {
  return Array.from(e.getElementsByTagNameNS(ns, name));
}

/**
 * Verifies the enveloped XML signature of a request payload as DOMAIN.md 2.2 describes it:
 * `ds:Signature` is the last child of the payload, one Reference to `#<payload Id>`, the
 * signer's certificate chain in KeyInfo/X509Data. Trust and key usage are checked by the caller.
 */
export function verifyXmlSignature(request: SoapRequest): VerifiedSignature {
  const payload = request.payload;
  const last = childElements(payload).at(-1);
  if (!last || last.namespaceURI !== NS.ds || last.localName !== 'Signature') refuse('the request must end with an enveloped ds:Signature (DOMAIN.md 2.2)');
  const id = payload.getAttribute('Id');
  if (!id) refuse('the signed request has no Id attribute to reference');
  const sameId = Array.from(request.document.getElementsByTagName('*')).filter((e) => e.getAttribute('Id') === id || e.getAttribute('ID') === id);
  if (sameId.length !== 1) refuse(`Id "${id}" must identify exactly one element, found ${sameId.length}`);
  const method = descendants(last, NS.ds, 'SignatureMethod')[0]?.getAttribute('Algorithm') ?? '';
  if (!ALLOWED_METHODS.has(method)) refuse(`SignatureMethod "${method}" is not accepted (rsa-sha256, ecdsa-sha256/384)`);
  const certs = descendants(last, NS.ds, 'X509Certificate').map((c) => {
    try {
      return readCertificate(Buffer.from((c.textContent ?? '').replace(/\s+/g, ''), 'base64'));
    } catch {
      return refuse('KeyInfo holds an X509Certificate that cannot be parsed');
    }
  });
  // The connector lists the whole chain (DOMAIN.md 2.2); the signer is the one end-entity certificate.
  const leaves = certs.filter((c) => !c.keyUsage?.keyCertSign);
  if (leaves.length !== 1) refuse(`KeyInfo/X509Data must hold exactly one end-entity certificate, found ${leaves.length}`);
  const signer = leaves[0] as CertificateFacts;

  const sig = new SignedXml({ publicCert: signer.x509.toString(), getCertFromKeyInfo: () => null });
  Object.assign(sig.SignatureAlgorithms, ecdsaSignatureAlgorithms);
  let valid = false;
  try {
    sig.loadSignature(last as unknown as Parameters<SignedXml['loadSignature']>[0]);
    valid = sig.checkSignature(request.text);
  } catch (e) {
    refuse(`the XML signature does not verify: ${(e as Error).message}`);
  }
  if (!valid) refuse('the XML signature does not verify');
  const refs = sig.getReferences();
  if (refs.length !== 1 || refs[0]?.uri !== `#${id}`) refuse(`the signature must have exactly one Reference, to "#${id}"`);
  if (!refs[0].transforms.includes('http://www.w3.org/2000/09/xmldsig#enveloped-signature')) refuse('the Reference must use the enveloped-signature transform');
  return { signer, chain: certs.filter((c) => c !== signer) };
}
