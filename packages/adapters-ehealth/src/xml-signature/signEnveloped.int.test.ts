import { X509Certificate } from 'node:crypto';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';
import { certraOperation } from '../certra/certraOperations.js';
import { idType } from '../certra/certraWriters.js';
import { EhealthSoapClient } from '../soap/EhealthSoapClient.js';
import { NS } from '../soap/Namespaces.js';
import { SoapTransport } from '../soap/SoapTransport.js';
import { makeTestSigner, type TestSigner } from '../test-support/testSigners.js';
import { validateBodyPayload } from '../test-support/xmllint.js';
import { xmlsecVerify } from '../test-support/xmlsec.js';
import type { SoftwareSigner } from '../pki/SoftwareSigner.js';

const client = new EhealthSoapClient(new SoapTransport(), { now: () => new Date('2026-11-29T06:00:00Z') });
const op = certraOperation('GetActorQualities', 'https://ehealth.test/CertRa/v2');
const build = (signer: SoftwareSigner) => client.build(op, (b) => idType(b, NS.certraProtocol, 'SSIN', { type: 'SSIN', value: '71715100070' }), signer);

let rsa: TestSigner;
let ec: TestSigner;
let intermediate: TestSigner;

beforeAll(async () => {
  [rsa, ec, intermediate] = await Promise.all([makeTestSigner('rsa', 'authentication'), makeTestSigner('ec', 'authentication'), makeTestSigner('rsa', 'authentication', '/CN=Citizen CA')]);
});

function request(envelope: string): Element {
  return new DOMParser().parseFromString(envelope, 'text/xml').getElementsByTagNameNS(NS.certraProtocol, 'GetActorQualitiesRequest')[0] as Element;
}

describe('signEnveloped (DOMAIN.md 2.2)', () => {
  it('writes the eHealth profile: last child, one Reference to #Id, enveloped then exc-c14n, sha256, Id xmldsig-<uuid>', async () => {
    const built = await build(rsa.signer);
    const element = request(built.envelope);
    expect(element.getAttribute('Id')).toMatch(/^_[0-9a-f-]{36}$/);
    expect(element.getAttribute('IssueInstant')).toBe('2026-11-29T06:00:00.000Z');
    const signature = element.lastChild as Element;
    expect(signature.localName).toBe('Signature');
    expect(signature.namespaceURI).toBe(NS.ds);
    expect(signature.getAttribute('Id')).toMatch(/^xmldsig-[0-9a-f-]{36}$/);
    const algorithms = (name: string) => Array.from(signature.getElementsByTagNameNS(NS.ds, name)).map((e) => e.getAttribute('Algorithm'));
    expect(algorithms('CanonicalizationMethod')).toEqual(['http://www.w3.org/2001/10/xml-exc-c14n#']);
    expect(algorithms('SignatureMethod')).toEqual(['http://www.w3.org/2001/04/xmldsig-more#rsa-sha256']);
    expect(algorithms('Transform')).toEqual(['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#']);
    expect(algorithms('DigestMethod')).toEqual(['http://www.w3.org/2001/04/xmlenc#sha256']);
    const references = signature.getElementsByTagNameNS(NS.ds, 'Reference');
    expect(references.length).toBe(1);
    expect(references[0]?.getAttribute('URI')).toBe(`#${built.id}`);
    await validateBodyPayload(built.envelope);
  });

  it('EC P-384 key: ecdsa-sha256 by default, as the connector (SHA-256 digest, raw r||s), and xmlsec1 verifies it (issue 12 point 1)', async () => {
    const built = await build(ec.signer);
    const signature = request(built.envelope).lastChild as Element;
    expect(signature.getElementsByTagNameNS(NS.ds, 'SignatureMethod')[0]?.getAttribute('Algorithm')).toBe('http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256');
    expect(Buffer.from(signature.getElementsByTagNameNS(NS.ds, 'SignatureValue')[0]?.textContent ?? '', 'base64')).toHaveLength(96);
    await xmlsecVerify(built.envelope, 'GetActorQualitiesRequest', NS.certraProtocol, ec.certPem);
    await validateBodyPayload(built.envelope);
    // The value is over SHA-256: it verifies as ecdsa-sha256 and not as ecdsa-sha384.
    const forged = built.envelope.replace('xmldsig-more#ecdsa-sha256', 'xmldsig-more#ecdsa-sha384');
    await expect(xmlsecVerify(forged, 'GetActorQualitiesRequest', NS.certraProtocol, ec.certPem)).rejects.toThrowError(/xmlsec1/);
  });

  it('EC P-384 key: ecdsa-sha384 when asked, and xmlsec1 verifies it', async () => {
    const sha384 = new EhealthSoapClient(new SoapTransport(), { now: () => new Date('2026-11-29T06:00:00Z') }, 'ecdsa-sha384');
    const built = await sha384.build(op, (b) => idType(b, NS.certraProtocol, 'SSIN', { type: 'SSIN', value: '71715100070' }), ec.signer);
    const signature = request(built.envelope).lastChild as Element;
    expect(signature.getElementsByTagNameNS(NS.ds, 'SignatureMethod')[0]?.getAttribute('Algorithm')).toBe('http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384');
    expect(Buffer.from(signature.getElementsByTagNameNS(NS.ds, 'SignatureValue')[0]?.textContent ?? '', 'base64')).toHaveLength(96);
    await xmlsecVerify(built.envelope, 'GetActorQualitiesRequest', NS.certraProtocol, ec.certPem);
    await validateBodyPayload(built.envelope);
  });

  it('an RSA key signs rsa-sha256 whatever the EC option says', async () => {
    const sha384 = new EhealthSoapClient(new SoapTransport(), { now: () => new Date('2026-11-29T06:00:00Z') }, 'ecdsa-sha384');
    const built = await sha384.build(op, (b) => idType(b, NS.certraProtocol, 'SSIN', { type: 'SSIN', value: '71715100070' }), rsa.signer);
    expect(built.envelope).toContain('xmldsig-more#rsa-sha256');
    await xmlsecVerify(built.envelope, 'GetActorQualitiesRequest', NS.certraProtocol, rsa.certPem);
  });

  it('lists every certificate of the signer chain in one X509Data', async () => {
    const chain = [...rsa.signer.certificateChain, ...intermediate.signer.certificateChain];
    const signer = Object.assign(Object.create(Object.getPrototypeOf(rsa.signer) as object) as SoftwareSigner, rsa.signer, { certificateChain: chain });
    const built = await build(signer);
    const data = request(built.envelope).getElementsByTagNameNS(NS.ds, 'X509Data');
    expect(data.length).toBe(1);
    const certs = Array.from(data[0]?.getElementsByTagNameNS(NS.ds, 'X509Certificate') ?? []).map((e) => new X509Certificate(Buffer.from(e.textContent ?? '', 'base64')).subject);
    expect(certs).toEqual(chain.map((der) => new X509Certificate(Buffer.from(der)).subject));
    await xmlsecVerify(built.envelope, 'GetActorQualitiesRequest', NS.certraProtocol, rsa.certPem);
  });

  it('fails xmlsec1 verification once the signed content is changed', async () => {
    const built = await build(rsa.signer);
    await xmlsecVerify(built.envelope, 'GetActorQualitiesRequest', NS.certraProtocol, rsa.certPem);
    const tampered = built.envelope.replace('71715100070</cert:SSIN>', '71715100071</cert:SSIN>');
    expect(tampered).not.toBe(built.envelope);
    await expect(xmlsecVerify(tampered, 'GetActorQualitiesRequest', NS.certraProtocol, rsa.certPem)).rejects.toThrowError(/xmlsec1/);
  });

  it('fails xmlsec1 verification against another key', async () => {
    const built = await build(rsa.signer);
    await expect(xmlsecVerify(built.envelope, 'GetActorQualitiesRequest', NS.certraProtocol, intermediate.certPem)).rejects.toThrowError(/xmlsec1/);
  });
});
