import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import type { AuthenticSourcesFixture } from '../ehealth/sources/AuthenticSources.js';
import { startSimulatorServer } from '../server/startSimulatorServer.js';
import type { Subcommand } from './Subcommand.js';

const USAGE = 'usage: ehealth-sim serve [--port N] [--state FILE] [--fixture FILE] [--seed TEXT] [--now ISO-INSTANT] [--issuance-delay SECONDS] [--manual-validation-delay SECONDS]';

function seconds(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${flag} must be a number of seconds >= 0, got "${value}"`);
  return n * 1000;
}

/** `ehealth-sim serve`: the eHealth simulator on 127.0.0.1 until SIGINT/SIGTERM (packages/simulator/README.md). */
export const serveCommand: Subcommand = {
  name: 'serve',
  summary: 'serve the eHealth platform simulator (CertRa/v2, EtkRa/v2, EtkDepot/v1, /admin) on 127.0.0.1',
  async run(args, output) {
    const { values } = parseArgs({
      args: [...args],
      options: {
        port: { type: 'string' },
        state: { type: 'string' },
        fixture: { type: 'string' },
        seed: { type: 'string' },
        now: { type: 'string' },
        'issuance-delay': { type: 'string' },
        'manual-validation-delay': { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
    });
    if (values.help) {
      output.stdout(USAGE);
      return 0;
    }
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      output.stderr(`--port must be an integer 0..65535, got "${values.port ?? ''}"\n${USAGE}`);
      return 2;
    }
    // A fixed clock with --seed gives byte-identical answers to the same requests (tests, demos).
    if (values.now !== undefined && Number.isNaN(new Date(values.now).getTime())) {
      output.stderr(`--now must be an ISO 8601 instant (e.g. 2026-03-01T08:00:00Z), got "${values.now}"\n${USAGE}`);
      return 2;
    }
    const fixture = values.fixture ? (parseYaml(await readFile(values.fixture, 'utf8')) as AuthenticSourcesFixture) : undefined;
    const server = await startSimulatorServer({
      port,
      statePath: values.state,
      fixture,
      seed: values.seed,
      now: values.now,
      issuanceDelayMs: seconds(values['issuance-delay'], '--issuance-delay'),
      manualValidationDelayMs: seconds(values['manual-validation-delay'], '--manual-validation-delay'),
    });
    output.stdout(`eHealth simulator listening on ${server.url} (CertRa/v2, EtkRa/v2, EtkDepot/v1, admin under /admin)`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await server.close();
    output.stderr('eHealth simulator stopped');
    return 0;
  },
};
