import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const simJs = join(import.meta.dirname, '..', '..', '..', 'simulator', 'dist', 'cli.js');

/** The built `ehealth-sim serve` on a loopback port, for tests that run the CLI as a child process. */
export interface LoopbackSimulator {
  /** Its address, for EHEALTH_CERT_ENDPOINT_BASE. */
  readonly base: string;
  /** SIGTERM (it saves its state file), then SIGKILL when it has not stopped within 10 s. */
  stop(): Promise<void>;
}

export async function startLoopbackSimulator(stateFile: string): Promise<LoopbackSimulator> {
  const server: ChildProcess = spawn(process.execPath, [simJs, 'serve', '--port', '0', '--state', stateFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  const base = await new Promise<string>((resolve, reject) => {
    let seen = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(seen)?.[1];
      if (url) resolve(url);
    });
    server.once('exit', (code) => reject(new Error(`ehealth-sim serve exited with ${code}: ${seen}`)));
  });
  return {
    base,
    async stop() {
      if (server.exitCode !== null || server.signalCode !== null) return;
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
