import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors/ApiError.js';
import { CardQueue } from './CardQueue.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('CardQueue', () => {
  it('runs operations one at a time in arrival order', async () => {
    const queue = new CardQueue();
    const events: string[] = [];
    const first = deferred();
    const a = queue.run('a', async () => {
      events.push('a start');
      await first.promise;
      events.push('a end');
    });
    const b = queue.run('b', async () => {
      events.push('b start');
    });
    await Promise.resolve();
    expect(queue.current).toBe('a');
    first.resolve();
    await Promise.all([a, b]);
    expect(events).toEqual(['a start', 'a end', 'b start']);
    expect(queue.current).toBeUndefined();
  });

  it('keeps going after a failed operation', async () => {
    const queue = new CardQueue();
    await expect(queue.run('a', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(queue.run('b', async () => 42)).resolves.toBe(42);
  });

  it('refuses with CARD_BUSY naming the current operation when too many wait', async () => {
    const queue = new CardQueue(1);
    const gate = deferred();
    const running = queue.run('organisations', () => gate.promise);
    const waiting = queue.run('card', async () => undefined);
    const refused = queue.run('request', async () => undefined);
    await expect(refused).rejects.toBeInstanceOf(ApiError);
    await expect(refused).rejects.toMatchObject({ code: 'CARD_BUSY', details: { current: 'organisations', waiting: 1 } });
    gate.resolve();
    await Promise.all([running, waiting]);
  });
});
