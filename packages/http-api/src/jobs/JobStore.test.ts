import { EhealthCertError } from '@ehealth-cert/core';
import { describe, expect, it } from 'vitest';
import { JobStore } from './JobStore.js';

describe('JobStore', () => {
  it('reports a running job, then its result', async () => {
    const jobs = new JobStore();
    let finish!: (value: string) => void;
    const job = jobs.start('test', () => new Promise((resolve) => (finish = resolve)));
    expect(jobs.get(job.id)?.status).toBe('running');
    finish('done');
    const finished = await jobs.waitFor(job.id, 10_000);
    expect(finished).toMatchObject({ status: 'succeeded', result: 'done' });
  });

  it('keeps a failure as the problem document the route would have answered', async () => {
    const jobs = new JobStore();
    const seen: unknown[] = [];
    jobs.onFailure = (error) => seen.push(error);
    const job = jobs.start('test', () => Promise.reject(new EhealthCertError('PIN_INCORRECT', 'Wrong PIN.', { triesLeft: 2 })));
    const failed = await jobs.waitFor(job.id, 10_000);
    expect(failed?.problem).toMatchObject({ status: 422, code: 'PIN_INCORRECT', details: { triesLeft: 2 } });
    expect(seen).toHaveLength(1);
  });

  it('answers a wait of zero at once with the running job', async () => {
    const jobs = new JobStore();
    const job = jobs.start('test', () => new Promise(() => undefined));
    expect((await jobs.waitFor(job.id, 0))?.status).toBe('running');
  });

  it('forgets the oldest finished jobs beyond its capacity, never a running one', async () => {
    const jobs = new JobStore({ capacity: 2 });
    const running = jobs.start('slow', () => new Promise(() => undefined));
    const a = jobs.start('a', async () => 1);
    await jobs.waitFor(a.id, 10_000);
    const b = jobs.start('b', async () => 2);
    await jobs.waitFor(b.id, 10_000);
    expect(jobs.get(running.id)).toBeDefined();
    expect(jobs.get(a.id)).toBeUndefined();
    expect(jobs.get(b.id)).toBeDefined();
  });
});
