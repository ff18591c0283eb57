import { delay } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EhealthCertError, type Contract } from '@ehealth-cert/core';
import { endpointsFromBase } from '../endpoints/EhealthEndpoints.js';
import { publicKeyIdentifierOfCsr } from '../pki/publicKeyIdentifier.js';
import { certificateInfo, eteeErrorResponse, requestId, soapFault, successResponse } from '../test-support/ehealthResponses.js';
import { recordingServer, TEST_BASE, xml, type CapturedRequest } from '../test-support/mswServer.js';
import { opensslCsr } from '../test-support/openssl.js';
import { makeTestSigner, type TestSigner } from '../test-support/testSigners.js';
import { SoapCertificateRegistry, UNKNOWN_PUBLIC_KEY_IDENTIFIER } from './SoapCertificateRegistry.js';

/** Per-test answer; each test sets it. */
let answer: (request: CapturedRequest) => Response | Promise<Response> = () => xml('unset', 500);
const { server, captured } = recordingServer((request) => answer(request));
const operationOf = (request: CapturedRequest) => {
  const action = (request.soapAction ?? '').replace(/"/g, '');
  return action.slice(action.lastIndexOf(':') + 1);
};

let signer: TestSigner;
let authSigner: TestSigner;
let csr: Uint8Array;
let pki: string;
const CONTRACT: Contract = {
  dn: 'CN=SSIN\\=71715100070,OU=eHealth-platform Belgium,OU=ALICE TEST,OU=SSIN\\=71715100070,O=Federal Government,C=BE',
  signer: { ids: [{ type: 'SSIN', value: '71715100070' }], name: 'Test' },
  text: { fr: 'x' },
  source:
    '<ns5:Contract xmlns:ns5="urn:be:fgov:ehealth:certra:protocol:v2" xmlns:ns3="urn:be:fgov:ehealth:certra:core:v2" xmlns="urn:be:fgov:ehealth:commons:core:v2"><ns3:DN>CN=x</ns3:DN><ns3:Signer><Id Type="SSIN">71715100070</Id><Name>Test</Name></ns3:Signer><ns3:Text><ns3:Value xml:lang="fr">x</ns3:Value></ns3:Text></ns5:Contract>',
};

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  [signer, authSigner] = await Promise.all([makeTestSigner('rsa', 'signature'), makeTestSigner('rsa', 'ehealth-authentication')]);
  csr = await opensslCsr();
  pki = publicKeyIdentifierOfCsr(csr);
});
afterEach(() => {
  captured.length = 0;
});
afterAll(() => server.close());

const registry = (timeoutMs = 5_000) =>
  new SoapCertificateRegistry({ endpoints: endpointsFromBase(TEST_BASE), timeoutMs, retry: { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 2 } });

async function failure(promise: Promise<unknown>): Promise<EhealthCertError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!EhealthCertError.is(error)) throw new Error(`expected an EhealthCertError, got ${String(error)}`);
  return error;
}

const submit = (timeoutMs?: number) =>
  registry(timeoutMs).generateCertificate(signer.signer, { contactData: { emailPrivate: 'a@b.be', phonePrivate: '1' }, csr, contract: CONTRACT, baseServiceUsages: [] });

describe('SoapCertificateRegistry transport failures', () => {
  it('maps a SOAP fault to EHEALTH_REJECTED with the fault kept', async () => {
    answer = () => xml(soapFault('SOA-01001', 'Service unavailable for this consumer'), 500);
    const error = await failure(registry().getGenericOrganizationTypes());
    expect(error.code).toBe('EHEALTH_REJECTED');
    expect(error.details).toMatchObject({ operation: 'GetGenericOrganizationTypes', httpStatus: 500, faultCode: 'soap:Server', ehealthCode: 'SOA-01001' });
    expect(captured).toHaveLength(1);
  });

  it('retries an idempotent read after HTTP 503 and succeeds', async () => {
    answer = (request) =>
      captured.length < 3 ? xml('<html>busy</html>', 503) : xml(successResponse('ns5', 'GetGenericOrganizationTypes', requestId(request.body)));
    expect(await registry().getGenericOrganizationTypes()).toEqual([]);
    expect(captured).toHaveLength(3);
  });

  it('gives up after the bounded number of tries with EHEALTH_UNAVAILABLE', async () => {
    answer = () => xml('<html>Internal error</html>', 500);
    const error = await failure(registry().getCertificate(pki));
    expect(error.code).toBe('EHEALTH_UNAVAILABLE');
    expect(error.details).toMatchObject({ reason: 'http', httpStatus: 500, attempts: 3, operation: 'GetCertificate' });
    expect(captured).toHaveLength(3);
  });

  it('maps a non-XML 200 body to EHEALTH_UNAVAILABLE', async () => {
    answer = () => new Response('this is not xml <<<', { status: 200, headers: { 'Content-Type': 'text/plain' } });
    const error = await failure(registry().getGenericOrganizationTypes());
    expect(error.details).toMatchObject({ reason: 'non-xml', httpStatus: 200, bodyExcerpt: 'this is not xml <<<' });
  });

  it('maps a network failure to EHEALTH_UNAVAILABLE', async () => {
    answer = () => Response.error();
    const error = await failure(registry().getGenericOrganizationTypes());
    expect(error.code).toBe('EHEALTH_UNAVAILABLE');
    expect(error.details).toMatchObject({ reason: 'network' });
  });

  it('times out a slow answer with EHEALTH_UNAVAILABLE', async () => {
    answer = async (request) => {
      await delay(1_000);
      return xml(successResponse('ns5', 'GetGenericOrganizationTypes', requestId(request.body)));
    };
    const error = await failure(registry(50).getGenericOrganizationTypes());
    expect(error.code).toBe('EHEALTH_UNAVAILABLE');
    expect(error.details).toMatchObject({ reason: 'timeout', timeoutMs: 50 });
  });

  it('refuses a response that answers another request (InResponseTo)', async () => {
    answer = () => xml(successResponse('ns5', 'GetGenericOrganizationTypes', '_someone-else'));
    const error = await failure(registry().getGenericOrganizationTypes());
    expect(error.code).toBe('EHEALTH_RESPONSE_INVALID');
    expect(error.details).toMatchObject({ inResponseTo: '_someone-else' });
  });

  it('takes a response without InResponseTo (optional in the XSD, never read by the connector; issue 12 point 3)', async () => {
    answer = (request) => xml(successResponse('ns5', 'GetGenericOrganizationTypes', requestId(request.body)).replace(/ InResponseTo="[^"]*"/, ''));
    expect(await registry().getGenericOrganizationTypes()).toEqual([]);
    answer = (request) => xml(successResponse('ns5', 'GetGenericOrganizationTypes', requestId(request.body)).replace(/ InResponseTo="[^"]*"/, ' InResponseTo=""'));
    expect((await failure(registry().getGenericOrganizationTypes())).code).toBe('EHEALTH_RESPONSE_INVALID');
  });

  it('refuses a response of the wrong operation', async () => {
    answer = (request) => xml(successResponse('ns5', 'GetCertificate', requestId(request.body)));
    expect((await failure(registry().getGenericOrganizationTypes())).code).toBe('EHEALTH_RESPONSE_INVALID');
  });

  it('refuses a CertificateInfo status outside the XSD enumeration, naming the element and the value', async () => {
    answer = (request) =>
      xml(successResponse('ns5', 'GetCertificateInfoForAuthenticationCertificate', requestId(request.body), certificateInfo(pki).replace('>IN_PROGRESS<', '>PENDING<')));
    const error = await failure(registry().getCertificateInfoForAuthenticationCertificate(authSigner.signer));
    expect(error.code).toBe('EHEALTH_RESPONSE_INVALID');
    expect(error.details).toMatchObject({ element: 'AuthenticationCertificateStatus', value: 'PENDING' });
  });

  it('does not retry a rejection', async () => {
    answer = (request) => xml(eteeErrorResponse('ns5', 'GetCertificate', requestId(request.body), 'UNKNOWN_PUBLIC_KEY', 'No request for this key'));
    const error = await failure(registry().getCertificate(pki));
    expect(error.details).toMatchObject({ ehealthCode: 'UNKNOWN_PUBLIC_KEY', ehealthMessage: 'No request for this key' });
    expect(captured).toHaveLength(1);
  });
});

describe('GenerateCertificate is never re-sent blindly', () => {
  it('is sent once after HTTP 503 and reports that it may have arrived when the checks fail too', async () => {
    answer = () => xml('<html>busy</html>', 503);
    const error = await failure(submit());
    expect(error.code).toBe('EHEALTH_UNAVAILABLE');
    expect(error.details).toMatchObject({ maybeReceived: true, publicKeyIdentifier: pki, operation: 'GenerateCertificate' });
    expect(captured.filter((r) => operationOf(r) === 'generatecertificate')).toHaveLength(1);
  });

  /** GenerateCertificate's answer is lost (client timeout); GetCertificate answers with `getCertificate`. */
  const afterTimeout = (getCertificate: (id: string) => Response) => {
    answer = async (request) => {
      const id = requestId(request.body);
      if (operationOf(request) === 'generatecertificate') {
        await delay(1_000);
        return xml('late', 500);
      }
      return getCertificate(id);
    };
  };
  /** Only GenerateCertificate is signed: the recovery never asks for a second eID signature. */
  const expectOnlyUnsignedChecks = () => {
    expect(captured.map(operationOf)).toEqual(['generatecertificate', 'getcertificate']);
    expect(captured[0]!.body).toContain('SignatureValue');
    expect(captured[1]!.body).not.toContain('Signature');
  };

  it('after a timeout, finds the pending request through GetCertificate alone (manual validation assumed)', async () => {
    afterTimeout((id) => xml(eteeErrorResponse('ns5', 'GetCertificate', id, 'CERT_NOT_YET_DELIVERED', 'pending')));
    expect(await submit(100)).toEqual({ publicKeyIdentifier: pki, automaticallyValidated: false });
    expectOnlyUnsignedChecks();
  });

  it('after a timeout, reads nothing more into a pending answer than "pending" (eHealth gives no delivery date)', async () => {
    // Even an error parameter that looks like a date changes nothing: no public eHealth source
    // names one for CERT_NOT_YET_DELIVERED, and the connector reads none.
    afterTimeout((id) => xml(eteeErrorResponse('ns5', 'GetCertificate', id, 'CERT_NOT_YET_DELIVERED', 'pending', { ExpectedDelivery: '2026-11-29T06:00:00Z' })));
    expect(await submit(100)).toEqual({ publicKeyIdentifier: pki, automaticallyValidated: false });
    expectOnlyUnsignedChecks();
  });

  it('after a timeout, returns the issued request found by GetCertificate', async () => {
    afterTimeout((id) => xml(successResponse('ns5', 'GetCertificate', id, '<ns5:X509Certificate>MIIBAA==</ns5:X509Certificate>')));
    expect(await submit(100)).toEqual({ publicKeyIdentifier: pki, automaticallyValidated: true });
    expectOnlyUnsignedChecks();
  });

  it('after a timeout, says it was not received when eHealth does not know the key (simulator code)', async () => {
    afterTimeout((id) => xml(eteeErrorResponse('ns5', 'GetCertificate', id, UNKNOWN_PUBLIC_KEY_IDENTIFIER, 'no certificate request has this PublicKeyIdentifier')));
    const error = await failure(submit(100));
    expect(error.code).toBe('EHEALTH_UNAVAILABLE');
    expect(error.details).toMatchObject({ maybeReceived: false, reason: 'timeout', publicKeyIdentifier: pki });
    expect(error.message).toContain('may be sent again');
    expectOnlyUnsignedChecks();
  });

  it.each([
    ['another refusal', (id: string) => xml(eteeErrorResponse('ns5', 'GetCertificate', id, 'REQUEST_REFUSED', 'refused'))],
    ['a SOAP fault', () => xml(soapFault('SOA-02001', 'busy'), 500)],
    ['a response without certificate', (id: string) => xml(successResponse('ns5', 'GetCertificate', id))],
  ])('after a timeout, says it may have been received when GetCertificate gives %s', async (_label, reply) => {
    afterTimeout(reply);
    const error = await failure(submit(100));
    expect(error.code).toBe('EHEALTH_UNAVAILABLE');
    expect(error.details).toMatchObject({ maybeReceived: true, reason: 'timeout', publicKeyIdentifier: pki });
    expect(error.message).toContain('do not send it again');
    expect(captured.filter((r) => operationOf(r) === 'generatecertificate')).toHaveLength(1);
    expect(captured.filter((r) => operationOf(r) !== 'generatecertificate' && operationOf(r) !== 'getcertificate')).toEqual([]);
  });

  it('refuses an answer with another PublicKeyIdentifier than the CSR key', async () => {
    answer = (request) =>
      xml(successResponse('ns5', 'GenerateCertificate', requestId(request.body), `<ns5:PublicKeyIdentifier>${'AB'.repeat(20)}</ns5:PublicKeyIdentifier><ns5:AutomaticallyValidated>true</ns5:AutomaticallyValidated>`));
    expect((await failure(submit())).code).toBe('EHEALTH_RESPONSE_INVALID');
  });
});
