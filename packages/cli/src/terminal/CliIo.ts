/** A readable stream the prompts can read keys from (process.stdin or a test's stream). */
export type CliInput = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };

/** A writable stream (process.stdout/stderr or a test's sink); `isTTY` decides prompts and progress. */
export type CliOutput = NodeJS.WritableStream & { isTTY?: boolean; columns?: number; rows?: number };

/**
 * Everything the CLI touches of its process, so that tests and features drive it in-process:
 * streams, environment, working folder, and a cancellation signal (Ctrl-C).
 */
export interface CliIo {
  readonly stdin: CliInput;
  readonly stdout: CliOutput;
  readonly stderr: CliOutput;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly signal?: AbortSignal;
}

/** The real process as a CliIo. */
export function processIo(signal?: AbortSignal): CliIo {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), signal };
}
