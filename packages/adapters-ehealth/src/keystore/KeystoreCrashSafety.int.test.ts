import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKeystoreFileName } from '@ehealth-cert/core';
import { Pkcs12KeystoreVault } from './Pkcs12KeystoreVault.js';
import { folderSnapshot } from './testing/folderSnapshot.js';

const CHILD = fileURLToPath(new URL('./testing/saveLoopChild.ts', import.meta.url));

/**
 * Runs the save loop and SIGKILLs it `delayMs` after its second save, at whatever step it is in.
 * After the second (not the first) save, so that every round has at least two saves however slow
 * the machine: the kill point stays random within the saves that follow.
 */
function runAndKill(folder: string, start: number, delayMs: number, mode: 'new' | 'replace' = 'new'): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-C', 'source', '--import', 'tsx', CHILD, folder, String(start), mode], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let saves = 0;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const before = saves;
      saves += chunk.split('\n').filter((line) => line.startsWith('saved ')).length;
      if (before < 2 && saves >= 2) setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.on('error', reject);
    child.on('exit', () => resolve(saves));
  });
}

let folder: string;
let replacing: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'ehealth-crash-'));
  replacing = await mkdtemp(join(tmpdir(), 'ehealth-crash-replace-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
  await rm(replacing, { recursive: true, force: true });
});

/** The file names of a snapshot without the folder part (`superseded/x` is `x`), with their bytes. */
function byFileName(snapshot: Record<string, string>): Map<string, string[]> {
  const names = new Map<string, string[]>();
  for (const [path, bytes] of Object.entries(snapshot)) {
    const name = path.slice(path.lastIndexOf('/') + 1).replace(/-\d+$/, '');
    names.set(name, [...(names.get(name) ?? []), bytes]);
  }
  return names;
}

describe('crash safety', () => {
  it('keeps every previous file intact and leaves no partial keystore when the writer is killed at random points', async () => {
    const vault = new Pkcs12KeystoreVault({ environment: 'acc', folder, iterations: 16 });
    let previous: Record<string, string> = {};
    let totalSaves = 0;
    for (let round = 0; round < 4; round++) {
      // Each round starts its clock a year later so names never collide across rounds.
      totalSaves += await runAndKill(folder, Date.UTC(2030 + round, 0, 1), Math.floor(Math.random() * 150));
      const now = await folderSnapshot(folder);
      for (const [name, bytes] of Object.entries(previous)) expect(now[name], `${name} changed`).toBe(bytes);
      for (const name of await readdir(folder)) {
        if (parseKeystoreFileName(name) === undefined) {
          // Only a stray temp file may remain from the killed write, never a partial file under a real name.
          expect(name).toMatch(/^\..*\.tmp-[0-9a-f]+$/);
          continue;
        }
        expect((await vault.open(join(folder, name), 'crash test')).entries.length).toBeGreaterThan(0);
      }
      previous = Object.fromEntries(Object.entries(now).filter(([name]) => !name.startsWith('.')));
    }
    expect(totalSaves).toBeGreaterThanOrEqual(8);
  });

  it('never loses a replaced keystore when the writer is killed while it replaces files (move to superseded/)', async () => {
    const vault = new Pkcs12KeystoreVault({ environment: 'acc', folder: replacing, iterations: 16 });
    let previous: Record<string, string> = {};
    let totalSaves = 0;
    for (let round = 0; round < 4; round++) {
      totalSaves += await runAndKill(replacing, Date.UTC(2030 + round, 0, 1), Math.floor(Math.random() * 150), 'replace');
      const now = await folderSnapshot(replacing);
      // Every file seen before is still there, byte for byte: in the folder, or moved to superseded/.
      const present = byFileName(now);
      for (const [path, bytes] of Object.entries(previous)) {
        const name = path.slice(path.lastIndexOf('/') + 1).replace(/-\d+$/, '');
        expect(present.get(name) ?? [], `${path} lost or changed`).toContain(bytes);
      }
      // The folder always holds a keystore that opens (the newest, whatever the kill interrupted).
      const inFolder = (await readdir(replacing)).filter((name) => parseKeystoreFileName(name) !== undefined);
      expect(inFolder.length).toBeGreaterThan(0);
      expect((await vault.findLatest('SSIN=85073003328'))?.path).toBeDefined();
      for (const path of Object.keys(now)) {
        const name = path.slice(path.lastIndexOf('/') + 1);
        if (name.startsWith('.')) {
          expect(name).toMatch(/^\..*\.tmp-[0-9a-f]+$/);
          continue;
        }
        expect((await vault.open(join(replacing, path), 'crash test')).entries.length, path).toBeGreaterThan(0);
      }
      previous = Object.fromEntries(Object.entries(now).filter(([path]) => !path.slice(path.lastIndexOf('/') + 1).startsWith('.')));
    }
    expect(totalSaves).toBeGreaterThanOrEqual(8);
    expect((await vault.listSuperseded()).length).toBeGreaterThan(0);
  });
});
