import { addMonthsClamped } from './addMonthsClamped.js';

/** A certificate can be replaced during its last 3 months (DOMAIN.md 4.3). */
export const RENEWAL_WINDOW_MONTHS = 3;

/** Where a certificate stands with respect to renewal. */
export type RenewalState = 'too-early' | 'open' | 'expired';

/**
 * The first instant a certificate may be renewed: 3 calendar months before notAfter (DOMAIN.md
 * 4.3). eHealth's own `ReplacementPeriodStartDate` (CertificateInfo) wins when it is known.
 */
export function renewalWindowStart(notAfter: Date): Date {
  return addMonthsClamped(notAfter, -RENEWAL_WINDOW_MONTHS);
}

/**
 * Whether `now` is before the renewal window, inside it, or past expiry. notAfter itself is still
 * valid (RFC 5280 4.1.2.5: the validity period is inclusive); after it, renewal is impossible and
 * a new certificate must be requested (DOMAIN.md 4.3).
 */
export function renewalState(notAfter: Date, now: Date): RenewalState {
  if (now.getTime() > notAfter.getTime()) return 'expired';
  return now.getTime() < renewalWindowStart(notAfter).getTime() ? 'too-early' : 'open';
}
