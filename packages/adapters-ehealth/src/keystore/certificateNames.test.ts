import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PRD_EHEALTH_ISSUING_CA_001_PEM, PRD_ROOT_CA_001_PEM } from '../pki/prdTrustAnchors.js';
import { certificateNames } from './certificateNames.js';

const der = (pem: string) => new Uint8Array(new X509Certificate(pem).raw);

describe('certificateNames', () => {
  it('gives the subject as Java prints it: serialNumber (no RFC 2253 keyword) as OID=#hex of its PrintableString', () => {
    expect(certificateNames(der(PRD_ROOT_CA_001_PEM)).subjectText).toBe('CN=ZetesConfidens Private Trust PKI - root CA 001,2.5.4.5=#1303303031,O=ZETES SA,C=BE');
  });

  it("links an issued certificate to its issuer by the DER Names", () => {
    const root = certificateNames(der(PRD_ROOT_CA_001_PEM));
    const issuing = certificateNames(der(PRD_EHEALTH_ISSUING_CA_001_PEM));
    expect(issuing.issuer.equals(root.subject)).toBe(true);
    expect(root.issuer.equals(root.subject)).toBe(true);
  });
});
