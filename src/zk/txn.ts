/**
 * Transactions: the state changes the server logs and replays (upstream `TxnHeader` + `CreateTxn`,
 * `DeleteTxn`, `SetDataTxn`, `SetACLTxn`, `CreateSessionTxn`, `ErrorTxn`, `MultiTxn`). Failed writes are
 * transactions too (an `error` txn) because upstream gives them a zxid; logging them keeps zxids
 * increasing across a restart, so a client that saw zxid N is never told the server is behind it.
 * The encoding is jute, but the log file format around it is ours (see persistence/txn-log.ts).
 * @module
 */
import { JuteReader, MarshallingError } from './wire/jute-reader.js';
import { JuteWriter } from './wire/jute-writer.js';
import { OpCode } from './wire/protocol.js';
import { type ACL, readAcls, writeAcls } from './wire/records.js';

export interface TxnHeader {
  sessionId: bigint;
  cxid: number;
  zxid: number;
  /** Wall-clock milliseconds: becomes ctime/mtime. */
  time: number;
}

export type Txn =
  | { type: 'createSession'; sessionId: bigint; timeout: number; passwd: Buffer }
  | { type: 'closeSession'; sessionId: bigint }
  /** `opcode` is create, create2 or createContainer: multi results echo it. */
  | { type: 'create'; opcode: number; path: string; data: Buffer; acl: ACL[]; ephemeralOwner: bigint; parentCVersion: number }
  | { type: 'delete'; opcode: number; path: string }
  | { type: 'setData'; path: string; data: Buffer; version: number }
  | { type: 'setACL'; path: string; acl: ACL[]; version: number }
  | { type: 'check'; path: string }
  | { type: 'error'; err: number }
  | { type: 'multi'; txns: Txn[] };

const TAG: Record<Txn['type'], number> = {
  createSession: OpCode.createSession,
  closeSession: OpCode.closeSession,
  create: OpCode.create,
  delete: OpCode.delete,
  setData: OpCode.setData,
  setACL: OpCode.setACL,
  check: OpCode.check,
  error: OpCode.error,
  multi: OpCode.multi,
};

function writeTxn(w: JuteWriter, t: Txn): void {
  w.int(TAG[t.type]);
  switch (t.type) {
    case 'createSession':
      return void w.long(t.sessionId).int(t.timeout).buffer(t.passwd);
    case 'closeSession':
      return void w.long(t.sessionId);
    case 'create':
      w.int(t.opcode).ustring(t.path).buffer(t.data);
      writeAcls(w, t.acl);
      return void w.long(t.ephemeralOwner).int(t.parentCVersion);
    case 'delete':
      return void w.int(t.opcode).ustring(t.path);
    case 'setData':
      return void w.ustring(t.path).buffer(t.data).int(t.version);
    case 'setACL':
      writeAcls(w, t.acl);
      return void w.ustring(t.path).int(t.version);
    case 'check':
      return void w.ustring(t.path);
    case 'error':
      return void w.int(t.err);
    case 'multi':
      return void w.vector(t.txns, writeTxn);
  }
}

function readTxn(r: JuteReader): Txn {
  const tag = r.int();
  switch (tag) {
    case OpCode.createSession:
      return { type: 'createSession', sessionId: r.bigLong(), timeout: r.int(), passwd: r.buffer() ?? Buffer.alloc(0) };
    case OpCode.closeSession:
      return { type: 'closeSession', sessionId: r.bigLong() };
    case OpCode.create: {
      const opcode = r.int();
      const path = r.path();
      const data = r.buffer() ?? Buffer.alloc(0);
      const acl = readAcls(r);
      return { type: 'create', opcode, path, data, acl, ephemeralOwner: r.bigLong(), parentCVersion: r.int() };
    }
    case OpCode.delete:
      return { type: 'delete', opcode: r.int(), path: r.path() };
    case OpCode.setData:
      return { type: 'setData', path: r.path(), data: r.buffer() ?? Buffer.alloc(0), version: r.int() };
    case OpCode.setACL: {
      const acl = readAcls(r);
      return { type: 'setACL', acl, path: r.path(), version: r.int() };
    }
    case OpCode.check:
      return { type: 'check', path: r.path() };
    case OpCode.error:
      return { type: 'error', err: r.int() };
    case OpCode.multi:
      return { type: 'multi', txns: r.vector(readTxn) ?? [] };
    default:
      throw new MarshallingError(`unknown txn tag ${tag}`);
  }
}

/** Header and body as one jute record: the payload of a log entry. */
export function encodeTxn(hdr: TxnHeader, txn: Txn): Buffer {
  const w = new JuteWriter(64);
  w.long(hdr.sessionId).int(hdr.cxid).long(hdr.zxid).long(hdr.time);
  writeTxn(w, txn);
  return Buffer.from(w.bytes());
}

export function decodeTxn(buf: Buffer): { hdr: TxnHeader; txn: Txn } {
  const r = new JuteReader(buf);
  const hdr: TxnHeader = { sessionId: r.bigLong(), cxid: r.int(), zxid: r.long(), time: r.long() };
  const txn = readTxn(r);
  if (r.remaining !== 0) throw new MarshallingError(`${r.remaining} trailing bytes after txn`);
  return { hdr, txn };
}
