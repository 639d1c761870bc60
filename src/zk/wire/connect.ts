/**
 * The session handshake (upstream `ConnectRequest` / `ConnectResponse`). Clients since 3.4 append a
 * `readOnly` boolean to the request; older ones do not. The server answers in kind: it appends its
 * own `readOnly` byte only when the client sent one, so old clients never see a stray byte.
 * @module
 */
import { JuteReader } from './jute-reader.js';
import { JuteWriter } from './jute-writer.js';

export interface ConnectRequest {
  protocolVersion: number;
  lastZxidSeen: number;
  timeOut: number;
  sessionId: bigint;
  passwd: Buffer;
  /** undefined = an old client that sent no readOnly byte. */
  readOnly: boolean | undefined;
}

export interface ConnectResponse {
  protocolVersion: number;
  /** 0 tells the client its session is expired (or the password was wrong). */
  timeOut: number;
  sessionId: bigint;
  passwd: Buffer;
}

export function decodeConnectRequest(frame: Buffer): ConnectRequest {
  const r = new JuteReader(frame);
  const req: ConnectRequest = {
    protocolVersion: r.int(),
    lastZxidSeen: r.long(),
    timeOut: r.int(),
    sessionId: r.bigLong(),
    passwd: r.buffer() ?? Buffer.alloc(0),
    readOnly: undefined,
  };
  if (r.remaining > 0) req.readOnly = r.bool();
  return req;
}

export function encodeConnectRequest(req: ConnectRequest): Buffer {
  const w = new JuteWriter();
  w.int(req.protocolVersion).long(req.lastZxidSeen).int(req.timeOut).long(req.sessionId).buffer(req.passwd);
  if (req.readOnly !== undefined) w.bool(req.readOnly);
  return w.frame();
}

/** `withReadOnly`: whether the client sent the trailing byte (then we send ours: false, read-write). */
export function encodeConnectResponse(res: ConnectResponse, withReadOnly: boolean): Buffer {
  const w = new JuteWriter();
  w.int(res.protocolVersion).int(res.timeOut).long(res.sessionId).buffer(res.passwd);
  if (withReadOnly) w.bool(false);
  return w.frame();
}

export function decodeConnectResponse(frame: Buffer): ConnectResponse & { readOnly?: boolean } {
  const r = new JuteReader(frame);
  const res = { protocolVersion: r.int(), timeOut: r.int(), sessionId: r.bigLong(), passwd: r.buffer() ?? Buffer.alloc(0) };
  return r.remaining > 0 ? { ...res, readOnly: r.bool() } : res;
}
