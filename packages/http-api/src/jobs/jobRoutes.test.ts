import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { authorized } from '../testing/authorized.js';
import { fakeApp } from '../testing/fakeApp.js';

describe('GET /jobs/{id}', () => {
  let app: FastifyInstance;
  afterEach(() => app.close());

  it('shows a running job, then its result once finished (waiting with Prefer: wait)', async () => {
    const { app: built, deps } = await fakeApp();
    app = built;
    let finish!: (value: unknown) => void;
    const job = deps.jobs.start('test', () => new Promise((resolve) => (finish = resolve)));
    const running = await app.inject({ url: `/jobs/${job.id}`, headers: authorized() });
    expect(running.json()).toMatchObject({ id: job.id, kind: 'test', status: 'running', href: `/jobs/${job.id}` });
    setTimeout(() => finish({ answer: 42 }), 10);
    const finished = await app.inject({ url: `/jobs/${job.id}`, headers: authorized({ prefer: 'wait=10' }) });
    expect(finished.json()).toMatchObject({ status: 'succeeded', result: { answer: 42 }, finishedAt: expect.any(String) });
  });

  it('answers an unknown job with 404 JOB_NOT_FOUND', async () => {
    const { app: built } = await fakeApp();
    app = built;
    const response = await app.inject({ url: '/jobs/00000000-0000-4000-8000-000000000000', headers: authorized() });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'JOB_NOT_FOUND', details: { field: 'params.id' } });
  });
});
