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
