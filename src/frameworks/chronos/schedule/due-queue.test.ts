import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../../agent/health/fake-clock.js';
import { DueQueue } from './due-queue.js';

interface Batch {
  now: number;
  due: Array<{ key: string; at: number }>;
}

function setup(start = 1_000_000) {
  const clock = new FakeClock(start);
  const batches: Batch[] = [];
  const q = new DueQueue<string>((due) => batches.push({ now: clock.now(), due }), clock);
  return { clock, q, batches };
}

describe('DueQueue', () => {
  it('delivers keys in due order, each when its time comes', async () => {
    const { clock, q, batches } = setup(0);
    q.set('a', 300);
    q.set('b', 100);
    q.set('c', 200);
    expect(q.size).toBe(3);
    expect(q.nextAt()).toBe(100);
    await clock.advance(99);
    expect(batches).toEqual([]);
    await clock.advance(1000);
    expect(batches).toEqual([
      { now: 100, due: [{ key: 'b', at: 100 }] },
      { now: 200, due: [{ key: 'c', at: 200 }] },
      { now: 300, due: [{ key: 'a', at: 300 }] },
    ]);
    expect(q.size).toBe(0);
    expect(q.nextAt()).toBeUndefined();
  });

  it('delivers keys due at the same instant in one batch, in the order they were set', async () => {
    const { clock, q, batches } = setup(0);
    q.set('x', 50);
    q.set('y', 50);
    q.set('z', 40);
    await clock.advance(60);
    expect(batches.map((b) => b.due.map((d) => d.key))).toEqual([['z'], ['x', 'y']]);
  });

  it('re-setting a key moves it (later or earlier) instead of adding a second entry', async () => {
    const { clock, q, batches } = setup(0);
    q.set('a', 100);
    q.set('a', 500);
    expect(q.size).toBe(1);
    await clock.advance(400);
    expect(batches).toEqual([]);
    q.set('a', 450);
    q.set('b', 600);
    q.set('b', 420);
    await clock.advance(200);
    expect(batches).toEqual([
      { now: 420, due: [{ key: 'b', at: 420 }] },
      { now: 450, due: [{ key: 'a', at: 450 }] },
    ]);
  });

  it('a deleted key never fires; deleting an unknown key is harmless', async () => {
    const { clock, q, batches } = setup(0);
    q.set('a', 100);
    q.set('b', 200);
    q.set('c', 300);
    q.delete('a');
    q.delete('c');
    q.delete('nope');
    expect(q.size).toBe(1);
    expect(q.has('b')).toBe(true);
    await clock.advance(1000);
    expect(batches.map((b) => b.due.map((d) => d.key))).toEqual([['b']]);
  });

  it('keeps one timer however many keys it holds, and keeps the heap consistent under churn', async () => {
    const { clock, q, batches } = setup(0);
    let seed = 7;
    const rand = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const expected = new Map<string, number>();
    for (let i = 0; i < 2000; i++) {
      const key = `k${rand(500)}`;
      if (rand(4) === 0) {
        q.delete(key);
        expected.delete(key);
      } else {
        const at = 1 + rand(10_000);
        q.set(key, at);
        expected.set(key, at);
      }
      expect(clock.pending).toBeLessThanOrEqual(1);
    }
    expect(q.size).toBe(expected.size);
    await clock.advance(20_000);
    const delivered = batches.flatMap((b) => b.due.map((d) => ({ ...d, now: b.now })));
    expect(delivered.map((d) => [d.key, d.at]).sort()).toEqual([...expected.entries()].sort());
    for (const d of delivered) expect(d.now).toBe(d.at); // never early, never late on a fake clock
    for (let i = 1; i < delivered.length; i++) expect(delivered[i]!.at).toBeGreaterThanOrEqual(delivered[i - 1]!.at);
  });

  it('delivers 10,000 keys due at the same instant in one batch', async () => {
    const { clock, q, batches } = setup();
    const due = clock.now() + 5_000;
    for (let i = 0; i < 10_000; i++) q.set(`job-${i}`, due);
    expect(clock.pending).toBe(1);
    await clock.advance(5_000);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.now).toBe(due);
    expect(batches[0]!.due).toHaveLength(10_000);
    expect(new Set(batches[0]!.due.map((d) => d.key)).size).toBe(10_000);
    expect(q.size).toBe(0);
  });

  it('does not fire far-future entries (> 24.8 days) early: the capped timer just re-arms', async () => {
    const { clock, q, batches } = setup(0);
    const cap = 2 ** 31 - 1;
    const due = 40 * 86_400_000; // 40 days
    q.set('far', due);
    await clock.advance(cap);
    expect(batches).toEqual([]);
    expect(clock.pending).toBe(1); // re-armed
    await clock.advance(due - cap - 1);
    expect(batches).toEqual([]);
    await clock.advance(1);
    expect(batches).toEqual([{ now: due, due: [{ key: 'far', at: due }] }]);
  });

  it('fires a key set in the past on the next turn, with its original due time', async () => {
    const { clock, q, batches } = setup(10_000);
    q.set('late', 4_000);
    await clock.advance(0);
    expect(batches).toEqual([{ now: 10_000, due: [{ key: 'late', at: 4_000 }] }]);
  });

  it('lets the callback re-set keys (a periodic job) and delete others', async () => {
    const { clock, batches } = setup(0);
    const q2 = new DueQueue<string>((due) => {
      batches.push({ now: clock.now(), due });
      for (const d of due) if (d.key === 'tick') q2.set('tick', d.at + 100);
      q2.delete('victim');
    }, clock);
    q2.set('tick', 100);
    q2.set('victim', 250);
    await clock.advance(350);
    expect(batches.map((b) => b.now)).toEqual([100, 200, 300]);
    expect(q2.has('victim')).toBe(false);
    expect(q2.nextAt()).toBe(400);
  });

  it('keeps going after a callback throws', async () => {
    const { clock } = setup(0);
    const seen: string[] = [];
    const q = new DueQueue<string>((due) => {
      seen.push(...due.map((d) => d.key));
      if (due[0]!.key === 'boom') throw new Error('boom');
    }, clock);
    q.set('boom', 10);
    q.set('after', 20);
    await expect(clock.advance(10)).rejects.toThrow('boom');
    await clock.advance(20);
    expect(seen).toEqual(['boom', 'after']);
  });

  it('stops: no fires afterwards, and set() arms nothing', async () => {
    const { clock, q, batches } = setup(0);
    q.set('a', 100);
    q.stop();
    q.set('b', 50);
    expect(clock.pending).toBe(0);
    await clock.advance(1000);
    expect(batches).toEqual([]);
    expect(q.size).toBe(2);
  });

  it('rejects a due time that is not a finite number', () => {
    const { q } = setup(0);
    expect(() => q.set('a', Number.NaN)).toThrow(RangeError);
    expect(() => q.set('a', Infinity)).toThrow(RangeError);
  });
});
