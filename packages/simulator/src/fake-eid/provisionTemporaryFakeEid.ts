import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { provisionFakeEid, type FakeEid, type FakeEidOptions } from './provisionFakeEid.js';

/** A fake eID in a temporary folder, and how to remove it. */
export interface TemporaryFakeEid extends FakeEid {
  /** Deletes the card's folder (tokens, PIN counter); idempotent. */
  remove(): Promise<void>;
}

/** Provisions a fresh fake eID in a new temporary folder (a server in env `sim` without a configured card). */
export async function provisionTemporaryFakeEid(options: Omit<FakeEidOptions, 'dir'> = {}): Promise<TemporaryFakeEid> {
  const dir = await mkdtemp(join(tmpdir(), 'ehealth-cert-fake-eid-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    return { ...(await provisionFakeEid({ ...options, dir })), remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
