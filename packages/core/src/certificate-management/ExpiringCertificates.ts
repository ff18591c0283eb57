import type { Bytes } from '../ports/binary.js';
import type { Clock } from '../ports/Clock.js';
import type { KeyFactory } from '../ports/KeyFactory.js';
import type { KeystoreFile, KeystoreVault } from '../ports/KeystoreVault.js';
import { EhealthCertError } from '../errors/EhealthCertError.js';
import { authenticationEntry } from '../certificate-completion/authenticationEntry.js';
import { daysUntil } from '../lifecycle/daysUntil.js';
import { renewalState, renewalWindowStart, type RenewalState } from '../lifecycle/renewalState.js';

/** Longest period accepted: ten years (a certificate lives three, DOMAIN.md 4.3). */
const MAX_DAYS = 3660;

/**
 * A period in days from `90d`, `12w` or `90` (days), as `--expiring-within` and the API take it;
 * INVALID_INPUT naming `field` and the rule otherwise.
 */
export function parsePeriodDays(text: string, field: string): number {
  const match = /^\s*(\d{1,5})\s*([dw]?)\s*$/i.exec(text);
  const days = match === null ? Number.NaN : Number(match[1]) * (match[2]?.toLowerCase() === 'w' ? 7 : 1);
  if (!Number.isInteger(days) || days < 0 || days > MAX_DAYS) {
    throw new EhealthCertError('INVALID_INPUT', `${field} "${text}" must be a number of days (90 or 90d) or weeks (12w), at most ${MAX_DAYS} days.`, {
      field,
      value: text,
      rule: 'period',
      max: MAX_DAYS,
    });
  }
  return days;
}

/** Where one certificate of the folder stands. */
export type ExpiryState =
  /** Valid beyond the period. */
  | 'valid'
  /** Still valid, but expires within the period: renew it (from renewalWindowStart). */
  | 'expiring'
  | 'expired'
  /** Only a request not completed yet: no certificate to expire. */
  | 'pending'
  /** The keystore does not open (another password, damaged file): `reason` says why. */
  | 'unreadable';

export interface CertificateExpiry {
  /** `TYPE=ID[,APPID]`: one line per certificate, from its newest keystore holding an issued one. */
  readonly certificateName: string;
  readonly keystorePath: string;
  readonly environment: 'prd' | 'acc' | 'sim';
  readonly state: ExpiryState;
  readonly dn?: string;
  readonly notAfter?: Date;
  readonly daysToExpiry?: number;
  readonly renewalWindowStart?: Date;
  readonly renewalState?: RenewalState;
  /** A newer keystore holds a request for this certificate that is not completed yet (a renewal under way). */
  readonly pendingKeystorePath?: string;
  /** The error code when unreadable (KEYSTORE_PASSWORD_WRONG, KEYSTORE_CORRUPT...). */
  readonly reason?: string;
}

export interface ExpiryReport {
  readonly checkedAt: Date;
  readonly withinDays: number;
  readonly certificates: readonly CertificateExpiry[];
  /** How many are `expiring` or `expired`: what a monitoring system alerts on. */
  readonly needingRenewal: number;
  readonly unreadable: number;
}

/**
 * Expiry monitoring over the keystore folder (no card, no network): for each certificate name,
 * the newest keystore holding an issued certificate, and whether it expires within `withinDays`.
 * Every keystore is opened with the one password given; those it does not open are reported
 * `unreadable`, never skipped silently.
 */
export class ExpiringCertificates {
  constructor(private readonly ports: { readonly vault: KeystoreVault; readonly keys: KeyFactory; readonly clock: Clock }) {}

  async execute(input: { readonly withinDays: number; readonly password: string }): Promise<ExpiryReport> {
    const now = this.ports.clock.now();
    const groups = new Map<string, KeystoreFile[]>();
    for (const file of await this.ports.vault.list()) {
      const key = `${file.environment} ${file.baseName}`;
      groups.set(key, [...(groups.get(key) ?? []), file]);
    }
    const certificates: CertificateExpiry[] = [];
    for (const files of groups.values()) {
      files.sort((a, b) => b.modifiedAt.getTime() - a.modifiedAt.getTime());
      certificates.push(await this.#certificateOf(files, input, now));
    }
    certificates.sort((a, b) => (a.notAfter?.getTime() ?? Number.MAX_SAFE_INTEGER) - (b.notAfter?.getTime() ?? Number.MAX_SAFE_INTEGER) || a.certificateName.localeCompare(b.certificateName));
    return {
      checkedAt: now,
      withinDays: input.withinDays,
      certificates,
      needingRenewal: certificates.filter((c) => c.state === 'expiring' || c.state === 'expired').length,
      unreadable: certificates.filter((c) => c.state === 'unreadable').length,
    };
  }

  async #certificateOf(newestFirst: readonly KeystoreFile[], input: { readonly withinDays: number; readonly password: string }, now: Date): Promise<CertificateExpiry> {
    const newest = newestFirst[0] as KeystoreFile;
    const base = { certificateName: newest.baseName, environment: newest.environment };
    let pendingKeystorePath: string | undefined;
    for (const file of newestFirst) {
      let leaf;
      try {
        const content = await this.ports.vault.open(file.path, input.password);
        leaf = this.ports.keys.describeCertificate(authenticationEntry(content, file.path).chain[0] as Bytes);
      } catch (error) {
        if (!EhealthCertError.is(error)) throw error;
        // The newest file decides: an older one that does not open is an old one.
        if (file === newest) return { ...base, keystorePath: file.path, state: 'unreadable', reason: error.code };
        continue;
      }
      if (leaf.placeholder) {
        pendingKeystorePath ??= file.path;
        continue;
      }
      const days = daysUntil(leaf.notAfter, now);
      const state: ExpiryState = now.getTime() > leaf.notAfter.getTime() ? 'expired' : days < input.withinDays ? 'expiring' : 'valid';
      return {
        ...base,
        keystorePath: file.path,
        state,
        dn: leaf.subject,
        notAfter: leaf.notAfter,
        daysToExpiry: days,
        renewalWindowStart: renewalWindowStart(leaf.notAfter),
        renewalState: renewalState(leaf.notAfter, now),
        ...(pendingKeystorePath === undefined ? {} : { pendingKeystorePath }),
      };
    }
    return { ...base, keystorePath: pendingKeystorePath ?? newest.path, state: 'pending' };
  }
}
