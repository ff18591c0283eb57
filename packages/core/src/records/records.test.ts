import { describe, expect, it } from 'vitest';
import type { PendingRequest } from '../ports/PendingRequests.js';
import { FakeKeystoreVault, FakePendingRequests, FixedClock } from '../testing/index.js';
import { FindCertificateRequest, ListCertificateRequests, isOpenRequest } from './ListCertificateRequests.js';
import { FindKeystore, ListKeystores, fileNameOf } from './ListKeystores.js';

function aRequest(reference: string, lastStatus: PendingRequest['lastStatus'], requestedAt: string, environment: PendingRequest['environment'] = 'acc'): PendingRequest {
  return {
    reference,
    environment,
    certificateName: 'EHEALTH-ABC',
    dn: 'CN=ABC',
    keystorePath: `/k/${reference}.p12`,
    requestedAt: new Date(requestedAt),
    automaticallyValidated: true,
    lastStatus,
  };
}

describe('the requests recorded on this machine', () => {
  it('counts sent, pending and issued requests as open, completed and refused ones as closed', () => {
    expect((['sent', 'pending', 'issued', 'completed', 'refused'] as const).map((lastStatus) => isOpenRequest({ lastStatus }))).toEqual([true, true, true, false, false]);
    // Issue 13: a request whose answer was not seen yet is open; one that never reached eHealth is closed.
    expect((['sending', 'unsent'] as const).map((lastStatus) => isOpenRequest({ lastStatus }))).toEqual([true, false]);
  });

  it('lists them by state and environment, in recorded order or newest first', async () => {
    const pending = new FakePendingRequests();
    await pending.record(aRequest('aa', 'pending', '2026-01-01T10:00:00Z'));
    await pending.record(aRequest('bb', 'completed', '2026-01-02T10:00:00Z'));
    await pending.record(aRequest('cc', 'sent', '2026-01-03T10:00:00Z'));
    await pending.record(aRequest('dd', 'issued', '2026-01-04T10:00:00Z', 'sim'));
    const list = new ListCertificateRequests({ pending });
    const references = async (selection: Parameters<ListCertificateRequests['execute']>[0]) => (await list.execute(selection)).map((r) => r.reference);
    expect(await references({})).toEqual(['aa', 'bb', 'cc', 'dd']);
    expect(await references({ state: 'open' })).toEqual(['aa', 'cc', 'dd']);
    expect(await references({ state: 'completed' })).toEqual(['bb']);
    expect(await references({ state: 'open', environment: 'acc', order: 'newest-first' })).toEqual(['cc', 'aa']);
  });

  it('finds one by its reference whatever its case, and nothing for an unknown one', async () => {
    const pending = new FakePendingRequests();
    await pending.record(aRequest('3f2a', 'pending', '2026-01-01T10:00:00Z'));
    const find = new FindCertificateRequest({ pending });
    expect((await find.execute('3F2A'))?.reference).toBe('3f2a');
    expect(await find.execute('0000')).toBeUndefined();
  });
});

describe('the keystores of the keystore folder', () => {
  const content = { entries: [] };

  it('lists them by environment, in folder order or newest first', async () => {
    const clock = new FixedClock();
    const vault = new FakeKeystoreVault(clock, 'acc');
    const first = await vault.save('EHEALTH-A', content, 'pw');
    clock.advance({ minutes: 1 });
    const second = await vault.save('EHEALTH-B', content, 'pw');
    const list = new ListKeystores({ vault });
    expect((await list.execute()).map((f) => f.path)).toEqual([second, first]);
    expect((await list.execute({ order: 'newest-first' })).map((f) => f.path)).toEqual([second, first]);
    expect(await list.execute({ environment: 'prd' })).toEqual([]);
  });

  it('marks the newest keystore of each certificate current and the others superseded, with the moved ones on request', async () => {
    const clock = new FixedClock();
    const vault = new FakeKeystoreVault(clock, 'acc');
    const request = await vault.save('NIHII-AMBU_SERVICE=91000153', content, 'pw');
    clock.advance({ minutes: 1 });
    const completed = await vault.save('NIHII-AMBU_SERVICE=91000153', content, 'pw', { replaces: request });
    clock.advance({ minutes: 1 });
    // Left in the folder by an older version (no move): older than `left`, so superseded too.
    const olderInFolder = await vault.save('EHEALTH-B', content, 'pw');
    clock.advance({ minutes: 1 });
    const left = await vault.save('ehealth-b', content, 'pw');
    const list = new ListKeystores({ vault });
    const states = (files: readonly { path: string; state: string }[]) => files.map((f) => [fileNameOf(f.path), f.state]);
    expect(states(await list.execute())).toEqual([
      [fileNameOf(left), 'current'],
      [fileNameOf(olderInFolder), 'superseded'],
      [fileNameOf(completed), 'current'],
    ]);
    const all = await list.execute({ includeSuperseded: true });
    expect(all.at(-1)).toMatchObject({ path: '/home/user/ehealth/keystore/superseded/' + fileNameOf(request), state: 'superseded', superseded: true });
    expect(all.filter((f) => f.state === 'current')).toHaveLength(2);
  });

  it('finds one by file name, else the newest of a base name, else nothing', async () => {
    const clock = new FixedClock();
    const vault = new FakeKeystoreVault(clock, 'acc');
    const older = await vault.save('EHEALTH-A', content, 'pw');
    clock.advance({ minutes: 1 });
    const newer = await vault.save('EHEALTH-A', content, 'pw');
    const find = new FindKeystore({ vault });
    expect((await find.execute(fileNameOf(older)))?.path).toBe(older);
    expect((await find.execute('EHEALTH-A'))?.path).toBe(newer);
    expect(await find.execute('EHEALTH-Z')).toBeUndefined();
    // A file moved to superseded/ is found by its name only when asked (completion).
    const completed = await vault.save('EHEALTH-A', content, 'pw', { replaces: newer });
    expect((await find.execute('EHEALTH-A'))?.path).toBe(completed);
    expect(await find.execute(fileNameOf(newer))).toBeUndefined();
    expect(await find.execute(fileNameOf(newer), { includeSuperseded: true })).toMatchObject({ path: '/home/user/ehealth/keystore/superseded/' + fileNameOf(newer), superseded: true });
  });

  it('takes the file name of a POSIX or Windows path', () => {
    expect(fileNameOf('/home/a/keystore/x.p12')).toBe('x.p12');
    expect(fileNameOf('C:\\Users\\a\\x.acc-p12')).toBe('x.acc-p12');
    expect(fileNameOf('x.p12')).toBe('x.p12');
  });
});
