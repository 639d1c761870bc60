import { describe, expect, it } from 'vitest';
import { type RangeReader, lastLines, readRange } from './task-tail-lines.js';

/** A reader over `file` that never returns more than `cap` bytes per call, like the agent's 16 pages. */
function readerOf(file: Buffer, cap: number, calls: Array<[number, number]> = []): RangeReader {
  return async (offset, length) => {
    calls.push([offset, length]);
    return file.subarray(offset, Math.min(offset + length, offset + cap, file.length));
  };
}

async function tailOf(text: string | Buffer, n: number, chunk: number, cap = chunk): Promise<string> {
  const file = Buffer.isBuffer(text) ? text : Buffer.from(text);
  const { start, data } = await lastLines(readerOf(file, cap), file.length, n, chunk);
  expect(start + data.length).toBe(file.length);
  expect(data.equals(file.subarray(start))).toBe(true);
  return data.toString('utf8');
}

describe('lastLines', () => {
  const text = 'one\ntwo\nthree\nfour\nfive\n';

  it('prints the last N lines like tail -n, whatever the chunk size', async () => {
    for (const chunk of [1, 2, 3, 5, 7, 64 * 1024]) {
      expect(await tailOf(text, 2, chunk)).toBe('four\nfive\n');
      expect(await tailOf(text, 1, chunk)).toBe('five\n');
      expect(await tailOf(text, 5, chunk)).toBe(text);
      expect(await tailOf(text, 10, chunk)).toBe(text);
    }
  });

  it('treats a last line without a newline as a line', async () => {
    expect(await tailOf('a\nb\nc', 2, 2)).toBe('b\nc');
    expect(await tailOf('no newline at all', 3, 4)).toBe('no newline at all');
  });

  it('keeps empty lines, and a file of only newlines', async () => {
    expect(await tailOf('a\n\n\nb\n', 3, 2)).toBe('\n\nb\n');
    expect(await tailOf('\n\n\n', 2, 1)).toBe('\n\n');
  });

  it('handles n = 0 and an empty file', async () => {
    expect(await lastLines(readerOf(Buffer.from('x\n'), 9), 2, 0, 4)).toEqual({ start: 2, data: Buffer.alloc(0) });
    expect(await lastLines(readerOf(Buffer.alloc(0), 9), 0, 10, 4)).toEqual({ start: 0, data: Buffer.alloc(0) });
  });

  it('returns multi-byte UTF-8 intact when chunk boundaries split characters', async () => {
    const utf8 = 'héllo wörld\n日本語のログ\n🚀 launch ✓\nlast → 終わり\n';
    const bytes = Buffer.from(utf8);
    for (let chunk = 1; chunk <= 9; chunk++) {
      expect(await tailOf(bytes, 2, chunk)).toBe('🚀 launch ✓\nlast → 終わり\n');
      expect(await tailOf(bytes, 9, chunk)).toBe(utf8);
    }
  });

  it('passes bytes that are not UTF-8 through unchanged', async () => {
    const raw = Buffer.from([0xff, 0xfe, 0x0a, 0x80, 0x81, 0x0a, 0xc3]);
    const { data } = await lastLines(readerOf(raw, 2), raw.length, 1, 2);
    expect([...data]).toEqual([0xc3]);
    const two = await lastLines(readerOf(raw, 2), raw.length, 2, 3);
    expect([...two.data]).toEqual([0x80, 0x81, 0x0a, 0xc3]);
  });

  it('reads backwards and stops as soon as it has N lines', async () => {
    const file = Buffer.from(`${'x'.repeat(1000)}\n${'y'.repeat(10)}\nz\n`);
    const calls: Array<[number, number]> = [];
    await lastLines(readerOf(file, 100, calls), file.length, 2, 100);
    expect(calls).toEqual([[file.length - 100, 100]]);
  });

  it('survives an agent that returns less than asked (short reads)', async () => {
    expect(await tailOf(text, 3, 8, 3)).toBe('three\nfour\nfive\n');
  });
});

describe('readRange', () => {
  it('loops over short reads and stops at end of file', async () => {
    const file = Buffer.from('0123456789');
    expect((await readRange(readerOf(file, 3), 2, 9)).toString()).toBe('2345678');
    expect((await readRange(readerOf(file, 4), 8, 20)).toString()).toBe('89');
    expect((await readRange(readerOf(file, 4), 5, 5)).length).toBe(0);
  });
});
