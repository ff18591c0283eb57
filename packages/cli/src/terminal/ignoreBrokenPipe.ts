/**
 * Makes a write to a closed pipe (`ehealth-cert inspect F | head -3`: EPIPE) end the output quietly
 * instead of crashing with "Unhandled 'error' event": the reader has gone, the command still
 * finishes (a request half-done must not stop because nobody reads its screen) and exits as usual.
 * Any other stream error stays fatal, as without this listener.
 */
export function ignoreBrokenPipe(stream: NodeJS.WritableStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
    // Re-thrown outside the emitter so that it ends the process as an unhandled error would.
    process.nextTick(() => {
      throw error;
    });
  });
}
