import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EhealthCertError } from '@ehealth-cert/core';
import { endpointsFromBase } from '../endpoints/EhealthEndpoints.js';
import { eteeErrorResponse, requestId, soapEnvelope, successResponse } from '../test-support/ehealthResponses.js';
import { recordingServer, TEST_BASE, xml, type CapturedRequest } from '../test-support/mswServer.js';
import { makeTestSigner, type TestSigner } from '../test-support/testSigners.js';
import { validateBodyPayload } from '../test-support/xmllint.js';
import { xmlsecVerify } from '../test-support/xmlsec.js';
import { SoapEtkRegistry } from './SoapEtkRegistry.js';

const ETKRA = 'urn:be:fgov:ehealth:etkra:protocol:v2';
const ETK_SAMPLE = fileURLToPath(new URL('../../../../resources/pki/etk-samples/kgss-cbe-0809394427.etk', import.meta.url));
const CHALLENGE = Buffer.alloc(288, 7).toString('base64');

let etkBase64: string;
let answer: (request: CapturedRequest) => Response = () => xml('unset', 500);
const { server, captured } = recordingServer((request) => answer(request));
const responses: string[] = [];

function happy(request: CapturedRequest): Response {
  const id = request.url.endsWith('/EtkDepot/v1') ? '' : requestId(request.body);
  const respond = (body: string) => {
    responses.push(body);
    return xml(body);
  };
  if (request.url.endsWith('/EtkDepot/v1')) {
    return respond(
      soapEnvelope(
        '<e:GetEtkResponse xmlns:e="urn:be:fgov:ehealth:etkdepot:1_0:protocol" xmlns:ns2="urn:be:fgov:ehealth:commons:1_0:core">' +
          '<ns2:Status><Code>200</Code><Message Lang="EN">OK</Message></ns2:Status>' +
          `<e:GivenSearchCriteria><e:Identifier><e:Type>CBE</e:Type><e:Value>0809394427</e:Value><e:ApplicationID>KGSS</e:ApplicationID></e:Identifier></e:GivenSearchCriteria><e:ETK>${etkBase64}</e:ETK></e:GetEtkResponse>`,
      ),
    );
  }
  const op = (request.soapAction ?? '').replace(/"/g, '').split(':').at(-1);
  if (op === 'startETKRegistration') return respond(successResponse('ns6', 'StartETKRegistration', id, `<ns6:Challenge>${CHALLENGE}</ns6:Challenge>`));
  if (op === 'completeETKregistration') return respond(successResponse('ns6', 'CompleteETKRegistration', id, `<ns6:ETK>${etkBase64}</ns6:ETK><ns6:ToBeActivated>true</ns6:ToBeActivated>`));
  if (op === 'activateETK') return respond(successResponse('ns6', 'ActivateETK', id));
  return xml('unknown', 400);
}

let ehealthAuth: TestSigner;
let ehealthAuthEc: TestSigner;

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  etkBase64 = (await readFile(ETK_SAMPLE)).toString('base64');
  ehealthAuth = await makeTestSigner('rsa', 'ehealth-authentication', '/CN=SSIN\\=71715100070/OU=eHealth-platform Belgium/O=Federal Government/C=BE');
  // eHealth keys are RSA-2048; the EC signer shows the signature code is not RSA-only.
  ehealthAuthEc = await makeTestSigner('ec', 'ehealth-authentication');
});
afterEach(() => {
  captured.length = 0;
  answer = happy;
});
afterAll(() => server.close());
answer = happy;

const registry = () => new SoapEtkRegistry({ endpoints: endpointsFromBase(TEST_BASE), retry: { maxAttempts: 2, initialDelayMs: 1, maxDelayMs: 1 } });

async function checkSigned(soapAction: string, requestName: string, certPem = ehealthAuth.certPem): Promise<CapturedRequest> {
  const request = captured.at(-1);
  if (!request) throw new Error('no request');
  expect(request.url).toBe(`${TEST_BASE}/EtkRa/v2`);
  expect(request.soapAction).toBe(`"${soapAction}"`);
  await validateBodyPayload(request.body);
  await xmlsecVerify(request.body, requestName, ETKRA, certPem);
  const response = responses.at(-1);
  if (response) await validateBodyPayload(response);
  return request;
}

describe('SoapEtkRegistry', () => {
  it('StartETKRegistration sends the public key signed with eH-Auth and returns the challenge', async () => {
    const spki = new Uint8Array([0x30, 0x82, 0x01, 0x22]);
    const challenge = await registry().startEtkRegistration(ehealthAuth.signer, spki);
    const request = await checkSigned('urn:be:fgov:ehealth:etee:etkra:protocol:v2:startETKRegistration', 'StartETKRegistrationRequest');
    expect(request.body).toContain('<etkra:PublicEncryptionKey>MIIBIg==</etkra:PublicEncryptionKey>');
    expect(challenge).toEqual(new Uint8Array(288).fill(7));
  });

  it('CompleteETKRegistration sends the certificate and returns the ETK and ToBeActivated', async () => {
    const result = await registry().completeEtkRegistration(ehealthAuth.signer, new Uint8Array([1, 2, 3]));
    await checkSigned('urn:be:fgov:ehealth:etee:etkra:protocol:v2:completeETKregistration', 'CompleteETKRegistrationRequest');
    expect(Buffer.from(result.etk ?? []).toString('base64')).toBe(etkBase64);
    expect(result.toBeActivated).toBe(true);
  });

  it('CompleteETKRegistration with the status only is a success (the connector reads only the status; ETK and ToBeActivated are optional in the XSD)', async () => {
    answer = (request) => xml(successResponse('ns6', 'CompleteETKRegistration', requestId(request.body)));
    expect(await registry().completeEtkRegistration(ehealthAuth.signer, new Uint8Array([1, 2, 3]))).toEqual({});
  });

  it('ActivateETK is signed with eH-Auth', async () => {
    await registry().activateEtk(ehealthAuth.signer);
    await checkSigned('urn:be:fgov:ehealth:etee:etkra:protocol:v2:activateETK', 'ActivateETKRequest');
  });

  it('is never retried, even after HTTP 503', async () => {
    answer = () => xml('busy', 503);
    await expect(registry().activateEtk(ehealthAuth.signer)).rejects.toThrowError(EhealthCertError);
    expect(captured).toHaveLength(1);
  });

  it('maps an EteeStatusDetail error with eHealth code and message', async () => {
    answer = (request) => xml(eteeErrorResponse('ns6', 'StartETKRegistration', requestId(request.body), 'INVALID_KEY_SIZE', 'The key must be RSA 2048'));
    const error = await registry()
      .startEtkRegistration(ehealthAuth.signer, new Uint8Array([1]))
      .catch((e: unknown) => e);
    expect(EhealthCertError.is(error, 'EHEALTH_REJECTED')).toBe(true);
    expect((error as EhealthCertError).details).toMatchObject({ ehealthCode: 'INVALID_KEY_SIZE', operation: 'StartETKRegistration' });
  });
});

describe('SoapEtkRegistry with an EC P-384 signer', () => {
  it('signs all three operations with ecdsa-sha256 (the connector\'s EC default) that xmlsec1 verifies', async () => {
    await registry().startEtkRegistration(ehealthAuthEc.signer, new Uint8Array([0x30]));
    await checkSigned('urn:be:fgov:ehealth:etee:etkra:protocol:v2:startETKRegistration', 'StartETKRegistrationRequest', ehealthAuthEc.certPem);
    await registry().completeEtkRegistration(ehealthAuthEc.signer, new Uint8Array([1]));
    await checkSigned('urn:be:fgov:ehealth:etee:etkra:protocol:v2:completeETKregistration', 'CompleteETKRegistrationRequest', ehealthAuthEc.certPem);
    await registry().activateEtk(ehealthAuthEc.signer);
    const request = await checkSigned('urn:be:fgov:ehealth:etee:etkra:protocol:v2:activateETK', 'ActivateETKRequest', ehealthAuthEc.certPem);
    expect(request.body).toContain('xmldsig-more#ecdsa-sha256');
  });
});

describe('ETKDepot GetEtk', () => {
  it('sends a valid GetEtkRequest and returns the published ETK', async () => {
    const etks = await registry().getPublishedEtks({ type: 'CBE', value: '0809394427' }, 'KGSS');
    const request = captured.at(-1) as CapturedRequest;
    expect(request.url).toBe(`${TEST_BASE}/EtkDepot/v1`);
    await validateBodyPayload(request.body);
    await validateBodyPayload(responses.at(-1) as string);
    expect(request.body).toContain('<etkdepot:ApplicationID>KGSS</etkdepot:ApplicationID>');
    expect(etks.map((etk) => Buffer.from(etk).toString('base64'))).toEqual([etkBase64]);
  });

  it('returns nothing when the depot has no ETK yet', async () => {
    answer = () =>
      xml(
        soapEnvelope(
          '<e:GetEtkResponse xmlns:e="urn:be:fgov:ehealth:etkdepot:1_0:protocol" xmlns:ns2="urn:be:fgov:ehealth:commons:1_0:core"><ns2:Status><Code>200</Code><Message Lang="EN">OK</Message></ns2:Status>' +
            '<e:GivenSearchCriteria><e:Identifier><e:Type>SSIN</e:Type><e:Value>71715100070</e:Value></e:Identifier></e:GivenSearchCriteria><e:Error><e:Code>NOT_FOUND</e:Code><e:Message>No ETK found</e:Message></e:Error></e:GetEtkResponse>',
        ),
      );
    expect(await registry().getPublishedEtks({ type: 'SSIN', value: '71715100070' })).toEqual([]);
    await validateBodyPayload(captured.at(-1)?.body as string);
    await validateBodyPayload(await answer(captured.at(-1) as CapturedRequest).text());
  });

  it('follows MatchingEtk to each application id', async () => {
    answer = (request) =>
      request.body.includes('ApplicationID')
        ? happy(request)
        : xml(
            soapEnvelope(
              '<e:GetEtkResponse xmlns:e="urn:be:fgov:ehealth:etkdepot:1_0:protocol" xmlns:ns2="urn:be:fgov:ehealth:commons:1_0:core"><ns2:Status><Code>200</Code><Message Lang="EN">OK</Message></ns2:Status>' +
                '<e:GivenSearchCriteria><e:Identifier><e:Type>CBE</e:Type><e:Value>0809394427</e:Value></e:Identifier></e:GivenSearchCriteria>' +
                '<e:MatchingEtk><e:Identifier><e:Type>CBE</e:Type><e:Value>0809394427</e:Value><e:ApplicationID>KGSS</e:ApplicationID></e:Identifier></e:MatchingEtk></e:GetEtkResponse>',
            ),
          );
    expect(await registry().getPublishedEtks({ type: 'CBE', value: '0809394427' })).toHaveLength(1);
    expect(captured).toHaveLength(2);
    await validateBodyPayload(await answer(captured[0] as CapturedRequest).text());
  });

  it('fetches each MatchingEtk identifier as the connector does, also one without ApplicationID (issue 12 point 6)', async () => {
    const matching =
      '<e:GetEtkResponse xmlns:e="urn:be:fgov:ehealth:etkdepot:1_0:protocol" xmlns:ns2="urn:be:fgov:ehealth:commons:1_0:core"><ns2:Status><Code>200</Code><Message Lang="EN">OK</Message></ns2:Status>' +
      '<e:GivenSearchCriteria><e:Identifier><e:Type>NIHII</e:Type><e:Value>71000436</e:Value></e:Identifier></e:GivenSearchCriteria>' +
      '<e:MatchingEtk><e:Identifier><e:Type>NIHII-HOSPITAL</e:Type><e:Value>71000436</e:Value></e:Identifier></e:MatchingEtk>' +
      '<e:MatchingEtk><e:Identifier><e:Type>NIHII-HOSPITAL</e:Type><e:Value>71000436</e:Value><e:ApplicationID>LAB</e:ApplicationID></e:Identifier></e:MatchingEtk>' +
      '<e:MatchingEtk><e:Identifier><e:Type>NIHII</e:Type><e:Value>71000436</e:Value></e:Identifier></e:MatchingEtk></e:GetEtkResponse>';
    answer = (request) => (request.body.includes('<etkdepot:Type>NIHII</etkdepot:Type>') || request.body.includes('>NIHII<') ? xml(soapEnvelope(matching)) : happy(request));
    const etks = await registry().getPublishedEtks({ type: 'NIHII', value: '71000436' });
    expect(etks).toHaveLength(2);
    // The question, then the two other identifiers (the one equal to the question is not asked again).
    expect(captured).toHaveLength(3);
    expect(captured[1]?.body).toMatch(/>NIHII-HOSPITAL<.*>71000436</s);
    expect(captured[1]?.body).not.toContain('ApplicationID');
    expect(captured[2]?.body).toContain('>LAB<');
    for (const request of captured) await validateBodyPayload(request.body);
    await validateBodyPayload(soapEnvelope(matching));
  });

  it('rejects a depot status other than 200', async () => {
    answer = () =>
      xml(soapEnvelope('<e:GetEtkResponse xmlns:e="urn:be:fgov:ehealth:etkdepot:1_0:protocol" xmlns:ns2="urn:be:fgov:ehealth:commons:1_0:core"><ns2:Status><Code>400</Code><Message Lang="EN">Bad identifier</Message></ns2:Status></e:GetEtkResponse>'));
    const error = await registry()
      .getPublishedEtks({ type: 'CBE', value: 'x' })
      .catch((e: unknown) => e);
    expect((error as EhealthCertError).details).toMatchObject({ ehealthCode: '400', ehealthMessage: 'Bad identifier' });
  });
});
