import { describe, expect, it } from 'vitest';
import { fakeWorld } from '../testing/fakeWorld.js';
import { completedKeystore, rejectionOf, submitRequest } from '../testing/scenarios.js';
import { ExportCertificate } from './ExportCertificate.js';
import { base64, pemEncode } from './pemEncode.js';

describe('ExportCertificate', () => {
  it('writes the certificate and its chain as PEM beside the keystore, and nothing else without an export password', async () => {
    const world = fakeWorld();
    const done = await completedKeystore(world);
    const exported = await new ExportCertificate(world).execute({ keystorePath: done.keystorePath, password: world.password });
    const pem = world.vault.companionFiles.get(exported.pemFile) ?? '';
    expect(pem.match(/-----BEGIN CERTIFICATE-----/g)?.length).toBe(exported.chainLength);
    expect(exported.chainLength).toBeGreaterThanOrEqual(2);
    expect(exported.dn).toBe(done.dn);
    expect(exported.p12File).toBeUndefined();
    expect(world.vault.companionKeystores.size).toBe(0);
  });

  it('writes key + chain as a separate PKCS#12 under its own password, the authentication entry only', async () => {
    const world = fakeWorld();
    const done = await completedKeystore(world);
    const exported = await new ExportCertificate(world).execute({ keystorePath: done.keystorePath, password: world.password, exportPassword: 'another strong export phrase 77' });
    const p12 = world.vault.companionKeystores.get(exported.p12File ?? '');
    expect(p12?.password).toBe('another strong export phrase 77');
    expect(p12?.content.entries.map((e) => e.alias)).toEqual(['authentication']);
  });

  it('refuses a weak export password, or the keystore password itself, before opening anything', async () => {
    const world = fakeWorld();
    const done = await completedKeystore(world);
    const weak = await rejectionOf(new ExportCertificate(world).execute({ keystorePath: done.keystorePath, password: world.password, exportPassword: 'short' }));
    expect(weak.code).toBe('WEAK_PASSWORD');
    const same = await rejectionOf(new ExportCertificate(world).execute({ keystorePath: done.keystorePath, password: world.password, exportPassword: world.password }));
    expect(same.details).toMatchObject({ field: 'exportPassword', rule: 'same-as-keystore' });
  });

  it('refuses a keystore whose request is not completed (no certificate yet)', async () => {
    const world = fakeWorld();
    const request = await submitRequest(world);
    const error = await rejectionOf(new ExportCertificate(world).execute({ keystorePath: request.keystorePath, password: world.password }));
    expect(error.code).toBe('CERTIFICATE_NOT_ACTIVE');
    expect(world.vault.companionFiles.has(`${request.keystorePath.replace(/\.(acc-)?p12$/, '')}.chain.pem`)).toBe(false);
  });
});

describe('pemEncode', () => {
  it('is RFC 4648 base64 in 64-character lines', () => {
    expect(base64(new Uint8Array([]))).toBe('');
    expect(base64(new TextEncoder().encode('f'))).toBe('Zg==');
    expect(base64(new TextEncoder().encode('fo'))).toBe('Zm8=');
    expect(base64(new TextEncoder().encode('foobar'))).toBe('Zm9vYmFy');
    const pem = pemEncode('CERTIFICATE', new Uint8Array(100).fill(255));
    const lines = pem.trim().split('\n');
    expect(lines[0]).toBe('-----BEGIN CERTIFICATE-----');
    expect(lines[1]).toHaveLength(64);
    expect(lines.at(-1)).toBe('-----END CERTIFICATE-----');
  });
});
