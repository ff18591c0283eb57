import type { SeededRandom } from '../random/SeededRandom.js';

/** What can go wrong on the wire. */
/**
 * What can go wrong on the wire. Every failure but `lostAnswer` hits before eHealth handles the
 * request; `lostAnswer`: eHealth handles it (a GenerateCertificate is recorded), then the connection
 * is reset instead of the answer (issue 13: the client must find out by a status check).
 */
export type FaultKind = 'latency' | 'http500' | 'http503' | 'soapFault' | 'malformed' | 'reset' | 'noAnswer' | 'lostAnswer';

/** A fault rule: for one operation (or `*`), once (default), N times, or with a seeded probability. */
export interface FaultRule {
  /** Payload element local name without `Request` (e.g. `GetCertificate`) or `*`. */
  readonly operation: string;
  readonly kind: FaultKind;
  /** For `latency`: added delay in ms (real time). */
  readonly latencyMs?: number;
  /** How many matching requests it hits; omitted = 1 unless `probability` is set (then unlimited). */
  readonly times?: number;
  /** Chance (0..1) that a matching request is hit, drawn from the seeded randomness. */
  readonly probability?: number;
}

/** The faults to apply to one request: an optional delay then an optional failure. */
export interface FaultDecision {
  readonly latencyMs: number;
  readonly failure?: Exclude<FaultKind, 'latency'>;
}

/** Decides which injected faults hit a request. */
export class FaultInjector {
  private rules: { rule: FaultRule; remaining: number }[] = [];

  constructor(private readonly random: SeededRandom) {}

  /** Adds a rule. */
  add(rule: FaultRule): void {
    const known: FaultKind[] = ['latency', 'http500', 'http503', 'soapFault', 'malformed', 'reset', 'noAnswer', 'lostAnswer'];
    if (!known.includes(rule.kind)) throw new TypeError(`fault.kind must be one of ${known.join(', ')}, got "${String(rule.kind)}"`);
    if (rule.probability !== undefined && !(rule.probability >= 0 && rule.probability <= 1)) throw new TypeError(`fault.probability must be in [0, 1], got ${rule.probability}`);
    const remaining = rule.times ?? (rule.probability !== undefined ? Infinity : 1);
    this.rules.push({ rule, remaining });
  }

  /** Removes every rule. */
  clear(): void {
    this.rules = [];
  }

  /** The rules still active. */
  list(): FaultRule[] {
    return this.rules.filter((r) => r.remaining > 0).map((r) => r.rule);
  }

  /** Consumes the rules that hit a request to `operation`. */
  decide(operation: string): FaultDecision {
    let latencyMs = 0;
    let failure: FaultDecision['failure'];
    for (const r of this.rules) {
      if (r.remaining <= 0 || (r.rule.operation !== '*' && r.rule.operation !== operation)) continue;
      if (r.rule.probability !== undefined && this.random.float() >= r.rule.probability) continue;
      if (r.rule.kind !== 'latency' && failure !== undefined) continue;
      r.remaining--;
      if (r.rule.kind === 'latency') latencyMs += r.rule.latencyMs ?? 1000;
      else failure = r.rule.kind;
    }
    this.rules = this.rules.filter((r) => r.remaining > 0);
    return { latencyMs, failure };
  }
}
