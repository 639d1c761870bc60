import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChunkedMap } from './chunked-map.js';

describe('ChunkedMap', () => {
  it('reads like a Map and leaves the original untouched by a draft', () => {
    const a = ChunkedMap.from([['f/t1', 1], ['f/t2', 2]]);
    const d = a.edit();
    d.set('f/t3', 3);
    d.set('f/t1', 10);
    expect(d.delete('f/t2')).toBe(true);
    expect(d.delete('nope')).toBe(false);
    const b = d.finish();
    expect([a.size, b.size]).toEqual([2, 2]);
    expect(Object.fromEntries(a)).toEqual({ 'f/t1': 1, 'f/t2': 2 });
    expect(Object.fromEntries(b.entries())).toEqual({ 'f/t1': 10, 'f/t3': 3 });
    expect([b.get('f/t3'), b.has('f/t2'), a.has('f/t2')]).toEqual([3, false, true]);
    expect([...b.keys()].sort()).toEqual(['f/t1', 'f/t3']);
    const seen: string[] = [];
    b.forEach((v, k) => seen.push(`${k}=${v}`));
    expect(seen.sort()).toEqual(['f/t1=10', 'f/t3=3']);
  });

  it('behaves like a Map under any sequence of sets and deletes, across drafts', () => {
    const op = fc.tuple(fc.boolean(), fc.string({ maxLength: 6 }), fc.integer());
    fc.assert(
      fc.property(fc.array(fc.array(op, { maxLength: 30 }), { maxLength: 6 }), (batches) => {
        let cm = ChunkedMap.empty<number>();
        const model = new Map<string, number>();
        const snapshots: Array<[ChunkedMap<number>, Map<string, number>]> = [];
        for (const batch of batches) {
          const d = cm.edit();
          for (const [set, k, v] of batch) {
            if (set) {
              d.set(k, v);
              model.set(k, v);
            } else expect(d.delete(k)).toBe(model.delete(k));
          }
          cm = d.finish();
          snapshots.push([cm, new Map(model)]);
        }
        // Every earlier version is still what it was when it was finished.
        for (const [m, expected] of snapshots) {
          expect(m.size).toBe(expected.size);
          expect(new Map(m)).toEqual(expected);
        }
      }),
    );
  });
});
