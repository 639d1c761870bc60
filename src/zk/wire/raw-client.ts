/**
 * A minimal ZooKeeper client over our own codec, for tests, benchmarks and probing servers (ours or
 * upstream's) with packets the popular clients cannot send: create2, getChildren (8), sync, check,
 * SetWatches, unknown opcodes, raw bytes. Not a general client: no reconnects, no chroot.
 * @module
 */
import { connect, type Socket } from 'node:net';
import { decodeConnectResponse, encodeConnectRequest } from './connect.js';
import { FrameDecoder } from './framing.js';
import { JuteReader } from './jute-reader.js';
import { JuteWriter } from './jute-writer.js';
import { OpCode, Xid } from './protocol.js';
import { type ACL, readReplyHeader, readStat, readWatcherEvent, type ReplyHeader, type Stat, type WatcherEvent, writeAcls } from './records.js';

export const OPEN_ACL_UNSAFE: ACL[] = [{ perms: 31, id: { scheme: 'world', id: 'anyone' } }];

export interface Reply {
  hdr: ReplyHeader;
  r: JuteReader;
}

export interface RawConnectOptions {
  timeout?: number;
  sessionId?: bigint;
  passwd?: Buffer;
  lastZxidSeen?: number;
  /** Send the trailing readOnly byte (3.4+ clients do). */
  readOnly?: boolean;
}

export class RawZkClient {
  readonly events: WatcherEvent[] = [];
  private readonly pending = new Map<number, (r: Reply) => void>();
  private readonly decoder = new FrameDecoder(64 * 1024 * 1024);
  private xid = 1;
  lastZxid = 0;
  sessionId = 0n;
  passwd: Buffer = Buffer.alloc(16);
  timeout = 0;
  /** Resolves when the server closes the socket. */
  readonly closed: Promise<void>;

  private constructor(private readonly socket: Socket) {
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
    socket.on('error', () => undefined);
  }

  static async connect(host: string, port: number, o: RawConnectOptions = {}): Promise<RawZkClient> {
    const socket = connect({ host, port });
    const c = new RawZkClient(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('error', reject);
    });
    socket.setNoDelay(true);
    const handshake = new Promise<Buffer>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        const frames = c.decoder.push(chunk);
        if (frames.length === 0) return;
        socket.off('data', onData);
        socket.on('data', (more: Buffer) => c.onData(more));
        resolve(frames[0]!);
        for (const f of frames.slice(1)) c.onFrame(f);
      };
      socket.on('data', onData);
      void c.closed.then(() => reject(new Error('connection closed during handshake')));
    });
    socket.write(
      encodeConnectRequest({
        protocolVersion: 0,
        lastZxidSeen: o.lastZxidSeen ?? 0,
        timeOut: o.timeout ?? 30_000,
        sessionId: o.sessionId ?? 0n,
        passwd: o.passwd ?? Buffer.alloc(16),
        readOnly: o.readOnly === false ? undefined : false,
      }),
    );
    const res = decodeConnectResponse(await handshake);
    c.sessionId = res.sessionId;
    c.passwd = res.passwd;
    c.timeout = res.timeOut;
    return c;
  }

  private onData(chunk: Buffer): void {
    for (const f of this.decoder.push(chunk)) this.onFrame(f);
  }

  private onFrame(frame: Buffer): void {
    const r = new JuteReader(frame);
    const hdr = readReplyHeader(r);
    if (hdr.xid === Xid.notification) {
      this.events.push(readWatcherEvent(r));
      return;
    }
    if (hdr.zxid > 0) this.lastZxid = hdr.zxid;
    const done = this.pending.get(hdr.xid);
    this.pending.delete(hdr.xid);
    done?.({ hdr, r });
  }

  /** Sends one request and waits for the reply with its xid. */
  call(type: number, body?: (w: JuteWriter) => void, xid = this.xid++): Promise<Reply> {
    const w = new JuteWriter();
    w.int(xid).int(type);
    body?.(w);
    return new Promise<Reply>((resolve, reject) => {
      this.pending.set(xid, resolve);
      void this.closed.then(() => reject(new Error(`connection closed before the reply to xid ${xid}`)));
      this.socket.write(w.frame());
    });
  }

  sendRaw(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  create(path: string, data: Buffer | null = null, flags = 0, opcode: number = OpCode.create, acl: ACL[] = OPEN_ACL_UNSAFE): Promise<{ err: number; path?: string; stat?: Stat }> {
    return this.call(opcode, (w) => {
      w.ustring(path).buffer(data);
      writeAcls(w, acl);
      w.int(flags);
    }).then(({ hdr, r }) => {
      if (hdr.err !== 0) return { err: hdr.err };
      const p = r.path();
      return opcode === OpCode.create ? { err: 0, path: p } : { err: 0, path: p, stat: readStat(r) };
    });
  }

  async getData(path: string, watch = false): Promise<{ err: number; data?: Buffer; stat?: Stat }> {
    const { hdr, r } = await this.call(OpCode.getData, (w) => void w.ustring(path).bool(watch));
    return hdr.err !== 0 ? { err: hdr.err } : { err: 0, data: r.buffer() ?? Buffer.alloc(0), stat: readStat(r) };
  }

  async exists(path: string, watch = false): Promise<{ err: number; stat?: Stat }> {
    const { hdr, r } = await this.call(OpCode.exists, (w) => void w.ustring(path).bool(watch));
    return hdr.err !== 0 ? { err: hdr.err } : { err: 0, stat: readStat(r) };
  }

  async getChildren(path: string, watch = false, withStat = false): Promise<{ err: number; children?: string[]; stat?: Stat }> {
    const { hdr, r } = await this.call(withStat ? OpCode.getChildren2 : OpCode.getChildren, (w) => void w.ustring(path).bool(watch));
    if (hdr.err !== 0) return { err: hdr.err };
    const children = (r.vector((x) => x.path()) ?? []) as string[];
    return withStat ? { err: 0, children, stat: readStat(r) } : { err: 0, children };
  }

  async setData(path: string, data: Buffer, version = -1): Promise<{ err: number; stat?: Stat }> {
    const { hdr, r } = await this.call(OpCode.setData, (w) => void w.ustring(path).buffer(data).int(version));
    return hdr.err !== 0 ? { err: hdr.err } : { err: 0, stat: readStat(r) };
  }

  async delete(path: string, version = -1): Promise<number> {
    return (await this.call(OpCode.delete, (w) => void w.ustring(path).int(version))).hdr.err;
  }

  async sync(path: string): Promise<{ err: number; path?: string }> {
    const { hdr, r } = await this.call(OpCode.sync, (w) => void w.ustring(path));
    return hdr.err !== 0 ? { err: hdr.err } : { err: 0, path: r.path() };
  }

  async ping(): Promise<ReplyHeader> {
    return (await this.call(OpCode.ping, undefined, Xid.ping)).hdr;
  }

  /** closeSession, then waits for the server to drop the socket. */
  async close(): Promise<void> {
    await this.call(OpCode.closeSession).catch(() => undefined);
    this.socket.end();
    await this.closed;
  }

  /** Drops the socket without closing the session (a client crash or network cut). */
  destroy(): void {
    this.socket.destroy();
  }
}
