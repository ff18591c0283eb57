/* eslint-disable no-console -- a benchmark prints its results on stdout */
// Requests per second of a status read (GET /requests/{reference}: bearer check, schema
// serialisation, the pending-requests port) against a bare fastify hello route, both at 50
// concurrent connections on loopback, in one run. The servers run in a child process so that the
// load generator does not share their event loop. Run by `npm run bench` (tsx, `source` condition).
// Target (issue 8): the status read at >= 0.5x the bare route.
import { fork } from 'node:child_process';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';

const CONNECTIONS = 50;
const WARMUP_MS = 1000;
const MEASURE_MS = Number(process.env.BENCH_MS ?? 3000);
const REFERENCE = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

if (process.argv.includes('--serve')) {
  await serve();
} else {
  await measure();
}

async function serve() {
  const { default: Fastify } = await import('fastify');
  const { fakeApp, FAKE_TOKEN } = await import('../src/testing/fakeApp.ts');
  const bare = Fastify({ logger: false });
  bare.get('/hello', async () => ({ hello: 'world' }));
  await bare.listen({ host: '127.0.0.1', port: 0 });
  const { app, world } = await fakeApp();
  await world.pending.record({
    reference: REFERENCE,
    environment: 'acc',
    certificateName: 'NIHII-AMBU_SERVICE=81234530',
    dn: 'CN="NIHII-AMBU_SERVICE=81234530", O=AMBULANCES, C=BE',
    keystorePath: '/tmp/NIHII-AMBU_SERVICE=81234530 20260302-093000.acc-p12',
    requestedAt: new Date('2026-03-02T09:30:00Z'),
    automaticallyValidated: true,
    lastStatus: 'sent',
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  process.send({ bare: `http://127.0.0.1:${bare.server.address().port}/hello`, api: `http://127.0.0.1:${app.server.address().port}/requests/${REFERENCE}`, token: FAKE_TOKEN });
  process.on('message', async (message) => {
    if (message === 'cpu') {
      const { user, system } = process.cpuUsage();
      process.send({ cpuMicros: user + system });
      return;
    }
    await Promise.all([bare.close(), app.close()]);
    process.exit(0);
  });
}

/** One GET on a kept-alive connection; resolves with the status once the body is read. */
function get(agent, url, headers) {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode));
      response.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * `CONNECTIONS` workers on as many kept-alive sockets, each sending one request after the other
 * until `ms` pass (node:http rather than fetch: undici's per-request cost would cap the figure).
 */
async function load(url, headers, ms) {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  let done = 0;
  let failed = 0;
  const end = performance.now() + ms;
  const worker = async () => {
    while (performance.now() < end) {
      if ((await get(agent, url, headers)) === 200) done++;
      else failed++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { perSecond: done / seconds, done, failed };
}

/** The server process's CPU time so far, in microseconds. */
function serverCpu(child) {
  return new Promise((resolve) => {
    child.once('message', (message) => resolve(message.cpuMicros));
    child.send('cpu');
  });
}

async function measure() {
  const child = fork(fileURLToPath(import.meta.url), ['--serve'], { execArgv: ['--conditions=source', '--import', 'tsx'], stdio: 'inherit' });
  const urls = await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`server process exited with ${code}`)));
  });
  const apiHeaders = { authorization: `Bearer ${urls.token}` };
  try {
    // Warm both up, then measure each in two halves, interleaved, so that a burst of load from
    // elsewhere on the machine hits both alike.
    await load(urls.bare, {}, WARMUP_MS / 2);
    await load(urls.api, apiHeaders, WARMUP_MS / 2);
    const runs = { bare: [], api: [] };
    const measured = async (url, headers) => {
      const before = await serverCpu(child);
      const run = await load(url, headers, MEASURE_MS / 2);
      return { ...run, cpuMicros: (await serverCpu(child)) - before };
    };
    // ABBA order: neither route always runs first.
    runs.bare.push(await measured(urls.bare, {}));
    runs.api.push(await measured(urls.api, apiHeaders));
    runs.api.push(await measured(urls.api, apiHeaders));
    runs.bare.push(await measured(urls.bare, {}));
    const sum = (list) => {
      const done = list.reduce((total, run) => total + run.done, 0);
      return {
        perSecond: list.reduce((total, run) => total + run.perSecond, 0) / list.length,
        done,
        failed: list.reduce((total, run) => total + run.failed, 0),
        // Server CPU per request: what the server can sustain when the client is not the limit.
        cpuMicrosPerRequest: list.reduce((total, run) => total + run.cpuMicros, 0) / done,
      };
    };
    const bare = sum(runs.bare);
    const api = sum(runs.api);
    const ratio = api.perSecond / bare.perSecond;
    const cpuRatio = bare.cpuMicrosPerRequest / api.cpuMicrosPerRequest;
    const line = (name, run) =>
      `${name} ${run.perSecond.toFixed(0).padStart(7)} req/s, server CPU ${run.cpuMicrosPerRequest.toFixed(0).padStart(4)} us/request (${run.done} ok, ${run.failed} failed)`;
    console.log(`node ${process.version}, ${CONNECTIONS} keep-alive connections, ${MEASURE_MS} ms each (two halves, ABBA order) after ${WARMUP_MS} ms warm-up, loopback`);
    console.log(line('bare fastify GET /hello:         ', bare));
    console.log(line('API GET /requests/{reference}:   ', api));
    console.log(`ratio (req/s): ${ratio.toFixed(2)}x (target >= 0.50x) ${ratio >= 0.5 ? 'OK' : 'BELOW TARGET'}`);
    console.log(`ratio (server CPU per request, bare/API): ${cpuRatio.toFixed(2)}x; when req/s are close, the load generator is the limit`);
    if (bare.failed + api.failed > 0) process.exitCode = 1;
  } finally {
    child.send('stop');
  }
}
