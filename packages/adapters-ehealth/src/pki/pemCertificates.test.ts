import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PRD_EHEALTH_ISSUING_CA_001_PEM, PRD_ROOT_CA_001_PEM } from './prdTrustAnchors.js';
import { pemCertificates } from './pemCertificates.js';

describe('pemCertificates', () => {
  it('reads every certificate of a PEM bundle', () => {
    const ders = pemCertificates(`${PRD_ROOT_CA_001_PEM}\n${PRD_EHEALTH_ISSUING_CA_001_PEM}\n`);
    expect(ders.map((der) => new X509Certificate(Buffer.from(der)).subject)).toHaveLength(2);
  });

  it('refuses a text without certificates', () => {
    expect(() => pemCertificates('nothing')).toThrowError(/no CERTIFICATE block/);
  });
});
