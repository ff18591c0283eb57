import { describe, expect, it } from 'vitest';
import type { AuthenticationCertificateStatus, EtkStatus } from '../ports/CertificateRegistry.js';
import { certificateSituation } from './certificateSituation.js';

describe('certificateSituation', () => {
  it.each<[AuthenticationCertificateStatus, EtkStatus, string]>([
    ['IN_PROGRESS', 'NOT_REQUESTED', 'awaiting-issuance'],
    ['VALID_ACTIVE', 'NOT_REQUESTED', 'awaiting-etk'],
    ['VALID_ACTIVE', 'IN_REQUEST', 'awaiting-etk'],
    ['VALID_ACTIVE', 'WAIT_FOR_ACTIVATION', 'awaiting-etk-activation'],
    ['VALID_ACTIVE', 'VALID_ACTIVE', 'active'],
    ['VALID_ACTIVE', 'REVOKED', 'etk-unusable'],
    ['VALID_ACTIVE', 'EXPIRED', 'etk-unusable'],
    ['REFUSED', 'NOT_REQUESTED', 'refused'],
    ['REVOKED', 'REVOKED', 'revoked'],
    ['EXPIRED', 'EXPIRED', 'expired'],
    ['EXPIRED', 'VALID_ACTIVE', 'expired'],
  ])('reads %s with ETK %s as %s', (status, etk, situation) => {
    expect(certificateSituation(status, etk)).toBe(situation);
  });
});
