import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
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

  it('warns on stderr at start when the token file is readable by others, and still serves', async () => {
    const file = join(dir, 'token-0644');
    await writeFile(file, `${TOKEN}\n`);
    await chmod(file, 0o644);
    const { child, output } = run(['--env', 'acc', '--port', '0', '--token-file', file], { EHEALTH_CERT_KEYSTORE_DIR: dir });
    await new Promise<void>((resolve, reject) => {
      const poll = setInterval(() => {
        if (/"url":"http:\/\/127\.0\.0\.1:\d+"/.test(output().stdout)) {
          clearInterval(poll);
          resolve();
        }
      }, 50);
      child.once('exit', (code) => {
        clearInterval(poll);
        reject(new Error(`exited with ${code}: ${output().stderr}`));
      });
    });
    child.kill('SIGTERM');
    await once(child, 'exit');
    expect(output().stderr).toContain(`ehealth-cert-api: warning: the token file ${file} is readable or writable by other users of this machine (mode 0644): run "chmod 600 ${file}"`);
    expect(output().stdout).toMatch(/"level":40,.*"code":"TOKEN_FILE_READABLE_BY_OTHERS"/);
    expect(output().stdout + output().stderr).not.toContain(TOKEN);
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
