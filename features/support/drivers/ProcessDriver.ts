import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { softhsmModulePath } from '@ehealth-cert/simulator';
import { BUILT_CLI } from '../scene/repositoryPaths.js';
import { CliDriver } from './CliDriver.js';

/**
 * The built `ehealth-cert` as a child process, as a person or a script runs it, against the
 * scenario's `ehealth-sim serve` on 127.0.0.1 (EHEALTH_CERT_ENDPOINT_BASE) and its SoftHSM card
 * (SOFTHSM2_CONF): nothing of the test process is shared but the files.
 */
export class ProcessDriver extends CliDriver {
  override readonly name = 'processus';

  protected override async execute(args: readonly string[], env: Record<string, string>): Promise<{ status: number; stdout: string; stderr: string }> {
    if (!existsSync(BUILT_CLI)) throw new Error(`${BUILT_CLI} is missing: run npm run build first`);
    const { card, loopbackUrl } = this.scene;
    const child = spawn(process.execPath, [BUILT_CLI, ...args], {
      cwd: this.scene.dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env['PATH'] ?? '',
        HOME: this.scene.dir,
        ...(loopbackUrl ? { EHEALTH_CERT_ENDPOINT_BASE: loopbackUrl } : {}),
        ...(card ? { SOFTHSM2_CONF: card.softhsmConf } : {}),
        EHEALTH_CERT_PKCS11_MODULE: card?.modulePath ?? softhsmModulePath(),
        ...env,
      },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    const status = await new Promise<number>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (code) => resolve(code ?? 1));
    });
    return { status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
  }
}
