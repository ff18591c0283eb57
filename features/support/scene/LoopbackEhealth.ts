import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CertificateRecord, Email } from '@ehealth-cert/simulator';
import { ISSUANCE_DELAY_MS, SCENARIO_START } from './InProcessEhealth.js';
import { BUILT_SIMULATOR } from './repositoryPaths.js';
import type { SimulatorControl, SourceOrganisation } from './SimulatorControl.js';

/**
 * The scenario's own `ehealth-sim serve` (the built simulator, a child process on 127.0.0.1),
 * driven through its admin API, for front ends that run as processes msw cannot reach.
 */
export class LoopbackEhealth implements SimulatorControl {
  readonly issuanceDelayMs = ISSUANCE_DELAY_MS;

  private constructor(
    private readonly child: ChildProcess,
    /** `http://127.0.0.1:<port>`, the EHEALTH_CERT_ENDPOINT_BASE of the front end. */
    readonly baseUrl: string,
    private readonly statePath: string,
  ) {}

  /** Starts `ehealth-sim serve` with empty authentic sources (the Background fills them) and the scenario's clock. */
  static async start(dir: string, seed: string): Promise<LoopbackEhealth> {
    if (!existsSync(BUILT_SIMULATOR)) throw new Error(`${BUILT_SIMULATOR} is missing: run npm run build first`);
    const fixture = join(dir, 'authentic-sources.json');
    const statePath = join(dir, 'simulator-state.json');
    await writeFile(fixture, JSON.stringify({ people: [], organizations: [], mandates: [] }));
    const child = spawn(
      process.execPath,
      [BUILT_SIMULATOR, 'serve', '--port', '0', '--seed', seed, '--fixture', fixture, '--state', statePath, '--issuance-delay', String(ISSUANCE_DELAY_MS / 1000)],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } },
    );
    const baseUrl = await new Promise<string>((resolve, reject) => {
      let output = '';
      const seen = (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
        if (url) resolve(url);
      };
      child.stdout?.on('data', seen);
      child.stderr?.on('data', seen);
      child.once('exit', (code) => reject(new Error(`ehealth-sim serve exited ${code}: ${output}`)));
    });
    const sim = new LoopbackEhealth(child, baseUrl, statePath);
    await sim.admin('POST', 'clock/set', { instant: SCENARIO_START.toISOString() });
    return sim;
  }

  private async admin<T = unknown>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}/admin/${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`admin ${method} /admin/${path}: HTTP ${response.status} ${text}`);
    return JSON.parse(text) as T;
  }

  async addPerson(person: { ssin: string; firstNames: readonly string[]; name: string }): Promise<void> {
    await this.admin('POST', 'people', person);
  }

  async addOrganisation(o: SourceOrganisation): Promise<void> {
    await this.admin('POST', 'organizations', o);
  }

  async addMandate(ssin: string, organisation: { type: string; value: string }): Promise<void> {
    await this.admin('POST', 'mandates', { ssin, organization: organisation });
  }

  async approve(reference: string): Promise<void> {
    await this.admin('POST', `validations/${reference}/approve`, {});
  }

  async refuse(reference: string, reason: string): Promise<void> {
    await this.admin('POST', `validations/${reference}/refuse`, { reason });
  }

  async advance(ms: number): Promise<void> {
    await this.admin('POST', 'clock/advance', { ms });
  }

  async now(): Promise<Date> {
    return new Date((await this.admin<{ now: string }>('GET', 'clock')).now);
  }

  async setUnreachable(unreachable: boolean): Promise<void> {
    if (unreachable) await this.admin('POST', 'faults', { operation: '*', kind: 'http503', probability: 1 });
    else await this.admin('DELETE', 'faults');
  }

  async loseNextAnswer(operation: string): Promise<void> {
    await this.admin('POST', 'faults', { operation, kind: 'lostAnswer' });
  }

  async setOperationUnreachable(operation: string): Promise<void> {
    await this.admin('POST', 'faults', { operation, kind: 'http503', probability: 1 });
  }

  records(): Promise<readonly CertificateRecord[]> {
    return this.admin('GET', 'certificates');
  }

  async rootCertificates(): Promise<string> {
    const response = await fetch(`${this.baseUrl}/admin/trust-anchors`);
    if (!response.ok) throw new Error(`admin GET /admin/trust-anchors: HTTP ${response.status}`);
    return response.text();
  }

  mails(): Promise<readonly Email[]> {
    return this.admin('GET', 'mailbox');
  }

  async contractCount(): Promise<number> {
    // The admin API does not list contracts; the state file (rewritten after every change) does.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const state = JSON.parse(await readFile(this.statePath, 'utf8')) as { contracts: unknown[] };
    return state.contracts.length;
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    // Never leave a simulator behind: SIGKILL when it has not stopped within 10 s.
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}
