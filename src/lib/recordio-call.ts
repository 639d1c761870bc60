/**
 * The client side of a streaming RecordIO call (scheduler, operator or agent SUBSCRIBE): POST a JSON
 * body, keep the chunked response open and hand each decoded record to `onRecord`.
 */
import http from 'node:http';
import { RecordIODecoder } from '../protocol/recordio.js';

export interface RecordIOCall {
  /** Resolves with status and headers once the response starts (or rejects on connection failure). */
  readonly started: Promise<{ status: number; headers: http.IncomingHttpHeaders; body?: string }>;
  /** Resolves when the stream ends for any reason. */
  readonly ended: Promise<void>;
  close(): void;
}

/**
 * `onResponse` runs synchronously when the response starts, before any record is delivered: the
 * first records (SUBSCRIBED, OFFERS) can arrive in the same socket read as the headers, ahead of
 * any code awaiting `started`, and a caller answering them needs the `Mesos-Stream-Id` already.
 */
export function openRecordIOCall(
  url: string,
  body: unknown,
  onRecord: (record: unknown) => void,
  headers: Record<string, string> = {},
  onResponse?: (status: number, headers: http.IncomingHttpHeaders) => void,
): RecordIOCall {
  let req: http.ClientRequest;
  let endResolve!: () => void;
  const ended = new Promise<void>((r) => (endResolve = r));
  const started = new Promise<{ status: number; headers: http.IncomingHttpHeaders; body?: string }>((resolve, reject) => {
    const payload = JSON.stringify(body);
    req = http.request(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Content-Length': Buffer.byteLength(payload), ...headers },
    });
    req.on('error', (e) => {
      reject(e);
      endResolve();
    });
    req.on('response', (res) => {
      onResponse?.(res.statusCode ?? 0, res.headers);
      res.on('close', endResolve);
      res.on('error', endResolve);
      if (res.statusCode !== 200) {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
        return;
      }
      resolve({ status: 200, headers: res.headers });
      const decoder = new RecordIODecoder();
      res.on('data', (chunk: Buffer) => {
        try {
          for (const rec of decoder.feed(chunk)) onRecord(JSON.parse(rec));
        } catch {
          req.destroy();
        }
      });
    });
    req.end(payload);
  });
  started.catch(() => {});
  return {
    started,
    ended,
    close: () => req.destroy(),
  };
}

/**
 * Keep-alive connections for the many small calls a scheduler or agent makes (ACKNOWLEDGE, UPDATE):
 * node:http with a pooled agent costs a fraction of `fetch` per call, which matters at hundreds of
 * status updates a second.
 */
const pool = new http.Agent({ keepAlive: true, maxSockets: 32 });

/** A plain JSON POST that returns status, headers and text body (redirects are not followed). */
export function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string; headers: http.IncomingHttpHeaders }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: 'POST',
      agent: pool,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Content-Length': Buffer.byteLength(payload), ...headers },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
    });
    req.end(payload);
  });
}
