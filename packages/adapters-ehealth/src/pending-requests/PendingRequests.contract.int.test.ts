import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakePendingRequests } from '@ehealth-cert/core/testing';
import { JsonPendingRequests } from './JsonPendingRequests.js';
import { describePendingRequestsContract } from './testing/describePendingRequestsContract.js';

describePendingRequestsContract({
  name: 'FakePendingRequests (core/testing)',
  setUp: async () => {
    const pending = new FakePendingRequests();
    return { pending, reopen: () => pending, dispose: async () => undefined };
  },
});

describePendingRequestsContract({
  name: 'JsonPendingRequests',
  setUp: async () => {
    const folder = await mkdtemp(join(tmpdir(), 'ehealth-pending-contract-'));
    return {
      pending: new JsonPendingRequests({ folder }),
      // Another instance over the same file: what was recorded survives the process.
      reopen: () => new JsonPendingRequests({ folder }),
      dispose: () => rm(folder, { recursive: true, force: true }),
    };
  },
});
