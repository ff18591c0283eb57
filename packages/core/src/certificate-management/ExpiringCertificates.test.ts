import { describe, expect, it } from 'vitest';
import { fakeWorld } from '../testing/fakeWorld.js';
import { completedKeystore, submitRequest } from '../testing/scenarios.js';
import { ExpiringCertificates, parsePeriodDays } from './ExpiringCertificates.js';

describe('parsePeriodDays', () => {
  it.each([
    ['90d', 90],
    ['90', 90],
    ['12w', 84],
    [' 0d ', 0],
  ])('%s is %i days', (text, days) => {
    expect(parsePeriodDays(text, '--expiring-within')).toBe(days);
  });

  it.each(['', '3m', '-1d', '90 days', '99999d'])('refuses %s naming the field and the rule', (text) => {
    expect(() => parsePeriodDays(text, '--expiring-within')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', details: expect.objectContaining({ field: '--expiring-within', rule: 'period' }) }));
  });
});

describe('ExpiringCertificates', () => {
  it('reports valid, then expiring within the period, then expired, from the newest issued keystore', async () => {
    const world = fakeWorld();
    const done = await completedKeystore(world);
    const monitor = new ExpiringCertificates(world);
    const fresh = await monitor.execute({ withinDays: 90, password: world.password });
    expect(fresh).toMatchObject({ withinDays: 90, needingRenewal: 0, unreadable: 0 });
    expect(fresh.certificates).toEqual([expect.objectContaining({ keystorePath: done.keystorePath, state: 'valid', renewalState: 'too-early' })]);
    const days = fresh.certificates[0]?.daysToExpiry ?? 0;

    world.clock.advance({ days: days - 30 });
    const soon = await monitor.execute({ withinDays: 90, password: world.password });
    expect(soon.certificates[0]).toMatchObject({ state: 'expiring', renewalState: 'open', daysToExpiry: 30 });
    expect(soon.needingRenewal).toBe(1);

    world.clock.advance({ days: 31 });
    expect((await monitor.execute({ withinDays: 90, password: world.password })).certificates[0]?.state).toBe('expired');
  });

  it('reports a request not completed as pending, and a keystore it cannot open as unreadable', async () => {
    const world = fakeWorld();
    await submitRequest(world);
    const personal = await submitRequest(world, { organisation: { kind: 'personal' }, password: 'an entirely different passphrase 9' });
    const report = await new ExpiringCertificates(world).execute({ withinDays: 90, password: world.password });
    expect(report.certificates.map((c) => c.state).sort()).toEqual(['pending', 'unreadable']);
    expect(report.certificates.find((c) => c.state === 'unreadable')).toMatchObject({ keystorePath: personal.keystorePath, reason: 'KEYSTORE_PASSWORD_WRONG' });
    expect(report.unreadable).toBe(1);
  });

  it('reports the issued certificate while its renewal is pending in a newer keystore', async () => {
    const world = fakeWorld();
    const done = await completedKeystore(world);
    // Into the replacement period (the last 3 months), where eHealth accepts a new request.
    world.clock.advance({ days: 3 * 365 - 60 });
    const renewal = await submitRequest(world);
    const report = await new ExpiringCertificates(world).execute({ withinDays: 90, password: world.password });
    expect(report.certificates).toEqual([expect.objectContaining({ keystorePath: done.keystorePath, state: 'expiring', pendingKeystorePath: renewal.keystorePath })]);
  });
});
