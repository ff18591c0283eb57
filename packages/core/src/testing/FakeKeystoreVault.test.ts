import { describe, expect, it } from 'vitest';
import { FakeKeystoreVault } from './FakeKeystoreVault.js';
import { FixedClock } from './FixedClock.js';
import { rejectionOf } from './scenarios.js';

const content = { entries: [{ kind: 'certificate' as const, alias: 'x', certificate: new Uint8Array([1]) }] };

describe('FakeKeystoreVault', () => {
  it('never overwrites: two saves in the same second make two files, the second a second later', async () => {
    const vault = new FakeKeystoreVault(new FixedClock('2026-03-02T09:30:00'));
    const first = await vault.save('SSIN=85073003328', content, 'pw one');
    const second = await vault.save('SSIN=85073003328', { entries: [] }, 'pw two');
    expect([first, second]).toEqual([
      '/home/user/ehealth/keystore/SSIN=85073003328 20260302-093000.acc-p12',
      '/home/user/ehealth/keystore/SSIN=85073003328 20260302-093001.acc-p12',
    ]);
    expect(await vault.open(first, 'pw one')).toEqual(content);
    expect((await vault.findLatest('SSIN=85073003328'))?.path).toBe(second);
  });

  it('checks the password and the path', async () => {
    const vault = new FakeKeystoreVault(new FixedClock());
    const path = await vault.save('CBE=0809394427', content, 'right');
    expect((await rejectionOf(vault.open(path, 'wrong'))).code).toBe('KEYSTORE_PASSWORD_WRONG');
    expect((await rejectionOf(vault.open('/nowhere.p12', 'right'))).code).toBe('KEYSTORE_NOT_FOUND');
  });

  it('fails the next save when told to, writing nothing', async () => {
    const vault = new FakeKeystoreVault(new FixedClock());
    vault.failNextWrite();
    expect((await rejectionOf(vault.save('CBE=0809394427', content, 'pw'))).code).toBe('KEYSTORE_WRITE_FAILED');
    expect(vault.files.size).toBe(0);
    await vault.save('CBE=0809394427', content, 'pw');
    expect(vault.files.size).toBe(1);
  });

  it('returns copies, so a caller cannot change a saved file', async () => {
    const vault = new FakeKeystoreVault(new FixedClock());
    const entries = [...content.entries];
    const path = await vault.save('CBE=0809394427', { entries }, 'pw');
    entries.pop();
    const opened = await vault.open(path, 'pw');
    (opened.entries as unknown[]).pop();
    expect((await vault.open(path, 'pw')).entries).toHaveLength(1);
  });
});
