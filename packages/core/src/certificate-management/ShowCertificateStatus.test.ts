import { describe, expect, it } from 'vitest';
import { ScriptedPinEntry, completedKeystore, fakeWorld, submitRequest } from '../testing/index.js';
import { ShowCertificateStatus } from './ShowCertificateStatus.js';

describe('ShowCertificateStatus', () => {
  it('lists the holder\'s certificates with the eID authentication key', async () => {
    const world = fakeWorld();
    const current = await completedKeystore(world);
    const pin = new ScriptedPinEntry('1234');
    const report = await new ShowCertificateStatus(world).execute({ source: 'card', pinEntry: pin });
    expect(report.source).toBe('card');
    if (report.source !== 'card') return;
    expect(report.certificates).toHaveLength(1);
    expect(report.certificates[0]).toMatchObject({ info: { publicKeyIdentifier: current.reference, status: 'VALID_ACTIVE', etkStatus: 'VALID_ACTIVE' }, situation: 'active' });
    expect(pin.asked).toEqual([{ key: 'authentication', holderName: 'Anne Marie Dupont-Lévêque' }]);
    expect(world.registry.calls.at(-1)).toEqual({ operation: 'GetCertificateInfoForCitizen', signerRole: 'authentication' });
  });

  it('asks eHealth about a keystore with its own eHealth key', async () => {
    const world = fakeWorld();
    const current = await completedKeystore(world);
    const report = await new ShowCertificateStatus(world).execute({ source: 'keystore', keystorePath: current.keystorePath, password: world.password });
    expect(report).toMatchObject({ source: 'keystore', certificate: { info: { publicKeyIdentifier: current.reference }, situation: 'active' } });
    expect(world.registry.calls.at(-1)).toEqual({ operation: 'GetCertificateInfoForAuthenticationCertificate', signerRole: 'ehealth-authentication' });
  });

  it('reports a pending request of a keystore through GetCertificate', async () => {
    const world = fakeWorld();
    world.registry.issueAutomatically = false;
    const request = await submitRequest(world);
    const report = await new ShowCertificateStatus(world).execute({ source: 'keystore', keystorePath: request.keystorePath, password: world.password });
    expect(report).toEqual({ source: 'keystore-request', reference: request.reference, delivery: 'pending' });
  });
});
