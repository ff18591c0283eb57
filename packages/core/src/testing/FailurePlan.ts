import { EhealthCertError } from '../errors/EhealthCertError.js';

/** How an injected failure behaves: `before` fails without effect, `after` applies the operation then fails (a lost response). */
export interface PlannedFailure {
  readonly error: Error;
  readonly when: 'before' | 'after';
}

/** A timeout as the SOAP adapter reports it: EHEALTH_UNAVAILABLE with `timeout: true`. */
export function timeoutError(operation: string): EhealthCertError {
  return new EhealthCertError('EHEALTH_UNAVAILABLE', `eHealth did not answer ${operation} in time.`, { operation, timeout: true });
}

/** Failures queued per operation name, consumed once each: the fakes' fault injection. */
export class FailurePlan<Operation extends string> {
  private readonly planned = new Map<Operation, PlannedFailure[]>();

  /** Makes the next call of `operation` fail with `error` (before or after it takes effect). */
  failNext(operation: Operation, error: Error, when: 'before' | 'after' = 'before'): void {
    const queue = this.planned.get(operation) ?? [];
    queue.push({ error, when });
    this.planned.set(operation, queue);
  }

  /** Runs `body` for `operation`, applying a queued failure if there is one. */
  async run<T>(operation: Operation, body: () => Promise<T> | T): Promise<T> {
    const failure = this.planned.get(operation)?.shift();
    if (failure?.when === 'before') throw failure.error;
    const result = await body();
    if (failure?.when === 'after') throw failure.error;
    return result;
  }
}
