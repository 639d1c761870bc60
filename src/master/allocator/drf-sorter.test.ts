import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DrfSorter, type SorterContext } from './drf-sorter.js';
import { dominantShare } from './quantities.js';

const context = (totals: number[], weights: Record<string, number> = {}): SorterContext =>
  ({ totals, weights: new Map(Object.entries(weights)), version: 0 });

describe('DrfSorter', () => {
  it('orders by dominant share, ties by name, and re-positions on change', () => {
    const s = new DrfSorter(context([100, 1000]), false);
    for (const name of ['c', 'a', 'b']) s.add(name);
    expect(s.sorted()).toEqual(['a', 'b', 'c']);
    s.allocated('a', [10, 0]); // 0.1
    s.allocated('b', [0, 200]); // 0.2
    expect(s.sorted()).toEqual(['c', 'a', 'b']);
    expect(s.share('b')).toBeCloseTo(0.2);
    s.unallocated('b', [0, 150]);
    expect(s.sorted()).toEqual(['c', 'b', 'a']);
    expect(s.find((n) => n !== 'c')).toBe('b');
  });

  it('recomputes every share when totals or weights change', () => {
    const ctx = context([100, 1000]);
    const s = new DrfSorter(ctx, true);
    s.add('cpu');
    s.add('mem');
    s.allocated('cpu', [50, 0]);
    s.allocated('mem', [0, 400]);
    expect(s.sorted()).toEqual(['mem', 'cpu']);
    ctx.totals[0] = 1000;
    ctx.version++;
    expect(s.sorted()).toEqual(['cpu', 'mem']);
    ctx.weights.set('mem', 10);
    ctx.version++;
    expect(s.sorted()).toEqual(['mem', 'cpu']);
    expect(s.share('mem')).toBeCloseTo(0.04);
  });

  it('compares subtrees in hierarchical mode, with a parent role competing as a leaf', () => {
    const s = new DrfSorter(context([100]), true);
    for (const role of ['eng/web', 'eng/db', 'ops', 'eng']) s.add(role);
    s.allocated('eng/web', [30]);
    s.allocated('ops', [20]);
    s.allocated('eng', [5]);
    expect(s.sorted()).toEqual(['ops', 'eng/db', 'eng', 'eng/web']);
    s.remove('eng/web');
    expect(s.sorted()).toEqual(['eng/db', 'eng', 'ops']);
    s.remove('eng/db');
    s.remove('eng');
    expect(s.sorted()).toEqual(['ops']);
    expect(s.size).toBe(1);
  });

  it('clones independently', () => {
    const s = new DrfSorter(context([10]), false);
    s.add('a');
    s.add('b');
    const copy = s.clone();
    copy.allocated('a', [5]);
    expect(copy.sorted()).toEqual(['b', 'a']);
    expect(s.sorted()).toEqual(['a', 'b']);
    expect(s.allocation('a')).toEqual([]);
  });

  it('keeps the same order as a full re-sort under random changes', () => {
    const op = fc.record({ client: fc.integer({ min: 0, max: 7 }), slot: fc.integer({ min: 0, max: 2 }),
      amount: fc.integer({ min: -500, max: 1000 }), bumpTotals: fc.boolean() });
    fc.assert(fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
      const ctx = context([1000, 4000, 700]);
      const s = new DrfSorter(ctx, false);
      const alloc = new Map<string, number[]>();
      for (const { client, slot, amount, bumpTotals } of ops) {
        const name = `fw-${client}`;
        if (!s.has(name)) {
          s.add(name);
          alloc.set(name, [0, 0, 0]);
        }
        const v = alloc.get(name)!;
        const delta = [0, 0, 0];
        delta[slot] = Math.max(amount, -v[slot]!);
        v[slot] = v[slot]! + delta[slot]!;
        s.allocated(name, delta);
        if (bumpTotals) {
          ctx.totals[slot] = ctx.totals[slot]! + 100;
          ctx.version++;
        }
        const expected = [...alloc.keys()].sort((a, b) =>
          dominantShare(alloc.get(a)!, ctx.totals) - dominantShare(alloc.get(b)!, ctx.totals) || (a < b ? -1 : 1));
        expect(s.sorted()).toEqual(expected);
      }
    }));
  });
});
