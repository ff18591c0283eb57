import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EhealthCertError, type Contract, type RevocationContract } from '@ehealth-cert/core';
import { endpointsFromBase } from '../endpoints/EhealthEndpoints.js';
import { publicKeyIdentifierOfCsr } from '../pki/publicKeyIdentifier.js';
import {
  certificateInfo,
  CONTRACT,
  eteeErrorResponse,
  requestId,
  REVOCATION_CONTRACT,
  successResponse,
} from '../test-support/ehealthResponses.js';
import { recordingServer, TEST_BASE, xml, type CapturedRequest } from '../test-support/mswServer.js';
import { opensslCsr } from '../test-support/openssl.js';
import { makeTestSigner, type TestSigner } from '../test-support/testSigners.js';
import { validateBodyPayload } from '../test-support/xmllint.js';
import { xmlsecVerify } from '../test-support/xmlsec.js';
import { SoapCertificateRegistry } from './SoapCertificateRegistry.js';

const CERTRA = 'urn:be:fgov:ehealth:certra:protocol:v2';
const PERSON = { ids: [{ type: 'SSIN', value: '71715100070' }], firstNames: ['Alice'], name: 'Test' };
const CONTACT = { emailPrivate: 'alice@example.org', phonePrivate: '+3221234567', emailGeneral: 'office@example.org' };

let csr: Uint8Array;
let pki: string;
const responses: string[] = [];

/** Happy-path answers per SOAPAction, shaped as eHealth writes them. */
function happy(request: CapturedRequest): Response {
  const id = requestId(request.body);
  const action = (request.soapAction ?? '').replace(/"/g, '');
  const op = action.slice(action.lastIndexOf(':') + 1);
  const answer = (name: string, content = '', withStatus = true) => {
    const body = successResponse('ns5', name, id, content, withStatus);
    responses.push(body);
    return xml(body);
  };
  switch (op) {
    case 'getActorQualities':
      return answer(
        'GetActorQualities',
        '<ns5:NaturalPersonAuthorization>true</ns5:NaturalPersonAuthorization><ns5:OrganizationAuthorization><ns3:Name><ns3:Value xml:lang="fr">Ambulance Test</ns3:Value></ns3:Name><ns3:Identifier Type="NIHII-AMBU_SERVICE">12345678</ns3:Identifier></ns5:OrganizationAuthorization>',
      );
    case 'getGenericOrganizationTypes':
      return answer(
        'GetGenericOrganizationTypes',
        '<ns5:OrganizationType><ns3:Name><ns3:Value xml:lang="fr">Service ambulancier</ns3:Value><ns3:Value xml:lang="nl">Ambulancedienst</ns3:Value></ns3:Name><ns3:IdentifierType>NIHII-AMBU_SERVICE</ns3:IdentifierType><ns3:ValidationRegEx>[0-9]{8}</ns3:ValidationRegEx><ns3:CheckDigitAlgorithm>NIHII</ns3:CheckDigitAlgorithm><ns3:AvailableBaseService>tsa</ns3:AvailableBaseService></ns5:OrganizationType>',
      );
    case 'getexistingapplicationids':
      return answer(
        'GetExistingApplicationIds',
        '<ns5:ApplicationId>KGSS</ns5:ApplicationId><ns5:ApplicationId xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:nil="true"/>',
        false,
      );
    case 'generateContract':
      return answer('GenerateContract', CONTRACT);
    case 'generatecertificate':
      return answer('GenerateCertificate', `<ns5:PublicKeyIdentifier>${pki.toUpperCase()}</ns5:PublicKeyIdentifier><ns5:AutomaticallyValidated>true</ns5:AutomaticallyValidated>`);
    case 'getcertificate':
      return answer('GetCertificate', '<ns5:X509Certificate>MIIBAA==</ns5:X509Certificate><ns5:X509Certificate>MIIBAQ==</ns5:X509Certificate>');
    case 'generateRevocationContract':
      return answer('GenerateRevocationContract', REVOCATION_CONTRACT);
    case 'revoke':
      return answer('Revoke');
    case 'getCertificateInfoForCitizen':
      return answer('GetCertificateInfoForCitizen', certificateInfo(pki));
    case 'getCertificateInfoForAuthenticationCertificate':
      return answer('GetCertificateInfoForAuthenticationCertificate', certificateInfo(pki));
    default:
      return xml('unknown action', 400);
  }
}

const { server, captured } = recordingServer(happy);
let rsaAuth: TestSigner;
let rsaSign: TestSigner;
let ecSign: TestSigner;
let ecAuth: TestSigner;
let ehealthAuth: TestSigner;

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  [rsaAuth, rsaSign, ecSign, ecAuth, ehealthAuth] = await Promise.all([
    makeTestSigner('rsa', 'authentication'),
    makeTestSigner('rsa', 'signature'),
    makeTestSigner('ec', 'signature'),
    makeTestSigner('ec', 'authentication'),
    makeTestSigner('rsa', 'ehealth-authentication', '/CN=SSIN\\=71715100070/OU=eHealth-platform Belgium/O=Federal Government/C=BE'),
  ]);
  csr = await opensslCsr();
  pki = publicKeyIdentifierOfCsr(csr);
});
afterEach(() => {
  server.resetHandlers();
  captured.length = 0;
});
afterAll(() => server.close());

const registry = () => new SoapCertificateRegistry({ endpoints: endpointsFromBase(TEST_BASE), retry: { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 2 } });

async function lastRequest(soapAction: string): Promise<CapturedRequest> {
  const request = captured.at(-1);
  if (!request) throw new Error('no request captured');
  expect(request.url).toBe(`${TEST_BASE}/CertRa/v2`);
  expect(request.soapAction).toBe(`"${soapAction}"`);
  expect(request.contentType).toBe('text/xml; charset=utf-8');
  await validateBodyPayload(request.body);
  return request;
}

async function lastResponseIsValid(): Promise<void> {
  const body = responses.at(-1);
  if (!body) throw new Error('no response');
  await validateBodyPayload(body);
}

async function contract(): Promise<Contract> {
  return registry().generateContract({ contactData: CONTACT, signer: PERSON, certificateIdentifier: { actor: PERSON } });
}

describe('SoapCertificateRegistry unsigned operations', () => {
  it('GetGenericOrganizationTypes sends a valid unsigned request and reads the types', async () => {
    const types = await registry().getGenericOrganizationTypes();
    const request = await lastRequest('urn:be:fgov:ehealth:certra:protocol:v2:getGenericOrganizationTypes');
    expect(request.body).not.toContain('Signature');
    await lastResponseIsValid();
    expect(types).toEqual([
      {
        name: { fr: 'Service ambulancier', nl: 'Ambulancedienst' },
        identifierType: 'NIHII-AMBU_SERVICE',
        validationRegEx: '[0-9]{8}',
        checkDigitAlgorithms: ['NIHII'],
        availableBaseServices: ['tsa'],
      },
    ]);
  });

  it('GetExistingApplicationIds reads ids and nil as null', async () => {
    const ids = await registry().getExistingApplicationIds({ type: 'CBE', value: '0809394427' });
    const request = await lastRequest('urn:be:fgov:ehealth:etee:certra:protocol:v2:getexistingapplicationids');
    expect(request.body).toContain('Type="CBE">0809394427<');
    await lastResponseIsValid();
    expect(ids).toEqual(['KGSS', null]);
  });

  it('GenerateContract returns the DN, the signer, the texts and the source element', async () => {
    const result = await registry().generateContract({
      contactData: CONTACT,
      signer: PERSON,
      certificateIdentifier: { actor: { ids: [{ type: 'CBE', value: '0809394427' }], name: 'KGSS' }, applicationId: 'KGSS' },
    });
    const request = await lastRequest('urn:be:fgov:ehealth:certra:protocol:v2:generateContract');
    expect(request.body).toContain('<certcore:ApplicationId>KGSS</certcore:ApplicationId>');
    await lastResponseIsValid();
    expect(result.dn).toBe('CN=SSIN\\=71715100070,OU=eHealth-platform Belgium,OU=ALICE TEST,OU=SSIN\\=71715100070,O=Federal Government,C=BE');
    expect(result.signer).toEqual(PERSON);
    expect(result.text).toEqual({ fr: '<p>Contrat</p>', nl: '<p>Contract</p>' });
    expect(result.source).toContain('Contract');
  });

  it('GetCertificate returns the chain', async () => {
    const delivery = await registry().getCertificate(pki);
    const request = await lastRequest('urn:be:fgov:ehealth:etee:certra:protocol:v2:getcertificate');
    expect(request.body).toContain(pki.toUpperCase());
    await lastResponseIsValid();
    expect(delivery).toEqual({ status: 'issued', chain: [new Uint8Array(Buffer.from('MIIBAA==', 'base64')), new Uint8Array(Buffer.from('MIIBAQ==', 'base64'))] });
  });

  it('GenerateRevocationContract returns the revocation contract', async () => {
    const result = await registry().generateRevocationContract({ publicKeyIdentifier: pki, signer: PERSON, reason: 'keyCompromise' });
    await lastRequest('urn:be:fgov:ehealth:certra:protocol:v2:generateRevocationContract');
    await lastResponseIsValid();
    expect(result.revocationReason).toBe('keyCompromise');
    expect(result.text.fr).toBe('<p>Révocation</p>');
  });
});

describe.each([
  ['RSA', () => rsaSign, () => rsaAuth],
  ['EC P-384', () => ecSign, () => ecAuth],
])('SoapCertificateRegistry signed operations with an %s eID key', (_kind, signSigner, authSigner) => {
  it('GetActorQualities is signed with eID-Auth and verifies with xmlsec1', async () => {
    const signer = authSigner();
    const qualities = await registry().getActorQualities(signer.signer, '71715100070');
    const request = await lastRequest('urn:be:fgov:ehealth:certra:protocol:v2:getActorQualities');
    await xmlsecVerify(request.body, 'GetActorQualitiesRequest', CERTRA, signer.certPem);
    await lastResponseIsValid();
    expect(qualities).toEqual({
      naturalPersonAuthorization: true,
      organisations: [{ name: { fr: 'Ambulance Test' }, identifier: { type: 'NIHII-AMBU_SERVICE', value: '12345678' } }],
    });
  });

  it('GenerateCertificate is signed with eID-Sign, carries the contract unchanged and verifies with xmlsec1', async () => {
    const signer = signSigner();
    const submitted = await registry().generateCertificate(signer.signer, { contactData: CONTACT, csr, contract: await contract(), baseServiceUsages: ['tsa'] });
    const request = await lastRequest('urn:be:fgov:ehealth:etee:certra:protocol:v2:generatecertificate');
    expect(request.body).toContain('<certcore:Contract><ns3:DN xmlns:ns3="urn:be:fgov:ehealth:certra:core:v2">CN=SSIN\\=71715100070,');
    await xmlsecVerify(request.body, 'GenerateCertificateRequest', CERTRA, signer.certPem);
    await lastResponseIsValid();
    expect(submitted).toEqual({ publicKeyIdentifier: pki, automaticallyValidated: true });
  });

  it('Revoke is signed with eID-Sign and verifies with xmlsec1', async () => {
    const signer = signSigner();
    const revocation: RevocationContract = await registry().generateRevocationContract({ publicKeyIdentifier: pki, signer: PERSON, reason: 'keyCompromise' });
    await registry().revoke(signer.signer, { publicKeyIdentifier: pki, contract: revocation });
    const request = await lastRequest('urn:be:fgov:ehealth:etee:certra:protocol:v2:revoke');
    await xmlsecVerify(request.body, 'RevokeRequest', CERTRA, signer.certPem);
    await lastResponseIsValid();
  });

  it('GetCertificateInfoForCitizen is signed with eID-Auth and reads CertificateInfo', async () => {
    const signer = authSigner();
    const infos = await registry().getCertificateInfoForCitizen(signer.signer);
    const request = await lastRequest('urn:be:fgov:ehealth:certra:protocol:v2:getCertificateInfoForCitizen');
    await xmlsecVerify(request.body, 'GetCertificateInfoForCitizenRequest', CERTRA, signer.certPem);
    await lastResponseIsValid();
    expect(infos).toHaveLength(1);
    expect(infos[0]).toMatchObject({
      publicKeyIdentifier: pki,
      entityType: 'NaturalPerson',
      status: 'IN_PROGRESS',
      etkStatus: 'NOT_REQUESTED',
      automaticallyValidated: true,
      contactData: { emailPrivate: 'alice@example.org', phonePrivate: '+3221234567' },
      baseServiceUsages: ['tsa'],
    });
  });
});

describe('SoapCertificateRegistry with the eHealth authentication key', () => {
  it('GetCertificateInfoForAuthenticationCertificate is signed with eH-Auth and verifies with xmlsec1', async () => {
    const info = await registry().getCertificateInfoForAuthenticationCertificate(ehealthAuth.signer);
    const request = await lastRequest('urn:be:fgov:ehealth:etee:certra:protocol:v2:getCertificateInfoForAuthenticationCertificate');
    await xmlsecVerify(request.body, 'GetCertificateInfoForAuthenticationCertificateRequest', CERTRA, ehealthAuth.certPem);
    await lastResponseIsValid();
    expect(info.publicKeyIdentifier).toBe(pki);
  });

  it('GetCertificateInfoForAuthenticationCertificate also verifies with an EC P-384 signer', async () => {
    const ec = await makeTestSigner('ec', 'ehealth-authentication');
    await registry().getCertificateInfoForAuthenticationCertificate(ec.signer);
    const request = await lastRequest('urn:be:fgov:ehealth:etee:certra:protocol:v2:getCertificateInfoForAuthenticationCertificate');
    await xmlsecVerify(request.body, 'GetCertificateInfoForAuthenticationCertificateRequest', CERTRA, ec.certPem);
  });
});

describe('SoapCertificateRegistry errors', () => {
  it('refuses to sign with another key than the one DOMAIN.md names, before sending', async () => {
    const error = await registry()
      .getActorQualities(rsaSign.signer, '71715100070')
      .catch((e: unknown) => e);
    expect(EhealthCertError.is(error, 'INTERNAL')).toBe(true);
    expect((error as EhealthCertError).details).toMatchObject({ operation: 'GetActorQualities', expectedSigner: 'authentication', signer: 'signature' });
    expect(captured).toHaveLength(0);
  });

  it('refuses GetCertificateInfoForCitizen signed with the eID Signature key (DOMAIN.md 2.3: eID-Auth), before sending', async () => {
    const error = await registry()
      .getCertificateInfoForCitizen(rsaSign.signer)
      .catch((e: unknown) => e);
    expect(EhealthCertError.is(error, 'INTERNAL')).toBe(true);
    expect((error as EhealthCertError).details).toMatchObject({ operation: 'GetCertificateInfoForCitizen', expectedSigner: 'authentication', signer: 'signature' });
    expect(captured).toHaveLength(0);
  });

  it('returns pending while eHealth has not issued the certificate', async () => {
    server.use(
      recordingServerOverride((request) => xml(eteeErrorResponse('ns5', 'GetCertificate', requestId(request.body), 'CERT_NOT_YET_DELIVERED', 'The certificate is not yet delivered'))),
    );
    expect(await registry().getCertificate(pki)).toEqual({ status: 'pending' });
  });

  it('maps an EteeStatusDetail error to EHEALTH_REJECTED keeping the code and message', async () => {
    server.use(recordingServerOverride((request) => xml(eteeErrorResponse('ns5', 'GenerateContract', requestId(request.body), 'INVALID_SSIN', 'The signer does not match'))));
    const error = await contract().catch((e: unknown) => e);
    expect(EhealthCertError.is(error, 'EHEALTH_REJECTED')).toBe(true);
    expect((error as EhealthCertError).details).toMatchObject({ ehealthCode: 'INVALID_SSIN', ehealthMessage: 'The signer does not match', operation: 'GenerateContract' });
  });
});

import { http } from 'msw';
function recordingServerOverride(answer: (request: CapturedRequest) => Response) {
  return http.post(`${TEST_BASE}/*`, async ({ request }) => {
    const seen = { url: request.url, soapAction: request.headers.get('SOAPAction'), contentType: request.headers.get('Content-Type'), body: await request.text() };
    captured.push(seen);
    return answer(seen);
  });
}
