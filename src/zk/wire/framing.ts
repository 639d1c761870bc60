/**
 * Splits a TCP byte stream into packets: each is a 4-byte big-endian length then that many bytes
 * (upstream `NIOServerCnxn.readLength`). A length below zero or above `jute.maxbuffer` is not a
 * packet anyone sends, so the connection is dropped rather than buffering towards it.
 * @module
 */
import { MAX_BUFFER } from './protocol.js';

export class FrameError extends Error {
  constructor(
    message: string,
    /** The offending length word (four-letter words arrive as one). */
    readonly lengthWord: number,
  ) {
    super(message);
    this.name = 'FrameError';
    Object.setPrototypeOf(this, FrameError.prototype);
  }
}

export class FrameDecoder {
  private chunks: Buffer[] = [];
  private buffered = 0;

  constructor(private readonly maxFrame = MAX_BUFFER) {}

  /** Adds bytes and returns every complete frame (payload without its length prefix). */
  push(chunk: Buffer): Buffer[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const out: Buffer[] = [];
    for (;;) {
      if (this.buffered < 4) return out;
      const head = this.peek(4);
      const len = head.readInt32BE(0);
      if (len < 0 || len > this.maxFrame) throw new FrameError(`frame length ${len} outside 0..${this.maxFrame}`, len);
      if (this.buffered < 4 + len) return out;
      const whole = this.take(4 + len);
      out.push(whole.subarray(4));
    }
  }

  /** Bytes received but not yet part of a complete frame. */
  get pending(): number {
    return this.buffered;
  }

  private peek(n: number): Buffer {
    if (this.chunks[0]!.length >= n) return this.chunks[0]!;
    const all = Buffer.concat(this.chunks);
    this.chunks = [all];
    return all;
  }

  private take(n: number): Buffer {
    const all = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
    const out = all.subarray(0, n);
    const rest = all.subarray(n);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.buffered = rest.length;
    return out;
  }
}
