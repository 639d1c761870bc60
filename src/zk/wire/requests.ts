/**
 * Decoding of client requests (upstream `zookeeper.jute` request records) into one tagged union, so
 * the server switches on `op` and never touches bytes. Unknown types decode to `unknown`: the server
 * answers UNIMPLEMENTED and drops that connection, as upstream's `UnimplementedRequestProcessor` does.
 * @module
 */
import { JuteReader, MarshallingError } from './jute-reader.js';
import { OpCode } from './protocol.js';
import { type ACL, type RequestHeader, readAcls } from './records.js';

export type CreateOp = { op: 'create'; type: number; path: string; data: Buffer | null; acl: ACL[]; flags: number; ttl?: number };
export type DeleteOp = { op: 'delete'; type: number; path: string; version: number };
export type SetDataOp = { op: 'setData'; type: number; path: string; data: Buffer | null; version: number };
export type CheckOp = { op: 'check'; type: number; path: string; version: number };
/** The operations allowed inside a multi. */
export type MultiOp = CreateOp | DeleteOp | SetDataOp | CheckOp;

export type Request =
  | CreateOp
  | DeleteOp
  | SetDataOp
  | CheckOp
  | { op: 'exists' | 'getData' | 'getChildren' | 'getChildren2'; type: number; path: string; watch: boolean }
  | { op: 'getACL' | 'sync' | 'getAllChildrenNumber' | 'getEphemerals'; type: number; path: string }
  | { op: 'setACL'; type: number; path: string; acl: ACL[]; version: number }
  | { op: 'multi'; type: number; ops: MultiOp[] }
  | { op: 'ping' | 'closeSession' | 'whoAmI'; type: number }
  | { op: 'auth'; type: number; scheme: string; auth: Buffer }
  | { op: 'setWatches'; type: number; relativeZxid: number; data: string[]; exist: string[]; child: string[] }
  | { op: 'unknown'; type: number };

export function readRequestHeader(r: JuteReader): RequestHeader {
  return { xid: r.int(), type: r.int() };
}

function readCreate(r: JuteReader, type: number): CreateOp {
  const path = r.path();
  const data = r.buffer();
  const acl = readAcls(r);
  const flags = r.int();
  const op: CreateOp = { op: 'create', type, path, data, acl, flags };
  if (type === OpCode.createTTL) op.ttl = r.long();
  return op;
}

/** Decodes the body after the RequestHeader; throws MarshallingError on short or malformed input. */
export function decodeRequest(type: number, r: JuteReader): Request {
  switch (type) {
    case OpCode.create:
    case OpCode.create2:
    case OpCode.createContainer:
    case OpCode.createTTL:
      return readCreate(r, type);
    case OpCode.delete:
      return { op: 'delete', type, path: r.path(), version: r.int() };
    case OpCode.deleteContainer:
      return { op: 'delete', type, path: r.path(), version: -1 };
    case OpCode.exists:
      return { op: 'exists', type, path: r.path(), watch: r.bool() };
    case OpCode.getData:
      return { op: 'getData', type, path: r.path(), watch: r.bool() };
    case OpCode.getChildren:
      return { op: 'getChildren', type, path: r.path(), watch: r.bool() };
    case OpCode.getChildren2:
      return { op: 'getChildren2', type, path: r.path(), watch: r.bool() };
    case OpCode.setData:
      return { op: 'setData', type, path: r.path(), data: r.buffer(), version: r.int() };
    case OpCode.getACL:
      return { op: 'getACL', type, path: r.path() };
    case OpCode.setACL:
      return { op: 'setACL', type, path: r.path(), acl: readAcls(r), version: r.int() };
    case OpCode.sync:
      return { op: 'sync', type, path: r.path() };
    case OpCode.getAllChildrenNumber:
      return { op: 'getAllChildrenNumber', type, path: r.path() };
    case OpCode.getEphemerals:
      return { op: 'getEphemerals', type, path: r.path() };
    case OpCode.check:
      return { op: 'check', type, path: r.path(), version: r.int() };
    case OpCode.multi:
      return { op: 'multi', type, ops: readMultiOps(r) };
    case OpCode.ping:
      return { op: 'ping', type };
    case OpCode.closeSession:
      return { op: 'closeSession', type };
    case OpCode.whoAmI:
      return { op: 'whoAmI', type };
    case OpCode.auth: {
      r.int(); // AuthPacket.type: unused upstream too
      return { op: 'auth', type, scheme: r.ustring() ?? '', auth: r.buffer() ?? Buffer.alloc(0) };
    }
    case OpCode.setWatches:
      return {
        op: 'setWatches',
        type,
        relativeZxid: r.long(),
        data: strings(r),
        exist: strings(r),
        child: strings(r),
      };
    default:
      return { op: 'unknown', type };
  }
}

function strings(r: JuteReader): string[] {
  return (r.vector((x) => x.path()) ?? []) as string[];
}

/** A multi is a run of (MultiHeader, op) pairs ended by a header with done = true. */
function readMultiOps(r: JuteReader): MultiOp[] {
  const ops: MultiOp[] = [];
  for (;;) {
    const type = r.int();
    const done = r.bool();
    r.int(); // err, always -1 in requests
    if (done) return ops;
    const op = decodeRequest(type, r);
    if (op.op !== 'create' && op.op !== 'delete' && op.op !== 'setData' && op.op !== 'check') {
      throw new MarshallingError(`op type ${type} is not allowed in a multi`);
    }
    ops.push(op);
  }
}
