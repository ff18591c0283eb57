/**
 * The simulator's notion of time: fixed (deterministic tests) or the real time, both shifted by
 * whatever `advance` added, so expiry and delays can be exercised without waiting.
 */
export class SimulatedClock {
  constructor(
    private fixed: number | undefined,
    private offsetMs = 0,
  ) {}

  /** The current simulated instant. */
  now(): Date {
    return new Date((this.fixed ?? Date.now()) + this.offsetMs);
  }

  /** Moves simulated time forward by `ms` (never backwards). */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advance: ms must be a finite number >= 0, got ${ms}`);
    this.offsetMs += ms;
  }

  /** Fixes the clock at `instant` (tests, admin API). */
  set(instant: Date): void {
    this.fixed = instant.getTime();
    this.offsetMs = 0;
  }

  /** What to persist so a restart resumes at the same simulated time. */
  toJSON(): { fixed?: number; offsetMs: number } {
    return this.fixed === undefined ? { offsetMs: this.offsetMs } : { fixed: this.fixed, offsetMs: this.offsetMs };
  }
}
