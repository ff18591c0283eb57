import type { CertificateRecord } from '../state/CertificateRecord.js';

/** AuthenticationCertificateStatus of DOMAIN.md 2.3 at `now`. */
export function certificateStatus(r: CertificateRecord, now: Date): 'IN_PROGRESS' | 'VALID_ACTIVE' | 'REFUSED' | 'REVOKED' | 'EXPIRED' {
  if (r.revokedAt) return 'REVOKED';
  if (r.validation === 'REFUSED') return 'REFUSED';
  if (!r.certificate || !r.notAfter) return 'IN_PROGRESS';
  return new Date(r.notAfter) < now ? 'EXPIRED' : 'VALID_ACTIVE';
}

/** ETKStatus of DOMAIN.md 2.3 at `now`. */
export function etkStatus(r: CertificateRecord, now: Date): 'NOT_REQUESTED' | 'IN_REQUEST' | 'WAIT_FOR_ACTIVATION' | 'VALID_ACTIVE' | 'REVOKED' | 'EXPIRED' {
  const cert = certificateStatus(r, now);
  const latest = r.etks.at(-1);
  if (cert === 'REVOKED') return latest ? 'REVOKED' : 'NOT_REQUESTED';
  if (cert === 'EXPIRED') return latest ? 'EXPIRED' : 'NOT_REQUESTED';
  if (r.pendingEtk) return 'IN_REQUEST';
  if (!latest) return 'NOT_REQUESTED';
  return latest.status;
}

/** Start of the replacement period: 3 months before expiry (DOMAIN.md 4.3). */
export function replacementPeriodStart(notAfter: Date): Date {
  const d = new Date(notAfter);
  d.setUTCMonth(d.getUTCMonth() - 3);
  return d;
}
