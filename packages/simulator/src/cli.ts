#!/usr/bin/env node
/** `ehealth-sim`: the simulator's command line (fake eID cards, and more subcommands in src/cli/). */
import { runSimulatorCli } from './cli/runSimulatorCli.js';

process.exitCode = await runSimulatorCli(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
});
