import { constants, createHash, createPrivateKey, generateKeyPairSync, privateDecrypt, webcrypto } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { SignedXml } from 'xml-crypto';
import { keyUsageExtension, buildCertificate } from '../pki/buildCertificate.js';
import { buildName } from '../pki/buildName.js';
import { engine } from '../pki/cryptoEngine.js';
import { readCertificate } from '../pki/readCertificate.js';
import { ECDSA_SHA384, ecdsaSignatureAlgorithms } from '../signature/EcdsaSignatureAlgorithm.js';
import { NS } from '../xml/namespaces.js';

// A deliberately small, test-only client: it builds requests by hand so the simulator is tested
// against its own reading of the XSDs, not against the client package's codec (ARCHITECTURE.md).

/** Namespace declarations every test request carries. */
export const XMLNS = `xmlns:p="${NS.certra}" xmlns:c="${NS.certraCore}" xmlns:cc="${NS.commonsCore}" xmlns:e="${NS.etkra}" xmlns:d="${NS.etkdepot}"`;

let counter = 0;

/** A SOAP envelope around `<prefix:NameRequest Id IssueInstant>inner</...>`. */
export function envelope(qname: string, inner: string, issueInstant = '2026-01-01T00:00:00Z'): { xml: string; id: string } {
  const id = `_req${++counter}`;
  const attrs = qname.startsWith('d:') ? '' : ` Id="${id}" IssueInstant="${issueInstant}"`;
  return { id, xml: `<soapenv:Envelope xmlns:soapenv="${NS.soap}"><soapenv:Body><${qname} ${XMLNS}${attrs}>${inner}</${qname}></soapenv:Body></soapenv:Envelope>` };
}

/** Signs the request with an enveloped signature as DOMAIN.md 2.2 (exc-c14n, rsa-sha256 or ecdsa-sha384, whole chain in KeyInfo). */
export function sign(request: { xml: string; id: string }, privateKeyPem: string, chain: readonly Uint8Array[]): string {
  const ec = createPrivateKey(privateKeyPem).asymmetricKeyType === 'ec';
  const sig = new SignedXml({
    privateKey: privateKeyPem,
    signatureAlgorithm: ec ? ECDSA_SHA384 : 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
    getKeyInfoContent: () => `<ds:X509Data>${chain.map((c) => `<ds:X509Certificate>${Buffer.from(c).toString('base64')}</ds:X509Certificate>`).join('')}</ds:X509Data>`,
  });
  Object.assign(sig.SignatureAlgorithms, ecdsaSignatureAlgorithms);
  sig.addReference({
    xpath: `//*[@Id='${request.id}']`,
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
  });
  sig.computeSignature(request.xml, { prefix: 'ds', location: { reference: `//*[@Id='${request.id}']`, action: 'append' } });
  return sig.getSignedXml();
}

/** A commons ActorType body. */
export function actor(ids: { type: string; value: string }[], firstNames: string[], name: string): string {
  return `${ids.map((i) => `<cc:Id Type="${i.type}">${i.value}</cc:Id>`).join('')}${firstNames.map((f) => `<cc:FirstName>${f}</cc:FirstName>`).join('')}<cc:Name>${name}</cc:Name>`;
}

/** An RSA key pair for a CSR / ETK. */
export function rsaKey(bits = 2048): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('rsa', { modulusLength: bits });
}

async function cryptoKey(k: KeyObject): Promise<webcrypto.CryptoKey> {
  return webcrypto.subtle.importKey('pkcs8', k.export({ format: 'der', type: 'pkcs8' }), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
}

/** A PKCS#10 request for `dn` (RFC 2253), SHA256withRSA, base64 DER. */
export async function csr(dn: string, key: { privateKey: KeyObject; publicKey: KeyObject }): Promise<string> {
  const req = new pkijs.CertificationRequest();
  req.subject = buildName(dn);
  req.subjectPublicKeyInfo = pkijs.PublicKeyInfo.fromBER(Uint8Array.from(key.publicKey.export({ format: 'der', type: 'spki' })));
  req.attributes = [];
  await req.sign(await cryptoKey(key.privateKey), 'SHA-256', engine);
  return Buffer.from(req.toSchema().toBER(false)).toString('base64');
}

/** Solves an ETK challenge (DOMAIN.md 2.5): PKCS#1 v1.5 decrypt (done by hand: Node 20 forbids it), first 16 bytes, check the hash. */
export function solveChallenge(challengeB64: string, key: KeyObject): Buffer {
  const challenge = Buffer.from(challengeB64, 'base64');
  const encrypted = challenge.subarray(0, challenge.length - 32);
  const raw = privateDecrypt({ key, padding: constants.RSA_NO_PADDING }, encrypted);
  if (raw[0] !== 0 || raw[1] !== 2) throw new Error('bad PKCS#1 v1.5 padding');
  const serial = raw.subarray(raw.indexOf(0, 2) + 1).subarray(0, 16);
  if (!createHash('sha256').update(serial).digest().equals(challenge.subarray(challenge.length - 32))) throw new Error('challenge hash mismatch');
  return serial;
}

/** An unsigned big-endian number as minimal DER INTEGER contents (the challenge serial may start with 00). */
function derIntegerBytes(unsigned: Buffer): Uint8Array {
  let i = 0;
  while (i < unsigned.length - 1 && unsigned[i] === 0) i++;
  const trimmed = unsigned.subarray(i);
  return Uint8Array.from((trimmed[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed);
}

/** The encryption certificate of DOMAIN.md 2.5, signed with the auth key; base64 DER. */
export async function encryptionCertificate(authCertB64: string, authKey: KeyObject, encPublic: KeyObject, serial: Buffer): Promise<string> {
  const auth = readCertificate(Buffer.from(authCertB64, 'base64'));
  const der = await buildCertificate({
    subject: auth.pkijs.subject,
    issuer: auth.pkijs.subject,
    subjectPublicKeyInfo: pkijs.PublicKeyInfo.fromBER(Uint8Array.from(encPublic.export({ format: 'der', type: 'spki' }))),
    serial: derIntegerBytes(serial),
    notBefore: auth.notBefore,
    notAfter: auth.notAfter,
    extensions: [keyUsageExtension([2, 3])],
    signingKey: await cryptoKey(authKey),
  });
  return Buffer.from(der).toString('base64');
}

/** The encapsulated content and certificates of an ETK (CMS SignedData), after verifying its signature. */
export async function readEtk(etkB64: string): Promise<{ content: Buffer; certificates: pkijs.Certificate[]; verified: boolean }> {
  const info = pkijs.ContentInfo.fromBER(Uint8Array.from(Buffer.from(etkB64, 'base64')));
  const sd = new pkijs.SignedData({ schema: info.content });
  const content = Buffer.from((sd.encapContentInfo.eContent as asn1js.OctetString).getValue());
  const verified = await sd.verify({ signer: 0, checkChain: false }, engine).then((r) => r === true).catch(() => false);
  return { content, certificates: (sd.certificates ?? []) as pkijs.Certificate[], verified };
}
