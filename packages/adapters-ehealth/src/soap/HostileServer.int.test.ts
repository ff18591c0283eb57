import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EhealthCertError, type Contract } from '@ehealth-cert/core';
import { SoapCertificateRegistry } from '../certra/SoapCertificateRegistry.js';
import { endpointsFromBase } from '../endpoints/EhealthEndpoints.js';
import { CONTRACT, eteeErrorResponse, requestId, soapEnvelope, soapFault, successResponse } from '../test-support/ehealthResponses.js';
import { opensslCsr } from '../test-support/openssl.js';
import { makeTestSigner, type TestSigner } from '../test-support/testSigners.js';
import { DEFAULT_MAX_RESPONSE_BYTES, SoapTransport } from './SoapTransport.js';

/**
 * Issue 12, "trust nothing else the wire says": each probe is a real HTTP server on 127.0.0.1 that
 * answers the way a hostile or broken eHealth would, and the real fetch of the client talks to it.
 */
interface Seen {
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

type Handler = (request: Seen, response: ServerResponse) => void;

async function listen(handler: () => Handler): Promise<{ server: Server; base: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry = { url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') };
      seen.push(entry);
      handler()(entry, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

let handler: Handler = (_request, response) => response.end();
let hostile: Awaited<ReturnType<typeof listen>>;
let elsewhere: Awaited<ReturnType<typeof listen>>;
let signer: TestSigner;
let csr: Uint8Array;

beforeAll(async () => {
  hostile = await listen(() => handler);
  elsewhere = await listen(() => (_request, response) => response.writeHead(500).end());
  signer = await makeTestSigner('rsa', 'signature');
  csr = await opensslCsr();
});
afterEach(() => {
  hostile.seen.length = 0;
  elsewhere.seen.length = 0;
});
afterAll(async () => {
  hostile.server.closeAllConnections();
  await Promise.all([hostile, elsewhere].map(({ server }) => new Promise((resolve) => server.close(resolve))));
});

const registry = (maxResponseBytes?: number) =>
  new SoapCertificateRegistry({
    endpoints: endpointsFromBase(hostile.base),
    timeoutMs: 10_000,
    retry: { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 2 },
    ...(maxResponseBytes !== undefined ? { maxResponseBytes } : {}),
  });

const contract: Contract = {
  dn: 'CN=SSIN\\=71715100070,OU=eHealth-platform Belgium,OU=ALICE TEST,OU=SSIN\\=71715100070,O=Federal Government,C=BE',
  signer: { ids: [{ type: 'SSIN', value: '71715100070' }], name: 'Test' },
  text: { fr: 'x' },
  source: CONTRACT.replace('<ns5:Contract>', '<ns5:Contract xmlns:ns5="urn:be:fgov:ehealth:certra:protocol:v2" xmlns:ns3="urn:be:fgov:ehealth:certra:core:v2" xmlns="urn:be:fgov:ehealth:commons:core:v2">'),
};

async function failure(promise: Promise<unknown>): Promise<EhealthCertError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!EhealthCertError.is(error)) throw new Error(`expected an EhealthCertError, got ${String(error)}`);
  return error;
}

const send = (response: ServerResponse, body: string | Buffer, contentType = 'text/xml; charset=utf-8', status = 200) => {
  response.writeHead(status, { 'Content-Type': contentType });
  response.end(body);
};

describe('a hostile eHealth server (issue 12)', () => {
  it('a 307 on the eID-signed GenerateCertificate is not followed: nothing reaches the other host, and it is not a success', async () => {
    handler = (_request, response) => response.writeHead(307, { Location: `${elsewhere.base}/CertRa/v2` }).end();
    const error = await failure(
      registry().generateCertificate(signer.signer, { contactData: { emailPrivate: 'a@b.be', phonePrivate: '1' }, csr, contract, baseServiceUsages: [] }),
    );
    expect(error.code).toBe('EHEALTH_RESPONSE_INVALID');
    expect(error.details).toMatchObject({ operation: 'GenerateCertificate', reason: 'redirect' });
    expect(elsewhere.seen).toHaveLength(0);
    // Sent once, and no recovery query either: a redirect is an answer, not a lost one.
    expect(hostile.seen).toHaveLength(1);
  });

  it('a redirect on an idempotent read is not followed and not retried', async () => {
    handler = (_request, response) => response.writeHead(302, { Location: `${elsewhere.base}/x` }).end();
    const error = await failure(registry().getGenericOrganizationTypes());
    expect(error.details).toMatchObject({ reason: 'redirect' });
    expect(elsewhere.seen).toHaveLength(0);
    expect(hostile.seen).toHaveLength(1);
  });

  it('an endless streamed answer is cut at the bound, is EHEALTH_RESPONSE_INVALID, and is not asked again', async () => {
    let written = 0;
    let closed = false;
    handler = (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8' });
      response.on('close', () => {
        closed = true;
      });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      // 600 MB if nobody stops it.
      const pump = () => {
        while (!closed && written < 600 * 1024 * 1024) {
          written += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', pump);
        }
        response.end();
      };
      pump();
    };
    const memoryBefore = process.memoryUsage().rss;
    const error = await failure(registry(1024 * 1024).getGenericOrganizationTypes());
    expect(error.code).toBe('EHEALTH_RESPONSE_INVALID');
    expect(error.details).toMatchObject({ reason: 'too-large', limitBytes: 1024 * 1024 });
    expect(error.message).toContain('larger than 1048576 bytes');
    expect(hostile.seen).toHaveLength(1);
    // The stream was cancelled: the server could not push anywhere near 600 MB.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(written).toBeLessThan(64 * 1024 * 1024);
    expect(process.memoryUsage().rss - memoryBefore).toBeLessThan(200 * 1024 * 1024);
  });

  it('a declared Content-Length above the bound is refused before reading', async () => {
    handler = (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/xml', 'Content-Length': String(600 * 1024 * 1024) });
      response.write('<');
    };
    const error = await failure(registry().getGenericOrganizationTypes());
    expect(error.details).toMatchObject({ reason: 'too-large', limitBytes: DEFAULT_MAX_RESPONSE_BYTES, declaredLength: 600 * 1024 * 1024 });
    expect(hostile.seen).toHaveLength(1);
    hostile.server.closeAllConnections();
  });

  it('refuses an answer holding ESC or BEL, raw or as a character reference', async () => {
    for (const text of ['\u001b]0;owned\u0007', '&#x1B;[8mhidden', '&#7;']) {
      handler = (_request, response) => send(response, soapFault('X', `refused ${text}`), 'text/xml; charset=utf-8', 500);
      const error = await failure(registry().getGenericOrganizationTypes());
      expect(error.code).toBe('EHEALTH_RESPONSE_INVALID');
      expect(error.details).toMatchObject({ reason: 'forbidden-character' });
      expect(JSON.stringify(error.details)).not.toMatch(/\\u001b|\\u0007/i);
    }
  });

  it('strips C1 controls and bidi overrides from every text it keeps: contract, DN, error messages', async () => {
    const evil = 'Je signe\u009b8m \u202Ecesrever\u202C\u2066x\u2069';
    handler = (request, response) =>
      send(
        response,
        successResponse('ns5', 'GenerateContract', requestId(request.body), CONTRACT.replace('&lt;p&gt;Contrat&lt;/p&gt;', `${evil}&#x9B;&#x202E;`).replace('OU=ALICE TEST', 'OU=ALICE\u202e TEST')),
      );
    const generated = await registry().generateContract({
      contactData: { emailPrivate: 'a@b.be', phonePrivate: '1' },
      signer: { ids: [{ type: 'SSIN', value: '71715100070' }], name: 'Test' },
      certificateIdentifier: { actor: { ids: [{ type: 'SSIN', value: '71715100070' }], name: 'Test' } },
    });
    expect(generated.text.fr).toBe('Je signe8m cesreverx');
    expect(generated.dn).toContain('OU=ALICE TEST');
    // What is sent back is what was shown.
    expect(generated.source).not.toMatch(/[\u0080-\u009f\u202a-\u202e\u2066-\u2069]/);

    handler = (request, response) => send(response, eteeErrorResponse('ns5', 'GetGenericOrganizationTypes', requestId(request.body), 'E\u0085RR', 'Bad\u202e request'));
    const error = await failure(registry().getGenericOrganizationTypes());
    expect(error.code).toBe('EHEALTH_REJECTED');
    expect(error.message).toBe('eHealth refused GetGenericOrganizationTypes: ERR: Bad request');
    expect(JSON.stringify(error.details)).not.toMatch(/\\u0085|\\u202e/i);
  });

  it('decodes the declared charset (ISO-8859-1 here), and refuses bytes that are not valid in it or an unknown charset', async () => {
    const withName = (request: Seen) =>
      successResponse('ns5', 'GenerateContract', requestId(request.body), CONTRACT.replace('<FirstName>Alice</FirstName>', '<FirstName>Ren\u00e9e</FirstName>'));
    const generate = () =>
      registry().generateContract({
        contactData: { emailPrivate: 'a@b.be', phonePrivate: '1' },
        signer: { ids: [{ type: 'SSIN', value: '71715100070' }], name: 'Test' },
        certificateIdentifier: { actor: { ids: [{ type: 'SSIN', value: '71715100070' }], name: 'Test' } },
      });

    handler = (request, response) => send(response, Buffer.from(withName(request).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'), 'latin1'), 'text/xml; charset=ISO-8859-1');
    expect((await generate()).signer.firstNames).toEqual(['Ren\u00e9e']);

    // No HTTP charset: the XML declaration's encoding applies.
    handler = (request, response) => send(response, Buffer.from(withName(request).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'), 'latin1'), 'text/xml');
    expect((await generate()).signer.firstNames).toEqual(['Ren\u00e9e']);

    // Latin-1 bytes announced as UTF-8: refused, not turned into "Ren\uFFFDe".
    handler = (request, response) => send(response, Buffer.from(withName(request), 'latin1'), 'text/xml; charset=utf-8');
    let error = await failure(generate());
    expect(error.code).toBe('EHEALTH_RESPONSE_INVALID');
    expect(error.details).toMatchObject({ reason: 'invalid-bytes', charset: 'utf-8' });

    handler = (request, response) => send(response, withName(request), 'text/xml; charset=x-klingon');
    error = await failure(generate());
    expect(error.details).toMatchObject({ reason: 'unknown-charset', charset: 'x-klingon' });
  });

  it('names the product and its version in the User-Agent', async () => {
    handler = (request, response) => send(response, successResponse('ns5', 'GetGenericOrganizationTypes', requestId(request.body)));
    await registry().getGenericOrganizationTypes();
    expect(hostile.seen[0]?.headers['user-agent']).toMatch(/^ehealth-cert\/\d+\.\d+\.\d+ \(Node\.js \d+\.\d+\.\d+\)$/);
  });

  it('a non-XML body excerpt carries no terminal control', async () => {
    handler = (_request, response) => send(response, '<html>\u009b2J busy\u202e</html>', 'text/html; charset=utf-8', 503);
    const error = await failure(new SoapTransport({ retry: { maxAttempts: 1, initialDelayMs: 1, maxDelayMs: 1 } }).call({
      url: `${hostile.base}/CertRa/v2`,
      soapAction: 'x',
      operation: 'Ping',
      envelope: soapEnvelope('<x/>'),
      idempotent: true,
    }));
    expect(error.code).toBe('EHEALTH_UNAVAILABLE');
    expect(error.details['bodyExcerpt']).toBe('<html>2J busy</html>');
  });
});
