import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Verifies the enveloped signature of `requestName` in `envelope` with xmlsec1 against `certPem`; returns xmlsec1's report. */
export async function xmlsecVerify(envelope: string, requestName: string, namespace: string, certPem: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'xmlsec-'));
  try {
    const file = join(dir, 'signed.xml');
    const cert = join(dir, 'cert.pem');
    await writeFile(file, envelope);
    await writeFile(cert, certPem);
    const { stdout, stderr } = await run('xmlsec1', ['--verify', '--id-attr:Id', `${namespace}:${requestName}`, '--pubkey-cert-pem', cert, file]);
    return `${stdout}${stderr}`;
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(`xmlsec1: ${e.stdout ?? ''}${e.stderr ?? e.message}`, { cause: error });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
