import { cardCommand } from './cardCommand.js';
import { serveCommand } from './serveCommand.js';
import type { CliOutput, Subcommand } from './Subcommand.js';

/** Every `ehealth-sim` subcommand: add one file under src/cli/ and one entry here. */
export const SUBCOMMANDS: readonly Subcommand[] = [cardCommand, serveCommand];

/** Dispatches `ehealth-sim <subcommand> ...`; returns the exit status (2 = usage error). */
export async function runSimulatorCli(argv: readonly string[], output: CliOutput, subcommands = SUBCOMMANDS): Promise<number> {
  const [name, ...args] = argv;
  const command = subcommands.find((candidate) => candidate.name === name);
  if (!command) {
    output.stderr('usage: ehealth-sim <subcommand> ...');
    subcommands.forEach((candidate) => output.stderr(`  ${candidate.name.padEnd(10)} ${candidate.summary}`));
    return name === undefined || name === '--help' ? 0 : 2;
  }
  try {
    return await command.run(args, output);
  } catch (error) {
    output.stderr(`ehealth-sim ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
