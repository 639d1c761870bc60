import { describe, expect, it } from 'vitest';
import type { FileChunk } from '../client/agent-types.js';
import { type FollowSource, abortableSleep, follow } from './task-follow.js';

/**
 * A sandbox file with upstream `/files/read` semantics: `undefined` while missing, at most `cap`
 * bytes per read, `{offset: size, data: ""}` at or past the end. Each `sleep` of the follower
 * advances a fake clock and runs the next scripted step, so the tests never really wait.
 */
class FakeFile implements FollowSource {
  content: Buffer | undefined;
  terminal = false;
  reads: number[] = [];
  finishedChecks = 0;
  constructor(
    initial: string | undefined,
    private readonly cap = 4,
    /** Answer a read past the end as upstream does: the requested offset, no data. */
    private readonly upstreamPastEnd = false,
  ) {
    this.content = initial === undefined ? undefined : Buffer.from(initial);
  }
  async size(): Promise<number | undefined> {
    return this.content?.length;
  }
  async read(offset: number): Promise<FileChunk | undefined> {
    this.reads.push(offset);
    if (!this.content) return undefined;
    const size = this.content.length;
    if (offset >= size) return { offset: this.upstreamPastEnd ? offset : size, data: Buffer.alloc(0) };
    return { offset, data: this.content.subarray(offset, offset + this.cap) };
  }
  async finished(): Promise<boolean> {
    this.finishedChecks++;
    return this.terminal;
  }
  append(text: string | Buffer): void {
    this.content = Buffer.concat([this.content ?? Buffer.alloc(0), Buffer.isBuffer(text) ? text : Buffer.from(text)]);
  }
}

async function run(file: FakeFile, start: number, steps: Array<() => void>, extra: { ctl?: AbortController } = {}) {
  const out: Buffer[] = [];
  const events: string[] = [];
  let clock = 0;
  const ctl = extra.ctl ?? new AbortController();
  const end = await follow(file, start, async (b) => void out.push(Buffer.from(b)), {
    signal: ctl.signal,
    intervalMs: 200,
    finishedCheckMs: 1000,
    now: () => clock,
    sleep: async (ms) => {
      clock += ms;
      const step = steps.shift();
      if (step) step();
      else if (steps.length === 0 && !file.terminal) ctl.abort(); // script over: Ctrl-C
    },
    onTruncated: () => events.push('truncated'),
    onMissing: () => events.push('missing'),
  });
  return { end, text: Buffer.concat(out).toString('utf8'), bytes: Buffer.concat(out), events };
}

describe('follow', () => {
  it('writes appended data in order, advancing the offset by the bytes received', async () => {
    const file = new FakeFile('old\n');
    const r = await run(file, 4, [() => file.append('line 1\n'), () => {}, () => file.append('line 2\nline 3\n')]);
    expect(r.text).toBe('line 1\nline 2\nline 3\n');
    expect(r.end).toBe('interrupted');
    // 4 → 8 → 11 with a 4-byte cap: several reads per append, none overlapping
    expect(file.reads.slice(0, 4)).toEqual([4, 4, 8, 11]);
  });

  it('stops once the task is terminal and a later read brings nothing new, keeping the last words', async () => {
    const file = new FakeFile('');
    const r = await run(file, 0, [
      () => file.append('working\n'),
      () => {
        file.append('bye\n');
        file.terminal = true;
      },
    ]);
    expect(r.end).toBe('finished');
    expect(r.text).toBe('working\nbye\n');
  });

  it('asks about the task at most once per finishedCheckMs', async () => {
    const file = new FakeFile('x');
    const steps = Array.from({ length: 20 }, () => () => {});
    await run(file, 1, steps);
    // 21 polls of 200 ms = 4.2 s of fake time → checks at 0, 1000, 2000, 3000, 4000
    expect(file.finishedChecks).toBe(5);
  });

  it('restarts from byte 0 when the file is truncated below the offset', async () => {
    const file = new FakeFile('0123456789\n');
    const r = await run(file, 11, [
      () => {
        file.content = Buffer.from('new\n');
      },
      () => file.append('more\n'),
    ]);
    expect(r.events).toEqual(['truncated']);
    expect(r.text).toBe('new\nmore\n');
  });

  it('notices a truncation from the file size when reads past the end echo the offset (upstream)', async () => {
    const file = new FakeFile('0123456789\n', 4, true);
    const r = await run(file, 11, [
      () => {
        file.content = Buffer.from('new\n');
      },
      () => file.append('more\n'),
    ]);
    expect(r.events).toEqual(['truncated']);
    expect(r.text).toBe('new\nmore\n');
  });

  it('waits for a file that does not exist yet, then follows it from the start', async () => {
    const file = new FakeFile(undefined);
    const r = await run(file, 0, [() => {}, () => file.append('hello\n'), () => file.append('world\n')]);
    expect(r.events).toEqual(['missing']);
    expect(r.text).toBe('hello\nworld\n');
  });

  it('gives up on a missing file once the task is terminal', async () => {
    const file = new FakeFile(undefined);
    file.terminal = true;
    const r = await run(file, 0, []);
    expect(r.end).toBe('finished');
    expect(r.text).toBe('');
  });

  it('reassembles multi-byte characters split across reads byte for byte', async () => {
    const file = new FakeFile('', 3);
    const text = 'ünïcödé → 日本 🚀\n';
    const r = await run(file, 0, [() => file.append(text)]);
    expect(r.text).toBe(text);
    expect(r.bytes.equals(Buffer.from(text))).toBe(true);
  });

  it('returns "interrupted" when aborted during a read', async () => {
    const ctl = new AbortController();
    const src: FollowSource = {
      read: async () => {
        ctl.abort();
        throw Object.assign(new Error('aborted'), { name: 'AbortError' });
      },
      finished: async () => false,
    };
    expect(await follow(src, 0, async () => {}, { signal: ctl.signal })).toBe('interrupted');
  });

  it('propagates real read failures', async () => {
    const src: FollowSource = { read: async () => Promise.reject(new Error('agent gone')), finished: async () => false };
    await expect(follow(src, 0, async () => {}, { signal: new AbortController().signal })).rejects.toThrow('agent gone');
  });
});

describe('abortableSleep', () => {
  it('ends early on abort', async () => {
    const ctl = new AbortController();
    const t0 = Date.now();
    setTimeout(() => ctl.abort(), 10);
    await abortableSleep(5_000, ctl.signal);
    expect(Date.now() - t0).toBeLessThan(1_000);
  });
});
