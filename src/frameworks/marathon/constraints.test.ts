import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attributesOf, checkConstraints, constraintErrors, formatScalar, type PlacementView, selectKills } from './constraints.js';

const at = (hostname: string, attributes: Record<string, string> = {}): PlacementView => ({ hostname, attributes });

describe('attribute formatting', () => {
  it('formats scalars as 0.### with half-even rounding on the exact value', () => {
    expect(formatScalar(0.8)).toBe('0.8');
    expect(formatScalar(0.8)).toBe(formatScalar(0.8)); // 0.80 is the same number
    expect(formatScalar(2)).toBe('2');
    expect(formatScalar(1.23456)).toBe('1.235');
    expect(formatScalar(0.0625)).toBe('0.062'); // exact tie → even
    expect(formatScalar(0.0635)).toBe('0.064'); // 0.0635 is slightly above the tie in binary
    expect(formatScalar(-1.5)).toBe('-1.5');
    expect(formatScalar(1234567.0001)).toBe('1234567');
  });

  it('turns v1 attributes into Marathon strings', () => {
    expect(
      attributesOf([
        { name: 'rack', type: 'TEXT', text: { value: 'r1' } },
        { name: 'mem', type: 'SCALAR', scalar: { value: 2.5 } },
        { name: 'p', type: 'RANGES', ranges: { range: [{ begin: 1, end: 2 }, { begin: 5, end: 9 }] } },
        { name: 's', type: 'SET', set: { item: ['a', 'b'] } },
        { bogus: true },
      ]),
    ).toEqual({ rack: 'r1', mem: '2.5', p: '[1-2,5-9]', s: '{a,b}' });
  });
});

describe('constraint validation', () => {
  it('accepts the valid forms', () => {
    for (const c of [['hostname', 'UNIQUE'], ['rack', 'CLUSTER', 'r1'], ['rack', 'CLUSTER'], ['rack', 'GROUP_BY'], ['rack', 'GROUP_BY', '3'], ['a', 'LIKE', 'x.*'], ['a', 'UNLIKE', '^a$'], ['a', 'MAX_PER', '2'], ['a', 'IS', '0.8'], ['a', 'is', 'x']]) {
      expect(constraintErrors(c), c.join(',')).toEqual([]);
    }
  });
});

describe('checkConstraints (upstream semantics)', () => {
  it('UNIQUE hostname: one per host', () => {
    const c = [['hostname', 'UNIQUE']];
    expect(checkConstraints(c, at('a1'), [], 3)).toBeUndefined();
    expect(checkConstraints(c, at('a1'), [at('a1')], 3)).toBe('UNIQUE hostname: already an instance on a1');
    expect(checkConstraints(c, at('a2'), [at('a1')], 3)).toBeUndefined();
  });

  it('@hostname is the hostname too', () => {
    expect(checkConstraints([['@hostname', 'LIKE', 'a[0-9]']], at('a7'), [], 1)).toBeUndefined();
    expect(checkConstraints([['@hostname', 'LIKE', 'a']], at('a7'), [], 1)).toMatch(/does not match/);
  });

  it('LIKE and UNLIKE match the whole value', () => {
    const v = at('h', { rack: 'rack-12' });
    expect(checkConstraints([['rack', 'LIKE', 'rack-1']], v, [], 1)).toBeDefined();
    expect(checkConstraints([['rack', 'LIKE', 'rack-1.*']], v, [], 1)).toBeUndefined();
    expect(checkConstraints([['rack', 'UNLIKE', 'rack-1.*']], v, [], 1)).toBeDefined();
    expect(checkConstraints([['rack', 'UNLIKE', 'rack-2']], v, [], 1)).toBeUndefined();
  });

  it('a missing attribute only satisfies UNLIKE', () => {
    const v = at('h');
    expect(checkConstraints([['rack', 'UNLIKE', 'x']], v, [], 1)).toBeUndefined();
    for (const c of [['rack', 'LIKE', '.*'], ['rack', 'UNIQUE'], ['rack', 'CLUSTER', 'r'], ['rack', 'GROUP_BY'], ['rack', 'MAX_PER', '5'], ['rack', 'IS', 'r']]) {
      expect(checkConstraints([c], v, [], 1), c.join(',')).toMatch(/has no attribute 'rack'/);
    }
  });

  it('CLUSTER with and without a value', () => {
    expect(checkConstraints([['rack', 'CLUSTER', 'r1']], at('h', { rack: 'r2' }), [], 1)).toBeDefined();
    expect(checkConstraints([['rack', 'CLUSTER']], at('h', { rack: 'r2' }), [], 2)).toBeUndefined();
    expect(checkConstraints([['rack', 'CLUSTER']], at('h', { rack: 'r2' }), [at('x', { rack: 'r1' })], 2)).toMatch(/clustered on r1/);
    expect(checkConstraints([['rack', 'CLUSTER']], at('h', { rack: 'r1' }), [at('x', { rack: 'r1' })], 2)).toBeUndefined();
  });

  it('MAX_PER counts instances per value', () => {
    const placed = [at('a', { rack: 'r1' }), at('b', { rack: 'r1' })];
    expect(checkConstraints([['rack', 'MAX_PER', '2']], at('c', { rack: 'r1' }), placed, 5)).toBeDefined();
    expect(checkConstraints([['rack', 'MAX_PER', '3']], at('c', { rack: 'r1' }), placed, 5)).toBeUndefined();
  });

  it('IS compares scalars after 0.### formatting', () => {
    const v = at('h', { mem: formatScalar(0.8) });
    expect(checkConstraints([['mem', 'IS', '0.80']], v, [], 1)).toBeUndefined();
    expect(checkConstraints([['mem', 'IS', '0.9']], v, [], 1)).toBeDefined();
    expect(checkConstraints([['os', 'IS', 'linux']], at('h', { os: 'linux' }), [], 1)).toBeUndefined();
  });

  it('GROUP_BY: a new value is always welcome, an existing group only when it is the smallest and enough groups exist', () => {
    const c = [['rack', 'GROUP_BY', '2']];
    const placed = [at('a', { rack: 'r1' })];
    expect(checkConstraints(c, at('b', { rack: 'r1' }), placed, 4)).toBeDefined(); // only 1 group < 2
    expect(checkConstraints(c, at('b', { rack: 'r2' }), placed, 4)).toBeUndefined();
    const two = [...placed, at('b', { rack: 'r2' })];
    expect(checkConstraints(c, at('c', { rack: 'r1' }), two, 4)).toBeUndefined();
    const three = [...two, at('c', { rack: 'r1' })];
    expect(checkConstraints(c, at('d', { rack: 'r1' }), three, 4)).toBeDefined();
    expect(checkConstraints(c, at('d', { rack: 'r2' }), three, 4)).toBeUndefined();
  });

  it('property: placing greedily under GROUP_BY over k racks keeps group sizes within 1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 30 }), fc.array(fc.nat(), { minLength: 60, maxLength: 60 }), (k, n, picks) => {
        const c = [['rack', 'GROUP_BY', String(k)]];
        const placed: PlacementView[] = [];
        let i = 0;
        while (placed.length < n && i < picks.length) {
          const offer = at(`h${i}`, { rack: `r${picks[i] % k}` });
          if (checkConstraints(c, offer, placed, n) === undefined) placed.push(offer);
          i++;
        }
        const sizes = new Map<string, number>();
        for (const p of placed) sizes.set(p.attributes.rack, (sizes.get(p.attributes.rack) ?? 0) + 1);
        if (sizes.size === k) expect(Math.max(...sizes.values()) - Math.min(...sizes.values())).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('property: UNIQUE hostname never places two instances on one host', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 40 }), (hosts) => {
        const placed: PlacementView[] = [];
        for (const h of hosts) if (checkConstraints([['hostname', 'UNIQUE']], at(`a${h}`), placed, 100) === undefined) placed.push(at(`a${h}`));
        expect(new Set(placed.map((p) => p.hostname)).size).toBe(placed.length);
      }),
    );
  });
});

describe('selectKills', () => {
  const task = (id: string, rack: string, startedAt: number) => ({ id, placement: at(id, { rack }), startedAt });

  it('kills the youngest first by default, the oldest with OLDEST_FIRST', () => {
    const tasks = [task('a', 'r', 1), task('b', 'r', 3), task('c', 'r', 2)];
    expect(selectKills(tasks, 2, { constraints: [], killSelection: 'YOUNGEST_FIRST' }).map((t) => t.id)).toEqual(['b', 'c']);
    expect(selectKills(tasks, 2, { constraints: [], killSelection: 'OLDEST_FIRST' }).map((t) => t.id)).toEqual(['a', 'c']);
  });

  it('keeps a GROUP_BY spread even', () => {
    const tasks = [task('a', 'r1', 1), task('b', 'r1', 2), task('c', 'r1', 3), task('d', 'r2', 4)];
    const kills = selectKills(tasks, 2, { constraints: [['rack', 'GROUP_BY']], killSelection: 'YOUNGEST_FIRST' });
    expect(kills.map((t) => t.id)).toEqual(['c', 'b']);
  });

  it('returns everything when asked for at least all', () => {
    expect(selectKills([task('a', 'r', 1)], 5, { constraints: [], killSelection: 'YOUNGEST_FIRST' })).toHaveLength(1);
  });

  it('property: never more than asked, never duplicates', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.nat()), { maxLength: 20 }), fc.nat({ max: 25 }), (spec, count) => {
        const tasks = spec.map(([r, s], i) => task(`t${i}`, `r${r}`, s));
        const kills = selectKills(tasks, count, { constraints: [['rack', 'GROUP_BY']], killSelection: 'OLDEST_FIRST' });
        expect(kills.length).toBe(Math.min(count, tasks.length));
        expect(new Set(kills).size).toBe(kills.length);
      }),
    );
  });
});
