import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEhealthHandlers } from '../ehealth/createEhealthHandlers.js';
import { EhealthSimulator } from '../ehealth/EhealthSimulator.js';
import type { CaState } from '../ehealth/pki/EhealthCa.js';
import { actor, envelope } from '../ehealth/testing/TestClient.js';
import { startSimulatorServer } from './startSimulatorServer.js';
import type { SimulatorServer } from './startSimulatorServer.js';

const options = { seed: 'faces', now: '2026-03-01T08:00:00Z' };
let ca: CaState;
let inProcess: EhealthSimulator;
let loopback: SimulatorServer;
let msw: ReturnType<typeof setupServer>;

beforeAll(async () => {
  inProcess = await EhealthSimulator.create({ seed: 'ca' });
  ca = inProcess.caState();
  inProcess.close();
  inProcess = await EhealthSimulator.create({ ...options, ca });
  loopback = await startSimulatorServer({ ...options, ca });
  msw = setupServer(...createEhealthHandlers(inProcess));
  // Only ehealth-sim.invalid is intercepted; the loopback server is reached for real.
  msw.listen({ onUnhandledRequest: 'bypass' });
});

afterAll(async () => {
  msw.close();
  inProcess.close();
  await loopback.close();
});

const signer = actor([{ type: 'SSIN', value: '85071400254' }], ['Alice'], 'Geldigekaart');
const requests: [path: string, body: string][] = [
  ['/CertRa/v2', envelope('p:GetGenericOrganizationTypesRequest', '').xml],
  [
    '/CertRa/v2',
    envelope(
      'p:GenerateContractRequest',
      `<p:ContactData><c:EmailPrivate>alice@example.test</c:EmailPrivate><c:PhonePrivate>+3220000000</c:PhonePrivate></p:ContactData><p:Signer>${signer}</p:Signer>` +
        `<p:CertificateIdentifier><c:Actor>${actor([{ type: 'NIHII-AMBU_SERVICE', value: '81234530' }], [], 'Ambulances Hôpital Saint-Pierre (TEST)')}</c:Actor></p:CertificateIdentifier>`,
    ).xml,
  ],
  ['/CertRa/v2', envelope('p:GetCertificateRequest', '<p:PublicKeyIdentifier>0000000000000000000000000000000000000000</p:PublicKeyIdentifier>').xml],
  ['/CertRa/v2', envelope('p:GetCertificateRequest', '<p:Unexpected/>').xml],
  ['/EtkDepot/v1', envelope('d:GetEtkRequest', '<d:SearchCriteria><d:Identifier><d:Type>NIHII-AMBU_SERVICE</d:Type><d:Value>81234530</d:Value></d:Identifier></d:SearchCriteria>').xml],
];

async function answer(base: string, path: string, body: string): Promise<{ status: number; contentType: string | null; body: string }> {
  const res = await fetch(`${base}${path}`, { method: 'POST', body, headers: { 'Content-Type': 'text/xml; charset=utf-8' } });
  return { status: res.status, contentType: res.headers.get('content-type'), body: await res.text() };
}

describe('the two faces (msw in-process, loopback server)', () => {
  it('give byte-identical answers to the same requests with the same seed, clock and CA, injected faults included', async () => {
    const seen: string[] = [];
    for (const [path, body] of requests) {
      const viaMsw = await answer('http://ehealth-sim.invalid', path, body);
      const viaLoopback = await answer(loopback.url, path, body);
      expect(viaLoopback).toEqual(viaMsw);
      const lastCode = [...viaMsw.body.matchAll(/<(?:\w+:)?Code>([^<]+)<\/(?:\w+:)?Code>/g)].at(-1)?.[1];
      seen.push(`${viaMsw.status} ${lastCode ?? (viaMsw.body.includes('faultcode') ? 'faultcode' : /<[^>]*:DN>/.test(viaMsw.body) ? 'DN' : '')}`);
    }
    // Success, a contract with its DN, a refusal, an XSD fault, the ETKDepot's NOT_FOUND.
    expect(seen).toEqual(['200 ', '200 DN', '200 UNKNOWN_PUBLIC_KEY_IDENTIFIER', '500 faultcode', '200 NOT_FOUND']);
    inProcess.addFault({ operation: 'GetGenericOrganizationTypes', kind: 'http503' });
    loopback.simulator.addFault({ operation: 'GetGenericOrganizationTypes', kind: 'http503' });
    const [path, body] = requests[0] as [string, string];
    const faultMsw = await answer('http://ehealth-sim.invalid', path, body);
    expect(faultMsw.status).toBe(503);
    expect(await answer(loopback.url, path, body)).toEqual(faultMsw);
  });
});
