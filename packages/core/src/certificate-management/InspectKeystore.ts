import type { Bytes } from '../ports/binary.js';
import type { Clock } from '../ports/Clock.js';
import type { CertificateInspection, CertificateSummary } from '../ports/KeyFactory.js';
import type { KeystoreVault } from '../ports/KeystoreVault.js';
import { daysUntil } from '../lifecycle/daysUntil.js';
import { renewalState, renewalWindowStart, type RenewalState } from '../lifecycle/renewalState.js';
import { authenticationEntry } from '../certificate-completion/authenticationEntry.js';

/** One keystore entry and the certificate it starts with. */
export interface InspectedEntry {
  readonly alias: string;
  readonly kind: 'key' | 'certificate';
  readonly certificate: CertificateSummary;
}

/** The authentication certificate: a pending request's dummy, or an issued certificate with its dates. */
export type InspectedAuthentication =
  | { readonly state: 'pending'; readonly reference: string }
  | {
      readonly state: 'issued';
      readonly reference: string;
      readonly dn: string;
      readonly issuer: string;
      readonly notBefore: Date;
      readonly notAfter: Date;
      readonly daysToExpiry: number;
      readonly renewalWindowStart: Date;
      readonly renewalState: RenewalState;
    };

/** What a keystore holds, read locally. */
export interface KeystoreInspection {
  readonly keystorePath: string;
  readonly entries: readonly InspectedEntry[];
  readonly authentication: InspectedAuthentication;
  /** Aliases of the ETK keys: every key entry other than `authentication` (DOMAIN.md 3). */
  readonly etkSerials: readonly string[];
}

/** Entries, DN, validity, days to expiry, renewal window and ETK serials of a keystore; no network. */
export class InspectKeystore {
  constructor(private readonly ports: { readonly vault: KeystoreVault; readonly keys: CertificateInspection; readonly clock: Clock }) {}

  async execute(input: { readonly keystorePath: string; readonly password: string }): Promise<KeystoreInspection> {
    const { keys, clock } = this.ports;
    const content = await this.ports.vault.open(input.keystorePath, input.password);
    const auth = authenticationEntry(content, input.keystorePath);
    const entries = content.entries.map((entry) => ({
      alias: entry.alias,
      kind: entry.kind,
      certificate: keys.describeCertificate(entry.kind === 'key' ? (entry.chain[0] as Bytes) : entry.certificate),
    }));
    const leaf = keys.describeCertificate(auth.chain[0] as Bytes);
    const reference = await keys.publicKeyIdentifier(auth.publicKey);
    const now = clock.now();
    const authentication: InspectedAuthentication = leaf.placeholder
      ? { state: 'pending', reference }
      : {
          state: 'issued',
          reference,
          dn: leaf.subject,
          issuer: leaf.issuer,
          notBefore: leaf.notBefore,
          notAfter: leaf.notAfter,
          daysToExpiry: daysUntil(leaf.notAfter, now),
          renewalWindowStart: renewalWindowStart(leaf.notAfter),
          renewalState: renewalState(leaf.notAfter, now),
        };
    const etkSerials = content.entries.filter((e) => e.kind === 'key' && e.alias !== 'authentication').map((e) => e.alias);
    return { keystorePath: input.keystorePath, entries, authentication, etkSerials };
  }
}
