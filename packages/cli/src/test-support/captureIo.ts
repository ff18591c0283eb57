import { Readable, Writable } from 'node:stream';
import type { CliIo } from '../terminal/CliIo.js';

/** A CliIo whose output is kept in strings and whose stdin is not a terminal (scripted runs). */
export function captureIo(env: Readonly<Record<string, string | undefined>>, cwd = process.cwd()) {
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk: Buffer | string, _encoding, callback) {
        append(chunk.toString());
        callback();
      },
    });
  const io: CliIo = {
    stdin: Readable.from([]),
    stdout: sink((t) => (stdout += t)),
    stderr: sink((t) => (stderr += t)),
    env,
    cwd,
  };
  return { io, stdout: () => stdout, stderr: () => stderr };
}
