/**
 * A long-lived chunked response carrying RecordIO records, used by scheduler, operator and agent
 * SUBSCRIBE. Exactly one record per socket write (naive third-party readers depend on it).
 */
import type { FastifyReply } from 'fastify';
import { encodeRecord } from '../protocol/recordio.js';

export interface RecordStream {
  send(record: object): boolean;
  close(): void;
  readonly closed: boolean;
  onClose(fn: () => void): void;
}

/**
 * A subscriber that stops reading would make us buffer its events forever; past this many unsent
 * bytes its stream is closed (it reconnects and gets a fresh snapshot, as after any disconnect).
 */
const MAX_BUFFERED_BYTES = 32 * 1024 * 1024;

export function openRecordStream(reply: FastifyReply, headers: Record<string, string> = {}): RecordStream {
  reply.hijack();
  const res = reply.raw;
  const socket = res.socket;
  socket?.setNoDelay(true);
  socket?.setKeepAlive(true, 10_000);
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache', ...headers });
  res.flushHeaders();
  let closed = false;
  const listeners: Array<() => void> = [];
  const finish = () => {
    if (closed) return;
    closed = true;
    for (const fn of listeners.splice(0)) fn();
  };
  res.on('close', finish);
  res.on('error', finish);
  return {
    send(record) {
      if (closed) return false;
      // One write per record: with chunked encoding each becomes exactly one HTTP chunk.
      res.write(encodeRecord(record));
      if (res.writableLength > MAX_BUFFERED_BYTES) {
        res.destroy();
        finish();
        return false;
      }
      return true;
    },
    close() {
      if (!closed) res.end();
      finish();
    },
    get closed() {
      return closed;
    },
    onClose(fn) {
      if (closed) fn();
      else listeners.push(fn);
    },
  };
}
