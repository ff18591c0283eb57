import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fakeEidCaCertificates, fakeEidIssuer, fakeEidTrustAnchors } from './FakeEidPki.js';

describe('the committed fake eID PKI', () => {
  it('has two self-signed TEST roots like Belgium Root CA4 (RSA 4096) and CA6 (EC P-384), marked not for production', () => {
    const [rsa, ec] = fakeEidTrustAnchors().map((der) => new X509Certificate(der));
    expect(rsa!.subject).toContain('CN=TEST Belgium Root CA4');
    expect(ec!.subject).toContain('CN=TEST Belgium Root CA6');
    for (const root of [rsa!, ec!]) {
      expect(root.subject).toContain('NOT FOR PRODUCTION');
      expect(root.ca).toBe(true);
      expect(root.verify(root.publicKey)).toBe(true);
    }
    expect(rsa!.publicKey.asymmetricKeyDetails?.modulusLength).toBe(4096);
    expect(ec!.publicKey.asymmetricKeyDetails?.namedCurve).toBe('secp384r1');
  });

  it('has a TEST Citizen CA under each root, with the real serialNumber attributes 201709 and 202002', () => {
    const roots = fakeEidTrustAnchors().map((der) => new X509Certificate(der));
    const cas = fakeEidCaCertificates().map((der) => new X509Certificate(der));
    expect(cas[0]!.subject).toContain('serialNumber=201709');
    expect(cas[1]!.subject).toContain('serialNumber=202002');
    cas.forEach((ca, index) => {
      expect(ca.subject).toContain('CN=TEST Citizen CA');
      expect(ca.checkIssued(roots[index]!) && ca.verify(roots[index]!.publicKey)).toBe(true);
    });
  });

  it('gives the Citizen CA key that matches its certificate', () => {
    for (const generation of ['rsa2048', 'ecp384'] as const) {
      const issuer = fakeEidIssuer(generation);
      expect(new X509Certificate(issuer.citizenCaCertificate).checkPrivateKey(issuer.citizenCaKey)).toBe(true);
    }
  });
});
