/**
 * RecordIO framing (mesos `docs/recordio.md`): `<decimal length>\n<record bytes>`, repeated, no separator.
 * The length is the UTF-8 byte count, never the UTF-16 character count: a name like `tâche-ü`
 * would otherwise split the stream in the wrong place. Used by the scheduler, operator and agent streams.
 */

/** Encodes one record. Objects are serialised as compact JSON (no raw newlines). */
export function encodeRecord(record: string | object): Buffer {
  const body = Buffer.from(typeof record === 'string' ? record : JSON.stringify(record), 'utf8');
  if (body.length === 0) throw new Error('a RecordIO record can not be empty');
  return Buffer.concat([Buffer.from(`${body.length}\n`, 'ascii'), body]);
}

export class RecordIOError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecordIOError';
    Object.setPrototypeOf(this, RecordIOError.prototype);
  }
}

/** Incremental decoder: feed it chunks as they arrive, get whole records back as strings. */
export class RecordIODecoder {
  private buffer: Buffer = Buffer.alloc(0);
  /** Guards against a peer announcing a huge record and making us buffer it. */
  constructor(private readonly maxRecordBytes = 64 * 1024 * 1024) {}

  feed(chunk: Buffer | string): string[] {
    this.buffer = Buffer.concat([this.buffer, typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk]);
    const records: string[] = [];
    for (;;) {
      const nl = this.buffer.indexOf(0x0a);
      if (nl < 0) {
        if (this.buffer.length > 20) throw new RecordIOError('record length prefix is too long');
        break;
      }
      const header = this.buffer.subarray(0, nl).toString('ascii');
      if (!/^\d+$/.test(header)) throw new RecordIOError(`bad record length '${header}'`);
      const length = Number(header);
      if (length === 0) throw new RecordIOError('record length can not be 0');
      if (length > this.maxRecordBytes) throw new RecordIOError(`record of ${length} bytes is too large`);
      if (this.buffer.length < nl + 1 + length) break;
      records.push(this.buffer.subarray(nl + 1, nl + 1 + length).toString('utf8'));
      this.buffer = this.buffer.subarray(nl + 1 + length);
    }
    return records;
  }

  /** Bytes received that do not yet make a whole record. */
  get pending(): number {
    return this.buffer.length;
  }
}
