import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** A temporary folder for openssl files, removed by `dispose`. */
export async function opensslDir() {
  const dir = await mkdtemp(join(tmpdir(), 'openssl-'));
  return {
    dir,
    path: (name: string) => join(dir, name),
    write: (name: string, data: Uint8Array | string) => writeFile(join(dir, name), data),
    read: async (name: string) => new Uint8Array(await readFile(join(dir, name))),
    /** Runs openssl in the folder; returns stdout. */
    run: async (...args: string[]) => (await exec('openssl', args, { cwd: dir })).stdout,
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

/** A PKCS#10 request (DER) for a fresh RSA-2048 key, made by the openssl CLI so the tests do not trust our CSR code. */
export async function opensslCsr(subject = '/C=BE/CN=test'): Promise<Uint8Array> {
  const openssl = await opensslDir();
  try {
    await openssl.run('req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'k.pem', '-subj', subject, '-outform', 'DER', '-out', 'csr.der');
    return await openssl.read('csr.der');
  } finally {
    await openssl.dispose();
  }
}
