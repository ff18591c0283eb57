import type { AuthenticationCertificateStatus, EtkStatus } from '../ports/CertificateRegistry.js';

/** What a certificate's two statuses (CertificateInfo, DOMAIN.md 2.3) mean for the holder. */
export type CertificateSituation =
  /** IN_PROGRESS: eHealth has not issued it yet (manual validation can take days, DOMAIN.md 2.4 item 5). */
  | 'awaiting-issuance'
  /** Issued, but the ETK is not registered yet: the completion step must run (DOMAIN.md 2.5). */
  | 'awaiting-etk'
  /** Issued, ETK registered as a replacement: ActivateETK once the new keys are deployed (DOMAIN.md 2.5). */
  | 'awaiting-etk-activation'
  /** Certificate and ETK both VALID_ACTIVE: usable. */
  | 'active'
  /** Certificate active but its ETK revoked or expired: encrypted messages cannot reach the holder. */
  | 'etk-unusable'
  | 'refused'
  | 'revoked'
  | 'expired';

/** Combines the authentication certificate status and the ETK status into one situation. */
export function certificateSituation(status: AuthenticationCertificateStatus, etkStatus: EtkStatus): CertificateSituation {
  switch (status) {
    case 'IN_PROGRESS':
      return 'awaiting-issuance';
    case 'REFUSED':
      return 'refused';
    case 'REVOKED':
      return 'revoked';
    case 'EXPIRED':
      return 'expired';
    case 'VALID_ACTIVE':
      switch (etkStatus) {
        case 'NOT_REQUESTED':
        case 'IN_REQUEST':
          return 'awaiting-etk';
        case 'WAIT_FOR_ACTIVATION':
          return 'awaiting-etk-activation';
        case 'VALID_ACTIVE':
          return 'active';
        case 'REVOKED':
        case 'EXPIRED':
          return 'etk-unusable';
      }
  }
}
