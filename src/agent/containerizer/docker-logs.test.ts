import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { FrameDemuxer, LogPump, Skipper, appendMissing } from './docker-logs.js';

const frame = (type: number, text: string) => {
  const body = Buffer.from(text);
  const h = Buffer.alloc(8);
  h[0] = type;
  h.writeUInt32BE(body.length, 4);
  return Buffer.concat([h, body]);
};

describe('FrameDemuxer', () => {
  it('splits frames however the chunks cut them', () => {
    const all = Buffer.concat([frame(1, 'hello '), frame(2, 'oops'), frame(1, 'world'), frame(1, '')]);
    for (const cut of [1, 3, 8, 9, 13, all.length]) {
      const got: string[] = [];
      const d = new FrameDemuxer((t, b) => got.push(`${t}:${b}`));
      for (let i = 0; i < all.length; i += cut) d.push(all.subarray(i, i + cut));
      expect(got, `cut ${cut}`).toEqual(['1:hello ', '2:oops', '1:world']);
    }
  });
});

describe('Skipper', () => {
  it('drops exactly the first n bytes across pieces', () => {
    const s = new Skipper(5);
    expect(s.take(Buffer.from('abc')).toString()).toBe('');
    expect(s.take(Buffer.from('defgh')).toString()).toBe('fgh');
    expect(s.take(Buffer.from('ij')).toString()).toBe('ij');
  });
});

describe('LogPump', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tsmesos-logpump-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('resumes after what the sandbox files already hold (replayed log, no duplicates)', async () => {
    writeFileSync(join(dir, 'stdout'), 'line1\n');
    writeFileSync(join(dir, 'stderr'), '');
    const src = new PassThrough();
    const pump = new LogPump(dir, async () => src);
    src.write(Buffer.concat([frame(1, 'line1\n'), frame(2, 'err1\n')]));
    src.end(frame(1, 'line2\n'));
    await pump.done;
    expect(readFileSync(join(dir, 'stdout'), 'utf8')).toBe('line1\nline2\n');
    expect(readFileSync(join(dir, 'stderr'), 'utf8')).toBe('err1\n');
  });

  it('completes from the stored log what a follow stream missed', async () => {
    writeFileSync(join(dir, 'stdout'), 'a\n');
    writeFileSync(join(dir, 'stderr'), '');
    await appendMissing(dir, Buffer.concat([frame(1, 'a\nb\n'), frame(2, 'e\n'), frame(1, 'c\n')]));
    expect(readFileSync(join(dir, 'stdout'), 'utf8')).toBe('a\nb\nc\n');
    expect(readFileSync(join(dir, 'stderr'), 'utf8')).toBe('e\n');
    await appendMissing(dir, Buffer.concat([frame(1, 'a\nb\n'), frame(2, 'e\n'), frame(1, 'c\n')]));
    expect(readFileSync(join(dir, 'stdout'), 'utf8')).toBe('a\nb\nc\n');
  });
});
