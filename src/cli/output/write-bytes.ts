/**
 * Writes raw bytes (task output) to stdout with backpressure. `tsmesos task cat` of a big log piped
 * into a slow reader (`| less`) must not buffer the whole file in memory, so each chunk waits for
 * `drain` when the stream asks us to. A stream that closes or errors (the reader quit: EPIPE)
 * resolves too; callers check `closed` to stop.
 */
type Out = NodeJS.WritableStream & { writableEnded?: boolean; destroyed?: boolean };

export function writeBytes(stream: Out, data: Buffer): Promise<void> {
  if (data.length === 0 || isClosed(stream)) return Promise.resolve();
  if (stream.write(data)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('error', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('error', done);
    stream.on('close', done);
  });
}

/** True once the stream can take no more output. */
export function isClosed(stream: Out): boolean {
  return stream.writableEnded === true || stream.destroyed === true;
}

const tolerant = new WeakSet<object>();

/**
 * Lets a reader that quits early (`tsmesos task cat … | head`) end the output quietly: without an
 * `error` listener, the EPIPE on stdout would crash the process with a stack trace. The stream is
 * destroyed by the error, so `isClosed` turns true and copy loops stop. Idempotent; the listener
 * stays for the life of the process, because the EPIPE may arrive after the last write returned.
 */
export function tolerateClosedReader(stream: Out): void {
  if (tolerant.has(stream)) return;
  tolerant.add(stream);
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e?.code !== 'EPIPE') throw e;
  });
}
