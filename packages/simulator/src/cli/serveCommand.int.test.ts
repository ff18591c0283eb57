import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ehealth-sim-serve-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const cli = join(import.meta.dirname, '..', 'cli.ts');

describe('ehealth-sim serve', () => {
  it('serves on 127.0.0.1 with a fixture, saves its state file and stops on SIGTERM', async () => {
    const fixture = join(dir, 'fixture.yaml');
    const state = join(dir, 'state.json');
    await writeFile(fixture, 'people:\n  - { ssin: "01010100126", firstNames: [Zoé], name: Nouvelle }\n');
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', cli, 'serve', '--port', '0', '--fixture', fixture, '--state', state, '--seed', 'cli', '--now', '2026-03-01T08:00:00Z'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m) resolve(m[1] as string);
      });
      child.once('exit', (code) => reject(new Error(`serve exited early with ${code}`)));
    });
    const sources = (await (await fetch(`${url}/admin/sources`)).json()) as { people: { ssin: string }[] };
    expect(sources.people.map((p) => p.ssin)).toEqual(['01010100126']);
    expect(await (await fetch(`${url}/admin/clock`)).json()).toEqual({ now: '2026-03-01T08:00:00.000Z' });
    const soap = await fetch(`${url}/CertRa/v2`, { method: 'GET' });
    expect(soap.status).toBe(405);
    const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(existsSync(state)).toBe(true);
    expect(JSON.parse(await readFile(state, 'utf8'))).toMatchObject({ version: 1, sources: { people: [{ ssin: '01010100126' }] } });
  });
});
