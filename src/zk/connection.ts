/**
 * One client socket (upstream `NIOServerCnxn`): frames in, replies out. Outgoing packets are tagged
 * with the zxid whose durability they depend on and leave strictly in order once that zxid is on disk,
 * so no reply, notification or read of a not-yet-fsync'd write ever reaches a client before its log
 * record does. Also keeps the per-connection counters `cons` and `stat` print.
 * @module
 */
import type { Socket } from 'node:net';
import type { Watcher } from './watches.js';
import { FrameDecoder } from './wire/framing.js';
import type { Id } from './wire/records.js';

interface Outgoing {
  zxid: number;
  buf: Buffer;
  /** When the request that produced this reply arrived (performance.now()), for latency stats. */
  startedAt?: number;
}

let nextWatcherId = 1;

export class ClientConnection implements Watcher {
  readonly watcherId = nextWatcherId++;
  readonly decoder = new FrameDecoder();
  /** 'new' until the ConnectRequest, 'connected' after it, 'closing' once told to go. */
  state: 'new' | 'connected' | 'closing' | 'closed' = 'new';
  sessionId = 0n;
  sessionTimeout = 0;
  authInfo: Id[];
  readonly remote: string;
  readonly remoteIp: string;
  readonly established = Date.now();
  received = 0;
  sent = 0;
  lastOp = 'NA';
  lastCxid = -1;
  lastZxid = -1;
  lastResponse = 0;
  lastLatency = 0;
  minLatency = Number.POSITIVE_INFINITY;
  maxLatency = 0;
  totalLatency = 0;
  latencyCount = 0;
  private readonly out: Outgoing[] = [];

  constructor(
    readonly socket: Socket,
    private readonly durable: () => number,
    private readonly onLatency: (ms: number) => void,
  ) {
    this.remoteIp = (socket.remoteAddress ?? '0.0.0.0').replace(/^::ffff:/, '');
    this.remote = `/${this.remoteIp}:${socket.remotePort ?? 0}`;
    this.authInfo = [{ scheme: 'ip', id: this.remoteIp }];
  }

  get queued(): number {
    return this.out.length;
  }

  /** Queues a packet; it leaves once `zxid` is durable and everything before it has left. */
  send(buf: Buffer, zxid: number, startedAt?: number): void {
    if (this.state === 'closed') return;
    this.out.push({ zxid, buf, startedAt });
    this.release();
  }

  /** Writes every queued packet whose zxid is durable, in order. */
  release(): void {
    const durable = this.durable();
    while (this.out.length > 0 && this.out[0]!.zxid <= durable) {
      const o = this.out.shift()!;
      if (this.state === 'closed') continue;
      this.socket.write(o.buf);
      this.sent++;
      if (o.startedAt !== undefined) {
        const ms = performance.now() - o.startedAt;
        this.lastLatency = ms;
        this.minLatency = Math.min(this.minLatency, ms);
        this.maxLatency = Math.max(this.maxLatency, ms);
        this.totalLatency += ms;
        this.latencyCount++;
        this.lastResponse = Date.now();
        this.onLatency(ms);
      }
    }
    if (this.out.length === 0 && this.state === 'closing') this.end();
  }

  /** Closes after the queued packets are out (a reply to closeSession, an UNIMPLEMENTED answer). */
  closeAfterFlush(): void {
    if (this.state === 'closed') return;
    this.state = 'closing';
    this.release();
  }

  private end(): void {
    this.state = 'closed';
    this.socket.end();
    // A peer that never reads must not keep the socket open forever.
    setTimeout(() => this.socket.destroy(), 2000).unref();
  }

  /** Drops the socket now, unsent packets included (bad input). */
  destroy(): void {
    this.state = 'closed';
    this.out.length = 0;
    this.socket.destroy();
  }
}
