/**
 * The jute records shared by many messages (upstream `zookeeper.jute`): Stat, Id, ACL, WatcherEvent,
 * and the request/reply headers. Field order is the wire order.
 * @module
 */
import type { JuteReader } from './jute-reader.js';
import type { JuteWriter } from './jute-writer.js';

/**
 * Per-znode metadata exactly as clients see it. zxids and times are numbers (they stay below 2^53);
 * ephemeralOwner is a 64-bit session id, so a bigint.
 */
export interface Stat {
  czxid: number;
  mzxid: number;
  ctime: number;
  mtime: number;
  version: number;
  cversion: number;
  aversion: number;
  ephemeralOwner: bigint;
  dataLength: number;
  numChildren: number;
  pzxid: number;
}

export interface Id {
  scheme: string;
  id: string;
}

export interface ACL {
  perms: number;
  id: Id;
}

export function writeStat(w: JuteWriter, s: Stat): void {
  w.long(s.czxid).long(s.mzxid).long(s.ctime).long(s.mtime);
  w.int(s.version).int(s.cversion).int(s.aversion);
  w.long(s.ephemeralOwner).int(s.dataLength).int(s.numChildren).long(s.pzxid);
}

export function readStat(r: JuteReader): Stat {
  return {
    czxid: r.long(),
    mzxid: r.long(),
    ctime: r.long(),
    mtime: r.long(),
    version: r.int(),
    cversion: r.int(),
    aversion: r.int(),
    ephemeralOwner: r.bigLong(),
    dataLength: r.int(),
    numChildren: r.int(),
    pzxid: r.long(),
  };
}

export function writeAcl(w: JuteWriter, a: ACL): void {
  w.int(a.perms).ustring(a.id.scheme).ustring(a.id.id);
}

export function readAcl(r: JuteReader): ACL {
  const perms = r.int();
  return { perms, id: { scheme: r.ustring() ?? '', id: r.ustring() ?? '' } };
}

export function writeAcls(w: JuteWriter, acl: readonly ACL[] | null): void {
  w.vector(acl, writeAcl);
}

export function readAcls(r: JuteReader): ACL[] {
  return r.vector(readAcl) ?? [];
}

export interface RequestHeader {
  xid: number;
  type: number;
}

export interface ReplyHeader {
  xid: number;
  zxid: number;
  err: number;
}

export function writeReplyHeader(w: JuteWriter, h: ReplyHeader): void {
  w.int(h.xid).long(h.zxid).int(h.err);
}

export function readReplyHeader(r: JuteReader): ReplyHeader {
  return { xid: r.int(), zxid: r.long(), err: r.int() };
}

export interface WatcherEvent {
  type: number;
  state: number;
  path: string;
}

export function writeWatcherEvent(w: JuteWriter, e: WatcherEvent): void {
  w.int(e.type).int(e.state).ustring(e.path);
}

export function readWatcherEvent(r: JuteReader): WatcherEvent {
  return { type: r.int(), state: r.int(), path: r.ustring() ?? '' };
}
