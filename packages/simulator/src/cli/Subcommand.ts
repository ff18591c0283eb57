/** Where a subcommand writes: results on stdout, diagnostics on stderr (STYLE.md "Front ends"). */
export interface CliOutput {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
}

/** One `ehealth-sim <name> ...` subcommand; returns the exit status. */
export interface Subcommand {
  readonly name: string;
  readonly summary: string;
  run(args: readonly string[], output: CliOutput): Promise<number>;
}
