import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Resources, ResourceError, type Resource } from './index.js';

const role = fc.constantFrom('*', 'ads', 'eng/web');
const alloc = fc.option(fc.constantFrom('ads', 'batch'), { nil: undefined });
const scalarItem: fc.Arbitrary<Resource> = fc.record({
  name: fc.constantFrom('cpus', 'mem', 'disk', 'gpus'), type: fc.constant('SCALAR' as const), role,
  allocationRole: alloc, scalar: fc.integer({ min: 0, max: 10_000_000 }),
});
const range = fc.tuple(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 40 })).map(([b, len]): [number, number] => [b, b + len]);
const rangesItem: fc.Arbitrary<Resource> = fc.record({
  name: fc.constantFrom('ports', 'ephemeral_ports'), type: fc.constant('RANGES' as const), role,
  allocationRole: alloc, ranges: fc.array(range, { maxLength: 6 }),
});
const setItem: fc.Arbitrary<Resource> = fc.record({
  name: fc.constant('zones'), type: fc.constant('SET' as const), role, allocationRole: alloc,
  set: fc.array(fc.stringMatching(/^[a-z][a-z0-9_]{0,5}$/), { maxLength: 4 }),
});
const resources = fc.array(fc.oneof(scalarItem, rangesItem, setItem), { maxLength: 8 }).map((items) => Resources.of(items));

/** Count of range values and set items: union is only invertible when nothing overlaps. */
const discrete = (r: Resources): number => r.items().reduce((n, i) =>
  n + (i.ranges?.reduce((m, [b, e]) => m + e - b + 1, 0) ?? 0) + (i.set?.length ?? 0), 0);
const disjoint = (a: Resources, b: Resources): boolean => discrete(a.add(b)) === discrete(a) + discrete(b);

describe('Resources properties', () => {
  it('add is commutative and associative', () => {
    fc.assert(fc.property(resources, resources, resources, (a, b, c) => {
      expect(a.add(b).equals(b.add(a))).toBe(true);
      expect(a.add(b).add(c).equals(a.add(b.add(c)))).toBe(true);
    }));
  });

  it('(a + b) − b == a when ranges/sets do not overlap (union is not a multiset), and a + b contains a and b', () => {
    fc.assert(fc.property(resources, resources, (a, b) => {
      const sum = a.add(b);
      if (disjoint(a, b)) expect(sum.subtract(b).equals(a)).toBe(true);
      else expect(sum.subtract(b).add(b).equals(sum)).toBe(true);
      expect(sum.contains(a)).toBe(true);
      expect(sum.contains(b)).toBe(true);
    }));
  });

  it('contains is reflexive and the empty value is contained everywhere', () => {
    fc.assert(fc.property(resources, (a) => {
      expect(a.contains(a)).toBe(true);
      expect(a.contains(Resources.empty())).toBe(true);
      expect(a.subtract(a).isEmpty()).toBe(true);
    }));
  });

  it('subtracting something not contained throws', () => {
    fc.assert(fc.property(resources, resources, (a, b) => {
      fc.pre(!a.contains(b));
      expect(() => a.subtract(b)).toThrow(ResourceError);
    }));
  });

  it('ranges stay sorted, coalesced and non-empty after add and subtract', () => {
    fc.assert(fc.property(resources, resources, (a, b) => {
      for (const r of [a.add(b), a.add(b).subtract(b)]) {
        for (const item of r.items()) {
          if (item.type !== 'RANGES') continue;
          expect(item.ranges!.length).toBeGreaterThan(0);
          item.ranges!.forEach(([begin, end], i) => {
            expect(begin).toBeLessThanOrEqual(end);
            if (i > 0) expect(begin).toBeGreaterThan(item.ranges![i - 1]![1] + 1);
          });
        }
      }
    }));
  });

  it('scalars stay exact after many 0.001 adds', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 3000 }), (n) => {
      const step = Resources.parse('cpus:0.001');
      let sum = Resources.empty();
      for (let i = 0; i < n; i++) sum = sum.add(step);
      expect(sum.items()[0]!.scalar).toBe(n);
      expect(sum.scalar('cpus')).toBe(n / 1000);
      let back = sum;
      for (let i = 0; i < n; i++) back = back.subtract(step);
      expect(back.isEmpty()).toBe(true);
    }), { numRuns: 30 });
  });

  it('parse(toString()) round-trips', () => {
    fc.assert(fc.property(resources, (a) => {
      fc.pre(!a.isEmpty());
      expect(Resources.parse(a.toString()).equals(a)).toBe(true);
    }));
  });

  it('fromV1(toV1()) round-trips, also through JSON text', () => {
    fc.assert(fc.property(resources, (a) => {
      expect(Resources.fromV1(a.toV1()).equals(a)).toBe(true);
      expect(Resources.parse(JSON.stringify(a.toV1())).equals(a)).toBe(true);
    }));
  });

  it('allocate then unallocate gives back the unallocated value', () => {
    fc.assert(fc.property(resources, (a) => {
      const plain = a.unallocate();
      expect(plain.allocate('ads').unallocate().equals(plain)).toBe(true);
      expect(plain.allocate('ads').items().every((r) => r.allocationRole === 'ads')).toBe(true);
      expect(a.scalar('cpus')).toBe(plain.scalar('cpus'));
    }));
  });

  it('reserved + unreserved partitions the value', () => {
    fc.assert(fc.property(resources, (a) => {
      expect(a.reserved().add(a.unreserved()).equals(a)).toBe(true);
    }));
  });
});
