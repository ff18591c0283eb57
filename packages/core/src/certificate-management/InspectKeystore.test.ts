import { describe, expect, it } from 'vitest';
import { completedKeystore, fakeWorld, submitRequest } from '../testing/index.js';
import { InspectKeystore } from './InspectKeystore.js';

describe('InspectKeystore', () => {
  it('lists entries, validity, days to expiry, renewal window and ETK serials of a completed keystore', async () => {
    const world = fakeWorld();
    const current = await completedKeystore(world);
    world.clock.set('2028-03-02T09:30:00Z');
    const calls = world.registry.calls.length;

    const inspection = await new InspectKeystore(world).execute({ keystorePath: current.keystorePath, password: world.password });

    expect(inspection.authentication).toEqual({
      state: 'issued',
      reference: current.reference,
      dn: current.dn,
      issuer: 'CN=FAKE eHealth issuing CA,O=Fake,C=BE',
      notBefore: new Date('2026-03-02T09:30:00Z'),
      notAfter: new Date('2029-03-02T09:29:59Z'),
      daysToExpiry: 364,
      renewalWindowStart: new Date('2028-12-02T09:29:59Z'),
      renewalState: 'too-early',
    });
    expect(inspection.etkSerials).toEqual([current.etkSerial]);
    expect(inspection.entries.map((e) => [e.kind, e.alias])).toEqual([
      ['key', 'authentication'],
      ['certificate', current.dn],
      ['certificate', 'CN=FAKE eHealth issuing CA,O=Fake,C=BE'],
      ['key', current.etkSerial],
    ]);
    expect(inspection.entries[3]?.certificate).toMatchObject({ subject: current.dn, serialNumber: current.etkSerial });
    expect(world.registry.calls).toHaveLength(calls);
  });

  it('shows a pending request with its reference', async () => {
    const world = fakeWorld();
    world.registry.issueAutomatically = false;
    const request = await submitRequest(world);
    const inspection = await new InspectKeystore(world).execute({ keystorePath: request.keystorePath, password: world.password });
    expect(inspection.authentication).toEqual({ state: 'pending', reference: request.reference });
    expect(inspection.etkSerials).toEqual([]);
  });
});
