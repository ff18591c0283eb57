import { existsSync } from 'node:fs';
import { readFile, rename } from 'node:fs/promises';
import { writeFileOwnerOnly } from '../files/ownerOnly.js';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { EhealthSimulator } from '../ehealth/EhealthSimulator.js';
import type { EhealthSimulatorOptions, SimulatorState } from '../ehealth/EhealthSimulator.js';
import { adminRoutes } from './adminRoutes.js';

/** Options of the loopback server. */
export interface SimulatorServerOptions extends EhealthSimulatorOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** Loopback only: nothing may leave the machine. */
  readonly host?: '127.0.0.1';
  /** JSON state file: loaded at start when present, rewritten after every change. */
  readonly statePath?: string;
  /** Use this simulator instead of creating one. */
  readonly simulator?: EhealthSimulator;
}

/** A running loopback simulator. */
export interface SimulatorServer {
  readonly simulator: EhealthSimulator;
  /** `http://127.0.0.1:<port>`: the client's base-URL override. */
  readonly url: string;
  readonly port: number;
  /** Saves the state (if any), closes every connection and stops listening. */
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Serves the simulator on 127.0.0.1: `/CertRa/v2`, `/EtkRa/v2`, `/EtkDepot/v1` (SOAP) and the
 * admin API under `/admin` (JSON), for processes msw cannot reach (a CLI child process).
 */
export async function startSimulatorServer(options: SimulatorServerOptions = {}): Promise<SimulatorServer> {
  const host = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1') throw new TypeError(`host must be 127.0.0.1 (loopback only), got ${String(host)}`);
  let state: SimulatorState | undefined = options.state;
  if (options.statePath && existsSync(options.statePath)) state = JSON.parse(await readFile(options.statePath, 'utf8')) as SimulatorState;
  const simulator = options.simulator ?? (await EhealthSimulator.create({ ...options, state }));

  let saving: Promise<void> = Promise.resolve();
  let dirty = false;
  const save = () => {
    if (!options.statePath || dirty) return;
    dirty = true;
    const path = options.statePath;
    saving = saving.then(async () => {
      await sleep(20);
      dirty = false;
      const tmp = `${path}.${process.pid}.tmp`;
      // Issue 13: the state holds the simulated CA's keys and every request: owner-only.
      await writeFileOwnerOnly(tmp, JSON.stringify(simulator.toState()));
      await rename(tmp, path);
    });
  };
  simulator.onChange(save);
  save();

  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    void serve(simulator, req, res).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(e));
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    simulator,
    port,
    url: `http://${host}:${port}`,
    async close() {
      // Stop serving first, so that a failing final save (its folder gone, disk full) can never
      // leave a process listening on the port after SIGTERM.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      sockets.forEach((s) => s.destroy());
      await closed;
      if (!options.simulator) simulator.close();
      save();
      await saving;
    },
  };
}

async function serve(simulator: EhealthSimulator, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const body = await readBody(req);
  if (url.pathname.startsWith('/admin')) {
    const match = adminRoutes.map(([m, p, r]) => ({ m, r, hit: p.exec(url.pathname) })).find((x) => x.hit && x.m === req.method);
    if (!match?.hit) {
      res.writeHead(404, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: `no admin route ${req.method ?? ''} ${url.pathname}` }));
      return;
    }
    try {
      const json = body.trim() ? (JSON.parse(body) as Record<string, unknown>) : {};
      const reply = await match.r(simulator, json, match.hit.slice(1), url.searchParams);
      const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
      res.writeHead(reply.status, { 'Content-Type': reply.contentType ?? 'application/json' }).end(text);
    } catch (e) {
      res.writeHead(400, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: (e as Error).message }));
    }
    return;
  }
  if (req.method !== 'POST') {
    res.writeHead(405, { Allow: 'POST', 'Content-Type': 'text/plain' }).end('SOAP endpoints accept POST only');
    return;
  }
  const header = req.headers.soapaction;
  const reply = await simulator.handle({ path: url.pathname, soapAction: Array.isArray(header) ? header[0] : header, body });
  if (reply.delayMs > 0) await sleep(reply.delayMs);
  if (reply.kind === 'reset') {
    req.socket.resetAndDestroy();
    return;
  }
  if (reply.kind === 'noAnswer') return; // the socket stays open until the client gives up or close()
  res.writeHead(reply.status, { 'Content-Type': reply.contentType }).end(reply.body);
}
