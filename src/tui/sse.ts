/**
 * Reading a `text/event-stream` (Marathon's `GET /v2/events`): frames of `event:` and `data:`
 * lines ended by a blank line (compat-rules: several `data:` lines join with "\n"; `:` lines are
 * comments; CRLF, LF or CR end a line). The parser is pure and incremental, so a frame split
 * across network chunks, even mid-line, comes out whole.
 */
import { ClientError } from '../client/client-error.js';

export interface SseEvent {
  /** The `event:` name, or `message` when the frame has none. */
  event: string;
  data: string;
}

export class SseParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];

  /** Feeds decoded text; returns the frames it completed. */
  push(text: string): SseEvent[] {
    this.buffer += text;
    const out: SseEvent[] = [];
    for (;;) {
      const m = /\r\n|\r|\n/.exec(this.buffer);
      // A lone CR at the end may be the first half of a CRLF: wait for the next chunk.
      if (!m || (m[0] === '\r' && m.index === this.buffer.length - 1)) break;
      const line = this.buffer.slice(0, m.index);
      this.buffer = this.buffer.slice(m.index + m[0].length);
      if (line === '') {
        if (this.data.length > 0 || this.event) out.push({ event: this.event || 'message', data: this.data.join('\n') });
        this.event = '';
        this.data = [];
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') this.event = value;
      else if (field === 'data') this.data.push(value);
    }
    return out;
  }
}

/**
 * Opens `url` as an event stream and calls `onEvent` per frame until the server ends it (resolves)
 * or `signal` aborts (resolves). Rejects with a `ClientError` when it can not be opened.
 */
export async function followSse(url: string, onEvent: (e: SseEvent) => void, signal: AbortSignal, title = 'the server'): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { Accept: 'text/event-stream' }, signal });
  } catch (e) {
    if (signal.aborted) return;
    throw new ClientError('unreachable', url, `can not reach ${title} at ${new URL(url).origin} (${(e as Error).message})`);
  }
  if (!res.ok || !res.body) {
    await res.body?.cancel().catch(() => undefined);
    throw new ClientError('status', url, `${title} answered ${res.status} to GET ${new URL(url).pathname}`, undefined, res.status);
  }
  const parser = new SseParser();
  const decoder = new TextDecoder();
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      for (const e of parser.push(decoder.decode(chunk, { stream: true }))) onEvent(e);
    }
  } catch (e) {
    if (!signal.aborted) throw e;
  }
}
