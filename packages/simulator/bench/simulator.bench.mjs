/* eslint-disable no-console -- a benchmark prints its figures on stdout */
// Benchmark of the eHealth simulator (issue 6): complete request-to-ETK flows per second with 200
// concurrent flows, and how the cost of a flow grows with the number of stored certificates.
// Run: `npm run bench` (all benchmarks), or
//      node --conditions=source --import tsx packages/simulator/bench/simulator.bench.mjs [--flows 200]
// A flow = GenerateContract, GenerateCertificate (eID-signed), GetCertificate, StartETKRegistration,
// CompleteETKRegistration (eHealth-signed), each parsed, XSD-validated and signature-checked by the
// simulator. The client side (XML signing, CSR, challenge, encryption certificate) runs in the same
// process and is included; RSA key generation is done beforehand and excluded.
import { generateKeyPair } from 'node:crypto';
import os from 'node:os';
import { promisify } from 'node:util';
import { EhealthSimulator } from '../src/ehealth/EhealthSimulator.js';
import { SimulatorFlow } from '../src/ehealth/testing/SimulatorFlow.js';
import { createTestEid } from '../src/ehealth/testing/TestEid.js';

const args = process.argv.slice(2);
const arg = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const FLOWS = arg('flows', 200);
const GROWTH_FLOWS = arg('growth-flows', 40);
const ORG = { type: 'NIHII-AMBU_SERVICE', value: '81234530' };
const gen = promisify(generateKeyPair);

const t0 = performance.now();
const keys = await Promise.all(Array.from({ length: Math.max(FLOWS, GROWTH_FLOWS) }, () => gen('rsa', { modulusLength: 2048 })));
const encKey = await gen('rsa', { modulusLength: 2048 });
console.log(`setup: ${keys.length + 1} RSA-2048 keys in ${((performance.now() - t0) / 1000).toFixed(1)} s (not timed below)`);

const alice = await createTestEid();
const ca = (await EhealthSimulator.create({ seed: 'bench-ca' })).caState();
const options = { ca, seed: 'bench', now: '2026-03-01T08:00:00Z', issuanceDelayMs: 0 };

let lastCpuMs = 0;
async function runFlows(flow, n, prefix) {
  const start = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all(Array.from({ length: n }, (_, i) => flow.requestToEtk(alice, ORG, keys[i], encKey, `${prefix}${i}`)));
  const used = process.cpuUsage(cpu);
  lastCpuMs = (used.user + used.system) / 1000;
  return performance.now() - start;
}

// Warm-up (JIT, first xmllint runs) on a throw-away simulator.
{
  const sim = await EhealthSimulator.create(options);
  await runFlows(new SimulatorFlow(sim), 5, 'WARM');
  sim.close();
}

// 1. Throughput with 200 concurrent flows (one application id per flow: one DN each).
{
  const sim = await EhealthSimulator.create(options);
  const flow = new SimulatorFlow(sim);
  const ms = await runFlows(flow, FLOWS, 'APP');
  console.log(`throughput: ${FLOWS} concurrent request-to-ETK flows in ${(ms / 1000).toFixed(2)} s = ${((FLOWS * 1000) / ms).toFixed(1)} flows/s (${((FLOWS * 5 * 1000) / ms).toFixed(0)} SOAP requests/s; XSD engine: ${sim.xsdEngine ?? 'off'})`);
  console.log(`  CPU of this process (simulator + test client, xmllint children excluded): ${(lastCpuMs / FLOWS).toFixed(1)} ms per flow; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
  sim.close();
}

// 2. Cost growth: the same flows against a simulator already holding N certificates.
{
  const seedSim = await EhealthSimulator.create(options);
  const seedFlow = new SimulatorFlow(seedSim);
  await seedFlow.requestToEtk(alice, ORG, encKey, encKey, 'TEMPLATE');
  const state = seedSim.toState();
  const template = state.records[0];
  seedSim.close();
  const withStored = (n) => {
    const records = Array.from({ length: n }, (_, i) => ({
      ...template,
      publicKeyIdentifier: (i + 1).toString(16).padStart(40, '0'),
      dn: `${template.dn}-${i}`,
      applicationId: `STORED${i}`,
      etks: template.etks.map((e) => ({ ...e })),
    }));
    return { ...state, records, contracts: [], mailbox: [] };
  };
  // ABBA order (100 250 500 1000 1000 500 250 100), averaged per size: the first points of a run
  // are slower (JIT, caches) and the machine's load drifts, which a single ascending pass would
  // book as a cost of the stored certificates.
  const sizes = [100, 250, 500, 1000];
  const samples = new Map(sizes.map((n) => [n, { ms: 0, cpu: 0 }]));
  for (const n of [...sizes, ...[...sizes].reverse()]) {
    const sim = await EhealthSimulator.create({ ...options, state: withStored(n) });
    const ms = await runFlows(new SimulatorFlow(sim), GROWTH_FLOWS, 'APP');
    const s = samples.get(n);
    s.ms += ms / GROWTH_FLOWS / 2;
    s.cpu += lastCpuMs / GROWTH_FLOWS / 2;
    sim.close();
  }
  const rows = sizes.map((n) => ({ stored: n, msPerFlow: samples.get(n).ms, cpuPerFlow: samples.get(n).cpu }));
  const base = rows[0];
  console.log(`cost growth (${GROWTH_FLOWS} concurrent flows per point, ABBA order, mean of 2):`);
  for (const r of rows) {
    console.log(
      `  ${String(r.stored).padStart(5)} stored: ${r.msPerFlow.toFixed(1)} ms wall per flow (ratio to 100: ${(r.msPerFlow / base.msPerFlow).toFixed(2)}), ${r.cpuPerFlow.toFixed(1)} ms CPU per flow (ratio: ${(r.cpuPerFlow / base.cpuPerFlow).toFixed(2)}); stored ratio ${(r.stored / 100).toFixed(1)}`,
    );
  }
  const last = rows.at(-1);
  console.log(`growth 100 -> 1000 stored (x10): wall x${(last.msPerFlow / base.msPerFlow).toFixed(2)}, CPU x${(last.cpuPerFlow / base.cpuPerFlow).toFixed(2)} (linear would be x10)`);
}
