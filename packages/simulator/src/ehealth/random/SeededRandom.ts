import { createHash, randomBytes } from 'node:crypto';

/**
 * Randomness of the simulator: a SHA-256 counter stream when seeded (deterministic runs for
 * tests), node:crypto otherwise.
 */
export class SeededRandom {
  private counter = 0;

  constructor(private readonly seed?: string) {}

  /** `n` random bytes. */
  bytes(n: number): Buffer {
    if (this.seed === undefined) return randomBytes(n);
    const out: Buffer[] = [];
    let have = 0;
    while (have < n) {
      const block = createHash('sha256').update(`${this.seed}:${this.counter++}`).digest();
      out.push(block);
      have += block.length;
    }
    return Buffer.concat(out).subarray(0, n);
  }

  /** A float in [0, 1). */
  float(): number {
    return this.bytes(4).readUInt32BE(0) / 2 ** 32;
  }

  /** An eHealth-style message id: `_` + 32 hex digits (the connector uses `_` + UUID, DOMAIN.md 2.1). */
  id(): string {
    return `_${this.bytes(16).toString('hex')}`;
  }
}
