import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEhealthHandlers } from './createEhealthHandlers.js';
import { EhealthSimulator } from './EhealthSimulator.js';
import { envelope } from './testing/TestClient.js';

let sim: EhealthSimulator;
let server: ReturnType<typeof setupServer>;
const types = envelope('p:GetGenericOrganizationTypesRequest', '').xml;
const post = (url: string, signal?: AbortSignal) => fetch(url, { method: 'POST', body: types, headers: { SOAPAction: '"urn:be:fgov:ehealth:certra:protocol:v2:getGenericOrganizationTypes"' }, signal });

beforeAll(async () => {
  sim = await EhealthSimulator.create({ seed: 'msw' });
  server = setupServer(...createEhealthHandlers(sim, { includeRealHosts: true }));
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => sim.faults.clear());
afterAll(() => {
  server.close();
  sim.close();
});

describe('createEhealthHandlers', () => {
  it('answers on the default base URL and on the real ACC host', async () => {
    for (const base of ['http://ehealth-sim.invalid', 'https://services-acpt.ehealth.fgov.be']) {
      const res = await post(`${base}/CertRa/v2`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('urn:be:fgov:ehealth:2.0:status:Success');
    }
  });

  it('plays the injected faults: SOAP fault once, then a reset, then no answer', async () => {
    sim.addFault({ operation: 'GetGenericOrganizationTypes', kind: 'soapFault' });
    const fault = await post('http://ehealth-sim.invalid/CertRa/v2');
    expect(fault.status).toBe(500);
    expect(await fault.text()).toContain('faultcode');
    expect((await post('http://ehealth-sim.invalid/CertRa/v2')).status).toBe(200);
    sim.addFault({ operation: '*', kind: 'reset' });
    await expect(post('http://ehealth-sim.invalid/CertRa/v2')).rejects.toThrow();
    sim.addFault({ operation: '*', kind: 'noAnswer' });
    await expect(post('http://ehealth-sim.invalid/CertRa/v2', AbortSignal.timeout(200))).rejects.toThrow();
  });

  it('handles the request, then loses its answer (lostAnswer)', async () => {
    sim.addFault({ operation: 'GetGenericOrganizationTypes', kind: 'lostAnswer' });
    await expect(post('http://ehealth-sim.invalid/CertRa/v2')).rejects.toThrow();
    // The rule is used up by a request that reached the operation (an unknown one would not match it).
    expect(sim.faults.list()).toEqual([]);
    expect((await post('http://ehealth-sim.invalid/CertRa/v2')).status).toBe(200);
  });
});
