import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EhealthSimulator } from '../ehealth/EhealthSimulator.js';
import type { CaState } from '../ehealth/pki/EhealthCa.js';
import { SimulatorFlow } from '../ehealth/testing/SimulatorFlow.js';
import { csr, envelope, rsaKey } from '../ehealth/testing/TestClient.js';
import { createTestEid } from '../ehealth/testing/TestEid.js';
import { startSimulatorServer } from './startSimulatorServer.js';

let dir: string;
let ca: CaState;
const types = envelope('p:GetGenericOrganizationTypesRequest', '').xml;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ehealth-sim-server-'));
  const sim = await EhealthSimulator.create({ seed: 'ca' });
  ca = sim.caState();
  sim.close();
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const soap = (url: string, body: string, signal?: AbortSignal) => fetch(url, { method: 'POST', body, headers: { 'Content-Type': 'text/xml; charset=utf-8' }, signal });
const admin = async (url: string, method: string, body?: unknown) => {
  const res = await fetch(url, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as unknown };
};

describe('startSimulatorServer', () => {
  it('serves the SOAP services on 127.0.0.1 and injects faults through the admin API', async () => {
    const server = await startSimulatorServer({ ca, seed: 's', now: '2026-03-01T00:00:00Z' });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const ok = await soap(`${server.url}/CertRa/v2`, types);
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('NIHII-AMBU_SERVICE');

      expect((await admin(`${server.url}/admin/faults`, 'POST', { operation: 'GetGenericOrganizationTypes', kind: 'http503', times: 2 })).status).toBe(200);
      expect((await soap(`${server.url}/CertRa/v2`, types)).status).toBe(503);
      expect((await soap(`${server.url}/CertRa/v2`, types)).status).toBe(503);
      expect((await soap(`${server.url}/CertRa/v2`, types)).status).toBe(200);

      await admin(`${server.url}/admin/faults`, 'POST', { operation: '*', kind: 'reset' });
      await expect(soap(`${server.url}/CertRa/v2`, types)).rejects.toThrow();

      await admin(`${server.url}/admin/faults`, 'POST', { operation: '*', kind: 'noAnswer' });
      await expect(soap(`${server.url}/CertRa/v2`, types, AbortSignal.timeout(300))).rejects.toThrow();

      await admin(`${server.url}/admin/faults`, 'POST', { operation: '*', kind: 'malformed' });
      expect(await (await soap(`${server.url}/CertRa/v2`, types)).text()).toMatch(/<broken$/);

      const bad = await admin(`${server.url}/admin/faults`, 'POST', { operation: '*', kind: 'explode' });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.json)).toContain('fault.kind');
    } finally {
      await server.close();
    }
  });

  it("has the support team refuse, through the admin API, a manual request with the hospital's NIHII typed as an ambulance service's", async () => {
    const server = await startSimulatorServer({ ca, seed: 's', now: '2026-03-01T00:00:00Z', issuanceDelayMs: 0 });
    try {
      const f = new SimulatorFlow(server.simulator);
      const chloe = await createTestEid({ ssin: '92022821023', givenName: 'Chloé', surname: 'Van den Broeck' });
      const ask = async (id: { type: string; value: string }, name: string) => {
        const { dn, contractXml } = await f.generateContract(chloe, id, { name });
        return (await f.generateCertificate(chloe, contractXml, await csr(dn, rsaKey()))).text('PublicKeyIdentifier') as string;
      };
      const wrong = await ask({ type: 'NIHII-AMBU_SERVICE', value: '71072393' }, 'Ambulances Saint-Pierre');
      const right = await ask({ type: 'NIHII-AMBU_SERVICE', value: '61111186' }, 'Ambulancedienst Kempen (TEST)');
      expect((await admin(`${server.url}/admin/validations/${wrong}/approve`, 'POST', { force: 'yes' })).status).toBe(400);
      const refused = await admin(`${server.url}/admin/validations/${wrong}/approve`, 'POST', {});
      expect(refused).toEqual({ status: 200, json: { ok: true, decision: 'REFUSED', reason: expect.stringContaining('71072393 is the NIHII-HOSPITAL identifier') } });
      expect((await admin(`${server.url}/admin/validations/${right}/approve`, 'POST', {})).json).toEqual({ ok: true, decision: 'APPROVED' });
      const mails = (await admin(`${server.url}/admin/mailbox`, 'GET')).json as { kind: string; publicKeyIdentifier: string; body: string }[];
      expect(mails.find((m) => m.kind === 'REQUEST_REFUSED')).toMatchObject({ publicKeyIdentifier: wrong.toLowerCase(), body: expect.stringContaining('not of its hospital') });
      expect(mails.find((m) => m.kind === 'CERTIFICATE_READY')).toMatchObject({ publicKeyIdentifier: right.toLowerCase() });
    } finally {
      await server.close();
    }
  });

  it('keeps its state across restarts with a state file', async () => {
    const statePath = join(dir, 'state.json');
    const first = await startSimulatorServer({ statePath, seed: 's', ca, now: '2026-03-01T00:00:00Z' });
    await admin(`${first.url}/admin/people`, 'POST', { ssin: '01010100126', firstNames: ['Zoé'], name: 'Nouvelle' });
    const advanced = await admin(`${first.url}/admin/clock/advance`, 'POST', { days: 2 });
    expect(advanced.json).toEqual({ now: '2026-03-03T00:00:00.000Z' });
    await first.close();

    const second = await startSimulatorServer({ statePath });
    try {
      const sources = (await admin(`${second.url}/admin/sources`, 'GET')).json as { people: { ssin: string }[] };
      expect(sources.people.map((p) => p.ssin)).toContain('01010100126');
      expect((await admin(`${second.url}/admin/clock`, 'GET')).json).toEqual({ now: '2026-03-03T00:00:00.000Z' });
      expect(Buffer.from(second.simulator.trustAnchors()[0] as Uint8Array).toString('base64')).toBe(ca.rootCert);
    } finally {
      await second.close();
    }
  });
});
