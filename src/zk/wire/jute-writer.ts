/**
 * Jute binary encoding (upstream `BinaryOutputArchive`): big-endian ints and longs, booleans as one
 * byte, buffers and strings as a 4-byte length then bytes (-1 for null), vectors as a count then items.
 * @module
 */
export class JuteWriter {
  private buf: Buffer;
  private pos = 0;

  constructor(initial = 256) {
    this.buf = Buffer.allocUnsafe(initial);
  }

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  int(v: number): this {
    this.room(4);
    this.buf.writeInt32BE(v | 0, this.pos);
    this.pos += 4;
    return this;
  }

  /** Longs accept numbers (zxids, times: always below 2^53) or bigints (session ids). */
  long(v: number | bigint): this {
    this.room(8);
    this.buf.writeBigInt64BE(BigInt.asIntN(64, typeof v === 'bigint' ? v : BigInt(v)), this.pos);
    this.pos += 8;
    return this;
  }

  bool(v: boolean): this {
    this.room(1);
    this.buf[this.pos++] = v ? 1 : 0;
    return this;
  }

  buffer(b: Buffer | null | undefined): this {
    if (b == null) return this.int(-1);
    this.int(b.length);
    this.room(b.length);
    b.copy(this.buf, this.pos);
    this.pos += b.length;
    return this;
  }

  ustring(s: string | null | undefined): this {
    return this.buffer(s == null ? null : Buffer.from(s, 'utf8'));
  }

  vector<T>(items: readonly T[] | null | undefined, each: (w: this, item: T) => void): this {
    if (items == null) return this.int(-1);
    this.int(items.length);
    for (const item of items) each(this, item);
    return this;
  }

  raw(b: Buffer): this {
    this.room(b.length);
    b.copy(this.buf, this.pos);
    this.pos += b.length;
    return this;
  }

  get length(): number {
    return this.pos;
  }

  /** The encoded bytes (a view; copy before reusing the writer). */
  bytes(): Buffer {
    return this.buf.subarray(0, this.pos);
  }

  /** The bytes with the 4-byte big-endian length prefix that frames every packet on the socket. */
  frame(): Buffer {
    const out = Buffer.allocUnsafe(this.pos + 4);
    out.writeInt32BE(this.pos, 0);
    this.buf.copy(out, 4, 0, this.pos);
    return out;
  }
}
