import type { PendingRequest, PendingRequests } from '@ehealth-cert/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/** A record of pending requests to run the contract against. */
export interface PendingRequestsContractTarget {
  readonly name: string;
  /** A fresh, empty record; `reopen` gives another instance over the same storage (the same one for an in-memory record). */
  setUp(): Promise<{ readonly pending: PendingRequests; reopen(): PendingRequests; dispose(): Promise<void> }>;
}

function aRequest(reference: string, requestedAt: string, lastStatus: PendingRequest['lastStatus'] = 'sent'): PendingRequest {
  return {
    reference,
    environment: 'acc',
    certificateName: 'EHEALTH-CBE=0809394427-AMBULANCE',
    dn: 'CN="CBE=0809394427, AMBULANCE",O=Federal Government,C=BE',
    keystorePath: `/home/user/ehealth/keystore/CBE=0809394427 ${reference}.acc-p12`,
    requestedAt: new Date(requestedAt),
    automaticallyValidated: true,
    lastStatus,
  };
}

/** What every PendingRequests must do, run against the in-memory fake and JsonPendingRequests alike. */
export function describePendingRequestsContract(target: PendingRequestsContractTarget): void {
  describe(`PendingRequests contract: ${target.name}`, () => {
    let pending: PendingRequests;
    let reopen: () => PendingRequests;
    let dispose: () => Promise<void>;

    beforeEach(async () => {
      ({ pending, reopen, dispose } = await target.setUp());
    });
    afterEach(async () => {
      await dispose();
    });

    it('gives back what it recorded, dates included, in recorded order', async () => {
      const first = aRequest('3f2a0001', '2026-01-05T10:00:00.000Z');
      const second = aRequest('3f2a0002', '2026-01-06T10:00:00.000Z', 'pending');
      await pending.record(first);
      await pending.record(second);
      expect(await reopen().get('3f2a0001')).toEqual(first);
      expect(await reopen().list()).toEqual([first, second]);
      expect(await pending.get('00000000')).toBeUndefined();
    });

    it('updates the status, the time of the last check and the keystore, and nothing else', async () => {
      const request = aRequest('3f2a0003', '2026-01-05T10:00:00.000Z');
      await pending.record(request);
      const checkedAt = new Date('2026-01-07T08:30:00.000Z');
      await pending.update('3f2a0003', { lastStatus: 'issued', lastCheckedAt: checkedAt });
      await pending.update('3f2a0003', { keystorePath: '/elsewhere/k.acc-p12' });
      expect(await reopen().get('3f2a0003')).toEqual({ ...request, lastStatus: 'issued', lastCheckedAt: checkedAt, keystorePath: '/elsewhere/k.acc-p12' });
    });

    it('ignores an update of a request it does not know (a lost record never blocks completion)', async () => {
      await pending.update('deadbeef', { lastStatus: 'completed' });
      expect(await reopen().list()).toEqual([]);
    });

    it('replaces a record made again under the same reference', async () => {
      await pending.record(aRequest('3f2a0004', '2026-01-05T10:00:00.000Z'));
      const again = aRequest('3f2a0004', '2026-01-05T10:00:00.000Z', 'pending');
      await pending.record(again);
      expect(await reopen().list()).toEqual([again]);
    });
  });
}
