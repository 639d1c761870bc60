/**
 * The "last N lines" half of `tsmesos task tail` (Mesosphere `mesos tail -n N`, mesos-api.md §8.2),
 * over the agent's `/files/read`, which hands out at most 16 pages per call. Works on BYTES: the
 * only thing looked for is the newline byte, which never occurs inside a multi-byte UTF-8
 * character, so a character cut in two by a chunk boundary is simply glued back together when
 * the chunks are concatenated. Reads backwards from the end, so a 2 GB log costs a few requests.
 */

/** Up to `length` bytes at `offset` (fewer is allowed; empty means end of file). */
export type RangeReader = (offset: number, length: number) => Promise<Buffer>;

const NEWLINE = 0x0a;

/** Bytes `[start, end)`, looping over short reads; shorter only if the file ends sooner. */
export async function readRange(read: RangeReader, start: number, end: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let offset = start;
  while (offset < end) {
    const data = await read(offset, end - offset);
    if (data.length === 0) break;
    const take = data.subarray(0, end - offset);
    parts.push(take);
    offset += take.length;
  }
  return Buffer.concat(parts);
}

/**
 * The last `n` lines of a file of `size` bytes, as `tail -n` prints them: a final newline ends
 * the last line rather than starting an empty one, and a file without newlines is one line.
 * `start` is the byte offset where the returned data begins, so `start + data.length === size`
 * and a follower continues from `size`.
 */
export async function lastLines(read: RangeReader, size: number, n: number, chunk: number): Promise<{ start: number; data: Buffer }> {
  if (n <= 0 || size <= 0) return { start: Math.max(size, 0), data: Buffer.alloc(0) };
  const parts: Buffer[] = [];
  let seen = 0;
  let pos = size;
  while (pos > 0) {
    const from = Math.max(0, pos - chunk);
    const buf = await readRange(read, from, pos);
    for (let i = buf.length - 1; i >= 0; i--) {
      if (buf[i] !== NEWLINE || from + i === size - 1) continue;
      if (++seen === n) {
        parts.unshift(buf.subarray(i + 1));
        const data = Buffer.concat(parts);
        return { start: size - data.length, data };
      }
    }
    parts.unshift(buf);
    pos = from;
  }
  const data = Buffer.concat(parts);
  return { start: size - data.length, data };
}
