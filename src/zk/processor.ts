/**
 * What the server does with each packet (upstream `ZooKeeperServer.processConnectRequest` /
 * `processPacket` and `FinalRequestProcessor`): the session handshake, then per request: touch the
 * session, decode, run the read or write, send watch notifications, then the reply. Notifications a
 * write causes are queued before its reply, so a client always learns of a change before it can read
 * past it. Unknown opcodes get UNIMPLEMENTED and the connection is closed, as upstream does.
 * @module
 */
import type { Logger } from '../lib/logger.js';
import { authenticate } from './acl.js';
import type { ClientConnection } from './connection.js';
import type { ZkDatabase } from './database.js';
import { KeeperError } from './keeper-error.js';
import { read } from './reads.js';
import { SessionTable } from './sessions.js';
import type { Delivery } from './watches.js';
import { decodeConnectRequest, encodeConnectResponse } from './wire/connect.js';
import { JuteReader, MarshallingError } from './wire/jute-reader.js';
import { type Body, encodeNotification, encodeReply, multiBody, pathBody, pathStatBody, statBody } from './wire/replies.js';
import { decodeRequest, readRequestHeader, type Request } from './wire/requests.js';
import { Err, OpCode } from './wire/protocol.js';

export interface ProcessorOptions {
  minSessionTimeout: number;
  maxSessionTimeout: number;
  log: Logger;
}

const OP_NAMES: Record<string, string> = { ping: 'PING', create: 'CREA', delete: 'DELE', exists: 'EXIS', getData: 'GETD', setData: 'SETD', getACL: 'GETA', setACL: 'SETA', getChildren: 'GETC', getChildren2: 'GETC', sync: 'SYNC', multi: 'MULT', check: 'CHEC', setWatches: 'SETW', closeSession: 'CLOS', auth: 'AUTH' };

export class RequestProcessor {
  private readonly bySession = new Map<bigint, ClientConnection>();

  constructor(
    readonly db: ZkDatabase<ClientConnection>,
    private readonly opts: ProcessorOptions,
  ) {}

  connectionFor(sessionId: bigint): ClientConnection | undefined {
    return this.bySession.get(sessionId);
  }

  onFrame(conn: ClientConnection, frame: Buffer, startedAt: number): void {
    conn.received++;
    if (conn.state === 'new') this.handshake(conn, frame);
    else if (conn.state === 'connected') this.request(conn, frame, startedAt);
  }

  onClose(conn: ClientConnection): void {
    this.db.watches.dropWatcher(conn);
    if (this.bySession.get(conn.sessionId) === conn) this.bySession.delete(conn.sessionId);
  }

  private handshake(conn: ClientConnection, frame: Buffer): void {
    let req;
    try {
      req = decodeConnectRequest(frame);
    } catch {
      this.opts.log.warn({ client: conn.remote }, 'closing connection: not a ConnectRequest');
      return conn.destroy();
    }
    const { db } = this;
    if (req.lastZxidSeen > db.lastZxid) {
      this.opts.log.warn({ client: conn.remote, seen: req.lastZxidSeen, ours: db.lastZxid }, 'refusing session: client has seen a zxid beyond ours');
      return conn.destroy();
    }
    const timeout = SessionTable.negotiate(req.timeOut, this.opts.minSessionTimeout, this.opts.maxSessionTimeout);
    const withReadOnly = req.readOnly !== undefined;
    let id: bigint;
    let passwd: Buffer;
    let zxid = db.lastZxid;
    if (req.sessionId === 0n) {
      const created = db.createSession(timeout, SessionTable.newPassword());
      ({ id, passwd } = created.session);
      zxid = created.zxid;
    } else {
      const s = db.sessions.check(req.sessionId, req.passwd);
      if (!s) {
        // Unknown, expired or wrong password: timeout 0 tells the client its session is gone.
        this.opts.log.info({ client: conn.remote, session: `0x${req.sessionId.toString(16)}` }, 'session expired or invalid password');
        conn.send(encodeConnectResponse({ protocolVersion: 0, timeOut: 0, sessionId: 0n, passwd: Buffer.alloc(16) }, withReadOnly), zxid);
        return conn.closeAfterFlush();
      }
      s.timeout = timeout;
      ({ id, passwd } = s);
      const previous = this.bySession.get(id);
      if (previous && previous !== conn) {
        this.db.watches.dropWatcher(previous);
        previous.closeAfterFlush();
      }
    }
    db.sessions.touch(id, Date.now());
    conn.state = 'connected';
    conn.sessionId = id;
    conn.sessionTimeout = timeout;
    this.bySession.set(id, conn);
    conn.send(encodeConnectResponse({ protocolVersion: 0, timeOut: timeout, sessionId: id, passwd }, withReadOnly), zxid);
  }

  private deliver(deliveries: Delivery<ClientConnection>[], zxid: number): void {
    for (const d of deliveries) d.watcher.send(encodeNotification(d.type, d.path), zxid);
  }

  private request(conn: ClientConnection, frame: Buffer, startedAt: number): void {
    const r = new JuteReader(frame);
    let hdr;
    try {
      hdr = readRequestHeader(r);
    } catch {
      return conn.destroy();
    }
    const session = this.db.sessions.get(conn.sessionId);
    if (!session || session.closing) return conn.closeAfterFlush();
    this.db.sessions.touch(session.id, Date.now());
    const reply = (zxid: number, err: number, body?: Body, xid = hdr.xid) => {
      conn.lastZxid = zxid;
      conn.send(encodeReply(xid, zxid, err, body), zxid, startedAt);
    };
    let req: Request;
    try {
      req = decodeRequest(hdr.type, r);
    } catch (e) {
      if (!(e instanceof MarshallingError)) throw e;
      return reply(this.db.lastZxid, Err.MARSHALLINGERROR);
    }
    conn.lastOp = OP_NAMES[req.op] ?? 'NA';
    if (hdr.xid >= 0) conn.lastCxid = hdr.xid;
    this.dispatch(conn, hdr.xid, req, reply);
  }

  private dispatch(conn: ClientConnection, xid: number, req: Request, reply: (zxid: number, err: number, body?: Body, xid?: number) => void): void {
    const { db } = this;
    switch (req.op) {
      case 'ping':
        return reply(db.lastZxid, 0);
      case 'auth': {
        const id = authenticate(req.scheme, req.auth, conn.remoteIp);
        if (!id) {
          reply(0, Err.AUTHFAILED);
          return conn.closeAfterFlush();
        }
        if (!conn.authInfo.some((a) => a.scheme === id.scheme && a.id === id.id)) conn.authInfo.push(id);
        return reply(0, 0);
      }
      case 'closeSession': {
        const closing = db.sessions.get(conn.sessionId);
        if (closing) closing.closing = true;
        const { zxid, deliveries } = db.closeSession(conn.sessionId, xid);
        this.deliver(deliveries, zxid);
        this.bySession.delete(conn.sessionId);
        reply(zxid, 0);
        return conn.closeAfterFlush();
      }
      case 'setWatches': {
        const deliveries = db.watches.setWatches(db.tree, conn, req.relativeZxid, req.data, req.exist, req.child);
        this.deliver(deliveries, db.lastZxid);
        return reply(db.lastZxid, 0);
      }
      case 'create':
      case 'delete':
      case 'setData':
      case 'setACL':
      case 'check':
      case 'multi': {
        const out = db.write({ sessionId: conn.sessionId, authInfo: conn.authInfo }, xid, req);
        this.deliver(out.deliveries, out.zxid);
        if (req.op === 'multi') return reply(out.zxid, 0, multiBody(out.results));
        return reply(out.zxid, out.err, out.err === 0 ? writeBody(req.type, out.results[0]!) : undefined);
      }
      case 'whoAmI':
        return reply(db.lastZxid, 0, (w) => void w.vector(conn.authInfo, (x, a) => void x.ustring(a.scheme).ustring(a.id)));
      case 'unknown':
        this.opts.log.warn({ client: conn.remote, type: req.type }, 'unknown request type; closing the connection');
        reply(db.lastZxid, Err.UNIMPLEMENTED);
        return conn.closeAfterFlush();
      default:
        try {
          const body = read({ tree: db.tree, watches: db.watches, watcher: conn, sessionId: conn.sessionId, authInfo: conn.authInfo }, req);
          return reply(db.lastZxid, 0, body);
        } catch (e) {
          if (!(e instanceof KeeperError)) throw e;
          return reply(db.lastZxid, e.code);
        }
    }
  }

  /** Expires sessions past their deadline: closeSession txn, ephemerals removed, connection dropped. */
  expireSessions(now: number): void {
    for (const s of this.db.sessions.expired(now)) {
      s.closing = true;
      this.opts.log.info({ session: `0x${s.id.toString(16)}`, timeout: s.timeout }, 'session expired');
      const { zxid, deliveries } = this.db.closeSession(s.id, 0);
      this.deliver(deliveries, zxid);
      const conn = this.bySession.get(s.id);
      this.bySession.delete(s.id);
      conn?.closeAfterFlush();
    }
  }
}

function writeBody(type: number, r: { path?: string; stat?: import('./wire/records.js').Stat }): Body | undefined {
  switch (type) {
    case OpCode.create:
      return pathBody(r.path!);
    case OpCode.create2:
    case OpCode.createContainer:
    case OpCode.createTTL:
      return pathStatBody(r.path!, r.stat!);
    case OpCode.setData:
    case OpCode.setACL:
      return statBody(r.stat!);
    default:
      return undefined;
  }
}
