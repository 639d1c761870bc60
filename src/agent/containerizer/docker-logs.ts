/**
 * A container's output into the task sandbox's `stdout` and `stderr` files (upstream's docker executor
 * runs `docker logs --follow` into them, docs/docker-containerizer.md). The engine keeps the whole log,
 * so after an agent restart the pump replays it from the start and skips what the files already hold:
 * no line is lost or written twice, and no offset has to be checkpointed.
 *
 * Without a TTY the Engine API multiplexes both streams into frames: an 8-byte header (stream type
 * 1 = stdout, 2 = stderr, then a big-endian uint32 length) followed by that many bytes.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { appendFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

export type StreamType = 1 | 2;

/** Splits the engine's multiplexed log stream into (stream, bytes) pieces; chunks may split frames anywhere. */
export class FrameDemuxer {
  private pending = Buffer.alloc(0);

  constructor(private readonly emit: (stream: StreamType, data: Buffer) => void) {}

  push(chunk: Buffer): void {
    let buf = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    while (buf.length >= 8) {
      const size = buf.readUInt32BE(4);
      if (buf.length < 8 + size) break;
      const type = buf[0];
      if ((type === 1 || type === 2) && size > 0) this.emit(type, buf.subarray(8, 8 + size));
      buf = buf.subarray(8 + size);
    }
    this.pending = Buffer.from(buf);
  }
}

/** Drops the first `skip` bytes of a stream, then passes the rest on. */
export class Skipper {
  constructor(private skip: number) {}

  take(data: Buffer): Buffer {
    if (this.skip <= 0) return data;
    const n = Math.min(this.skip, data.length);
    this.skip -= n;
    return data.subarray(n);
  }
}

const sizeOf = (path: string) => stat(path).then((s) => s.size, () => 0);

/** How a pump gets the container's log stream: replayed from the start, following until it stops. */
export type OpenLogs = () => Promise<Readable>;

/**
 * Copies one container's logs into `<sandbox>/stdout|stderr`. `done` settles once the engine ends
 * the stream (the container stopped) and both files are flushed.
 */
export class LogPump {
  readonly done: Promise<void>;
  private source: Readable | undefined;
  private stopped = false;

  constructor(sandbox: string, open: OpenLogs) {
    this.done = this.run(sandbox, open);
    this.done.catch(() => {});
  }

  /** Stops copying (agent shutdown); the container keeps running and a later pump resumes. */
  stop(): void {
    this.stopped = true;
    this.source?.destroy();
  }

  /**
   * After the container has exited: stops following and appends whatever the follow stream missed
   * from the complete log. A follow request racing a container's very quick exit can end with
   * nothing, so the final word is always the engine's stored log, past what the files hold.
   */
  async complete(sandbox: string, fetchAll: () => Promise<Buffer>): Promise<void> {
    this.stop();
    await this.done.catch(() => {});
    const log = await fetchAll();
    await appendMissing(sandbox, log);
  }

  private async run(sandbox: string, open: OpenLogs): Promise<void> {
    const paths = { 1: join(sandbox, 'stdout'), 2: join(sandbox, 'stderr') } as const;
    const skip = { 1: new Skipper(await sizeOf(paths[1])), 2: new Skipper(await sizeOf(paths[2])) };
    const source = await open();
    this.source = source;
    if (this.stopped) source.destroy();
    const out: Record<StreamType, WriteStream> = { 1: createWriteStream(paths[1], { flags: 'a' }), 2: createWriteStream(paths[2], { flags: 'a' }) };
    const demux = new FrameDemuxer((type, data) => {
      const rest = skip[type].take(data);
      if (rest.length > 0 && !out[type].write(rest)) {
        source.pause();
        out[type].once('drain', () => source.resume());
      }
    });
    try {
      await new Promise<void>((resolve, reject) => {
        source.on('data', (c: Buffer) => demux.push(c));
        source.once('end', resolve);
        source.once('close', resolve);
        source.once('error', (e) => (this.stopped ? resolve() : reject(e)));
      });
    } finally {
      await Promise.all([1, 2].map((t) => new Promise<void>((r) => out[t as StreamType].end(r))));
    }
  }
}

/** Appends the part of a complete multiplexed log that the sandbox files do not hold yet. */
export async function appendMissing(sandbox: string, log: Buffer): Promise<void> {
  const paths = { 1: join(sandbox, 'stdout'), 2: join(sandbox, 'stderr') } as const;
  const skip = { 1: new Skipper(await sizeOf(paths[1])), 2: new Skipper(await sizeOf(paths[2])) };
  const rest: Record<StreamType, Buffer[]> = { 1: [], 2: [] };
  new FrameDemuxer((type, data) => {
    const r = skip[type].take(data);
    if (r.length > 0) rest[type].push(r);
  }).push(log);
  await Promise.all(([1, 2] as const).map((t) => (rest[t].length ? appendFile(paths[t], Buffer.concat(rest[t])) : undefined)));
}
