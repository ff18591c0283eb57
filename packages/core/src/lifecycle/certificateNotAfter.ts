import { addMonthsClamped } from './addMonthsClamped.js';

/** eHealth certificates are valid 3 years (DOMAIN.md 4.3). */
export const CERTIFICATE_VALIDITY_YEARS = 3;

/**
 * The last valid second of a certificate that starts at `notBefore`: 3 years minus one second, as
 * in the real ACC certificate 2023-08-23 06:47:52 to 2026-08-23 06:47:51 (DOMAIN.md 4.3).
 */
export function certificateNotAfter(notBefore: Date): Date {
  return new Date(addMonthsClamped(notBefore, CERTIFICATE_VALIDITY_YEARS * 12).getTime() - 1000);
}
