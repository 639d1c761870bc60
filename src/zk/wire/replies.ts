/**
 * Server-to-client packet encoders: a ReplyHeader (xid, zxid, err) then the op's response record
 * (upstream `CreateResponse`, `Create2Response`, `GetDataResponse`, `MultiResponse`, `WatcherEvent`…).
 * @module
 */
import { JuteWriter } from './jute-writer.js';
import { KeeperState, OpCode, Xid } from './protocol.js';
import { type ACL, type Stat, writeAcls, writeReplyHeader, writeStat, writeWatcherEvent } from './records.js';

export type Body = (w: JuteWriter) => void;

export function encodeReply(xid: number, zxid: number, err: number, body?: Body): Buffer {
  const w = new JuteWriter(body ? 128 : 16);
  writeReplyHeader(w, { xid, zxid, err });
  if (body && err === 0) body(w);
  return w.frame();
}

/** A watch notification: xid -1, zxid -1, then the WatcherEvent (state SyncConnected). */
export function encodeNotification(type: number, path: string): Buffer {
  const w = new JuteWriter(32 + path.length);
  writeReplyHeader(w, { xid: Xid.notification, zxid: -1, err: 0 });
  writeWatcherEvent(w, { type, state: KeeperState.SyncConnected, path });
  return w.frame();
}

export const statBody = (s: Stat): Body => (w) => writeStat(w, s);
export const pathBody = (p: string): Body => (w) => void w.ustring(p);
export const pathStatBody = (p: string, s: Stat): Body => (w) => {
  w.ustring(p);
  writeStat(w, s);
};
export const dataBody = (data: Buffer, s: Stat): Body => (w) => {
  w.buffer(data);
  writeStat(w, s);
};
export const childrenBody = (names: string[], s?: Stat): Body => (w) => {
  w.vector(names, (x, n) => void x.ustring(n));
  if (s) writeStat(w, s);
};
export const aclBody = (acl: ACL[], s: Stat): Body => (w) => {
  writeAcls(w, acl);
  writeStat(w, s);
};

/** One op's outcome inside a multi reply. */
export interface OpResult {
  /** The op's type, or -1 (error) for failed and rolled-back ops. */
  type: number;
  err: number;
  path?: string;
  stat?: Stat;
}

/** MultiResponse: (MultiHeader, result) per op, ended by a done header. */
export const multiBody = (results: readonly OpResult[]): Body => (w) => {
  for (const r of results) {
    w.int(r.type).bool(false).int(r.err);
    switch (r.type) {
      case OpCode.create:
        w.ustring(r.path!);
        break;
      case OpCode.create2:
      case OpCode.createContainer:
      case OpCode.createTTL:
        w.ustring(r.path!);
        writeStat(w, r.stat!);
        break;
      case OpCode.setData:
        writeStat(w, r.stat!);
        break;
      case OpCode.error:
        w.int(r.err);
        break;
      default:
        break; // delete, check: no body
    }
  }
  w.int(-1).bool(true).int(-1);
};
