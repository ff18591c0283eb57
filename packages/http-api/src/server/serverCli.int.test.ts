import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../server-cli.ts', import.meta.url));
const TOKEN = 'cli-token-0123456789abcdef';

function run(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', CLI, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return { child, output: () => ({ stdout, stderr }) };
}

describe('ehealth-cert-api (the bin)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ehealth-cert-api-bin-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('listens on 127.0.0.1 with the token from the environment and stops cleanly on SIGTERM', async () => {
    const { child, output } = run(['--env', 'acc', '--port', '0'], { EHEALTH_CERT_API_TOKEN: TOKEN, EHEALTH_CERT_KEYSTORE_DIR: dir });
    const url = await new Promise<string>((resolve, reject) => {
      const poll = setInterval(() => {
        const match = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(output().stdout);
        if (match?.[1] !== undefined) {
          clearInterval(poll);
          resolve(match[1]);
        }
      }, 50);
      child.once('exit', (code) => {
        clearInterval(poll);
        reject(new Error(`exited with ${code}: ${output().stderr}`));
      });
    });
    expect((await fetch(`${url}/health`)).status).toBe(200);
    expect((await fetch(`${url}/keystores`)).status).toBe(401);
    expect((await fetch(`${url}/keystores`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(output().stdout).toContain('shutting down');
    expect(output().stdout).not.toContain(TOKEN);
  });

  it('exits 2 naming the flag when the settings are wrong', async () => {
    const { child, output } = run(['--env', 'acc', '--no-auth', '--host', '0.0.0.0'], {});
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(output().stderr).toMatch(/--host "0\.0\.0\.0".*--no-auth/);
  });

  it('exits 2 naming --no-auth and --env prd together, before listening', async () => {
    const { child, output } = run(['--env', 'prd', '--no-auth', '--port', '0'], { EHEALTH_CERT_KEYSTORE_DIR: dir });
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(output().stderr).toMatch(/^ehealth-cert-api: --no-auth is refused with --env prd/);
    expect(output().stdout).not.toContain('listening');
  });
});
