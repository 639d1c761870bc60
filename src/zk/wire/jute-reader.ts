/**
 * Jute binary decoding with bounds checks. Any read past the end, or a length that could not fit in
 * what is left, throws `MarshallingError`: the server answers MARSHALLINGERROR or drops the connection,
 * never allocates what a hostile length asks for.
 * @module
 */
export class MarshallingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MarshallingError';
    Object.setPrototypeOf(this, MarshallingError.prototype);
  }
}

export class JuteReader {
  private pos: number;

  constructor(
    private readonly buf: Buffer,
    offset = 0,
  ) {
    this.pos = offset;
  }

  private need(n: number, what: string): void {
    if (n < 0 || this.pos + n > this.buf.length) {
      throw new MarshallingError(`${what}: needs ${n} bytes at offset ${this.pos}, only ${this.buf.length - this.pos} left`);
    }
  }

  int(): number {
    this.need(4, 'int');
    const v = this.buf.readInt32BE(this.pos);
    this.pos += 4;
    return v;
  }

  /** A long that must fit a JS number exactly (zxids, times, relative zxids). */
  long(): number {
    const v = this.bigLong();
    if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) throw new MarshallingError(`long ${v} out of range`);
    return Number(v);
  }

  bigLong(): bigint {
    this.need(8, 'long');
    const v = this.buf.readBigInt64BE(this.pos);
    this.pos += 8;
    return v;
  }

  bool(): boolean {
    this.need(1, 'bool');
    return this.buf[this.pos++] !== 0;
  }

  buffer(): Buffer | null {
    const len = this.int();
    if (len === -1) return null;
    if (len < -1) throw new MarshallingError(`negative buffer length ${len}`);
    this.need(len, 'buffer');
    const out = Buffer.from(this.buf.subarray(this.pos, this.pos + len));
    this.pos += len;
    return out;
  }

  ustring(): string | null {
    const b = this.buffer();
    return b === null ? null : b.toString('utf8');
  }

  /** A non-null string; a null one is a protocol error where upstream would NPE. */
  path(): string {
    const s = this.ustring();
    if (s === null) throw new MarshallingError('null path');
    return s;
  }

  vector<T>(each: (r: JuteReader) => T): T[] | null {
    const n = this.int();
    if (n === -1) return null;
    // Every element takes at least one byte, so a count beyond the bytes left is a lie.
    if (n < -1 || n > this.remaining) throw new MarshallingError(`vector length ${n} with ${this.remaining} bytes left`);
    const out: T[] = [];
    for (let i = 0; i < n; i++) out.push(each(this));
    return out;
  }

  get remaining(): number {
    return this.buf.length - this.pos;
  }

  get offset(): number {
    return this.pos;
  }
}
