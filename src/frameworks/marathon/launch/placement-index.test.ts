import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkConstraints, type PlacementView } from '../constraints.js';
import { PlacementIndex } from './placement-index.js';

const host = fc.constantFrom('a1', 'a2', 'a3');
const rack = fc.option(fc.constantFrom('r1', 'r2'), { nil: undefined });
const zone = fc.option(fc.constantFrom('z1', 'z2', 'z3'), { nil: undefined });
const view: fc.Arbitrary<PlacementView> = fc.record({ hostname: host, rack, zone }).map(({ hostname, rack, zone }) => ({
  hostname,
  attributes: { ...(rack ? { rack } : {}), ...(zone ? { zone } : {}) },
}));
const field = fc.constantFrom('hostname', '@hostname', 'rack', 'zone');
const constraint: fc.Arbitrary<string[]> = fc.oneof(
  field.map((f) => [f, 'UNIQUE']),
  fc.tuple(field, fc.constantFrom('1', '2', '3')).map(([f, n]) => [f, 'MAX_PER', n]),
  fc.tuple(field, fc.constantFrom('a1', 'r1', 'z.*', 'a[12]')).map(([f, v]) => [f, 'LIKE', v]),
  fc.tuple(field, fc.constantFrom('a1', 'r2', 'z3')).map(([f, v]) => [f, 'UNLIKE', v]),
  fc.tuple(field, fc.constantFrom('a2', 'r1', 'z2')).map(([f, v]) => [f, 'IS', v]),
  fc.tuple(field, fc.constantFrom('a1', 'r1', 'z1')).map(([f, v]) => [f, 'CLUSTER', v]),
  field.map((f) => [f, 'cluster']),
  fc.tuple(field, fc.constantFrom(undefined, '2', '3')).map(([f, n]) => (n === undefined ? [f, 'GROUP_BY'] : [f, 'GROUP_BY', n])),
);

describe('PlacementIndex', () => {
  it('checkConstraints answers the same (reason text included) from relevant(offer) as from every placement', () => {
    fc.assert(
      fc.property(fc.array(constraint, { maxLength: 3 }), fc.array(view, { maxLength: 30 }), view, (constraints, placed, offer) => {
        const index = new PlacementIndex(constraints);
        for (const p of placed) index.add(p);
        expect(index.size).toBe(placed.length);
        expect(checkConstraints(constraints, offer, index.relevant(offer), 0)).toEqual(checkConstraints(constraints, offer, placed, 0));
      }),
      { numRuns: 3000 },
    );
  });

  it('hands UNIQUE/MAX_PER apps only the instances sharing a value with the offer', () => {
    const index = new PlacementIndex([['hostname', 'MAX_PER', '100'], ['rack', 'UNIQUE'], ['zone', 'LIKE', 'z.*']]);
    const at = (hostname: string, rack: string) => ({ hostname, attributes: { rack, zone: 'z1' } });
    for (let i = 0; i < 1000; i++) index.add(at(`h${i % 100}`, `r${i % 7}`));
    const a = at('h3', 'rX');
    expect(index.relevant(a)).toHaveLength(10);
    expect(index.relevant(at('h3', 'r3')).length).toBe(new Set([...index.relevant(a), ...index.relevant(at('new', 'r3'))]).size);
    expect(index.relevant(at('new', 'rX'))).toEqual([]);
  });

  it('hands GROUP_BY and value-less CLUSTER apps every placement', () => {
    for (const c of [['rack', 'GROUP_BY'], ['hostname', 'CLUSTER']]) {
      const index = new PlacementIndex([['hostname', 'UNIQUE'], c]);
      for (const h of ['a1', 'a2', 'a3']) index.add({ hostname: h, attributes: { rack: 'r1' } });
      expect(index.relevant({ hostname: 'a9', attributes: {} })).toHaveLength(3);
    }
  });
});
