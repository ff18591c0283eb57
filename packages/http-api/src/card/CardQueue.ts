import { ApiError } from '../errors/ApiError.js';

/**
 * One card operation at a time: a PKCS#11 token serves one login session, and two PIN prompts
 * at once would confuse the holder. Operations run in arrival order; when `maxWaiting` already
 * wait, the next one is refused with CARD_BUSY (409) instead of queueing without bound.
 */
export class CardQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly activities: string[] = [];

  constructor(private readonly maxWaiting = 8) {}

  /** Runs `operation` after every operation queued before it; throws CARD_BUSY when full. */
  run<T>(activity: string, operation: () => Promise<T>): Promise<T> {
    const waiting = this.activities.length - 1;
    if (waiting >= this.maxWaiting) {
      return Promise.reject(
        new ApiError(
          'CARD_BUSY',
          `The eID card is busy with "${this.activities[0] ?? 'an operation'}" and ${waiting} more operations wait; retry later.`,
          { current: this.activities[0], waiting },
        ),
      );
    }
    this.activities.push(activity);
    const result = this.tail.then(operation);
    this.tail = result.then(
      () => this.activities.shift(),
      () => this.activities.shift(),
    );
    return result;
  }

  /** What the card is doing now, if anything (for GET /card). */
  get current(): string | undefined {
    return this.activities[0];
  }
}
