/**
 * The transaction log writer (upstream `FileTxnLog` + the group commit of `SyncRequestProcessor`).
 * Each record is `[u32 length][u32 crc32][payload]`, so recovery can tell a torn or corrupt tail from
 * good data. Appends queue in memory; one flush at a time writes everything queued and fdatasyncs it,
 * so concurrent writers share an fsync. `onDurable(zxid)` reports progress: the server releases a
 * reply only once its zxid is durable, which is the whole durability promise.
 * @module
 */
import { close, fdatasync, fsync, open, writev } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { crc32 } from 'node:zlib';
import { fsyncDir, hex16, LOG_MAGIC } from './files.js';

const pOpen = promisify(open);
const pClose = promisify(close);
const pWritev = promisify(writev);
const pDatasync = promisify(fdatasync);
const pFsync = promisify(fsync);

type Item = { kind: 'rec'; zxid: number; buf: Buffer } | { kind: 'roll'; nextZxid: number };

/** `[len][crc][payload]` framing of one log record. */
export function frameRecord(payload: Buffer): Buffer {
  const head = Buffer.allocUnsafe(8);
  head.writeUInt32BE(payload.length, 0);
  head.writeUInt32BE(crc32(payload), 4);
  return Buffer.concat([head, payload]);
}

export class TxnLog {
  private queue: Item[] = [];
  private flushing = false;
  private fd = -1;
  durableZxid: number;
  /** Txns appended since the log was opened, for snapshot pacing and metrics. */
  appended = 0;
  /** Last fsync duration in ms, for `mntr`. */
  lastFsyncMs = 0;

  constructor(
    private readonly dir: string,
    startZxid: number,
    private readonly onDurable: (zxid: number) => void,
    private readonly onFatal: (err: Error) => void,
  ) {
    this.durableZxid = startZxid - 1;
  }

  /** Creates (or empties) `log.<startZxid>` and writes its header. */
  async open(startZxid: number): Promise<void> {
    this.fd = await this.createFile(startZxid);
  }

  private async createFile(startZxid: number): Promise<number> {
    const fd = await pOpen(join(this.dir, `log.${hex16(startZxid)}`), 'w');
    await pWritev(fd, [LOG_MAGIC]);
    await pFsync(fd);
    fsyncDir(this.dir);
    return fd;
  }

  append(zxid: number, payload: Buffer): void {
    this.queue.push({ kind: 'rec', zxid, buf: frameRecord(payload) });
    this.appended++;
    this.kick();
  }

  /** Later appends go to a new file starting at `nextZxid` (after a snapshot). */
  roll(nextZxid: number): void {
    this.queue.push({ kind: 'roll', nextZxid });
    this.kick();
  }

  get pending(): number {
    return this.queue.length;
  }

  private kick(): void {
    if (this.flushing) return;
    this.flushing = true;
    // setImmediate: let every request that arrived in this I/O turn join the same fsync.
    setImmediate(() => {
      this.flushLoop().catch((e: Error) => this.onFatal(e));
    });
  }

  private async flushLoop(): Promise<void> {
    while (this.queue.length > 0) {
      const batch: Buffer[] = [];
      let upto = -1;
      let roll: number | undefined;
      while (this.queue.length > 0) {
        const item = this.queue.shift()!;
        if (item.kind === 'roll') {
          roll = item.nextZxid;
          break;
        }
        batch.push(item.buf);
        upto = item.zxid;
      }
      if (batch.length > 0) {
        const t0 = performance.now();
        // writev takes at most IOV_MAX buffers; write in slices.
        for (let i = 0; i < batch.length; i += 512) await pWritev(this.fd, batch.slice(i, i + 512));
        await pDatasync(this.fd);
        this.lastFsyncMs = performance.now() - t0;
        this.durableZxid = upto;
        this.onDurable(upto);
      }
      if (roll !== undefined) {
        const old = this.fd;
        this.fd = await this.createFile(roll);
        await pClose(old);
      }
    }
    this.flushing = false;
  }

  /** Waits for queued records to be durable, then closes the file. */
  async close(): Promise<void> {
    while (this.flushing || this.queue.length > 0) {
      await new Promise<void>((r) => setImmediate(r));
      if (!this.flushing && this.queue.length > 0) this.kick();
    }
    if (this.fd >= 0) await pClose(this.fd);
    this.fd = -1;
  }
}
