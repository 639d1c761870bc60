import { describe, expect, it } from 'vitest';
import { Resources, ResourceError } from './index.js';

const p = (s: string, role?: string) => Resources.parse(s, role);

describe('Resources.parse (agent --resources syntax)', () => {
  it('parses scalars, ranges, sets and reserved roles', () => {
    const r = p('cpus:4;mem:4096;disk:10000;ports:[31000-32000, 33000-33010];cpus(ads):8;zones:{a,b}');
    expect(r.scalar('cpus')).toBe(12);
    expect(r.reserved('ads').scalar('cpus')).toBe(8);
    expect(r.unreserved().scalar('cpus')).toBe(4);
    expect(r.ranges('ports')).toEqual([[31000, 32000], [33000, 33010]]);
    expect(r.items().find((i) => i.name === 'zones')?.set).toEqual(['a', 'b']);
    expect(r.items().find((i) => i.name === 'mem')?.scalar).toBe(4096000);
  });

  it('applies the default role and merges repeated tokens', () => {
    const r = p('cpus:1; cpus:2.5;', 'ads');
    expect(r.items()).toHaveLength(1);
    expect(r.items()[0]).toMatchObject({ name: 'cpus', role: 'ads', scalar: 3500 });
  });

  it('rounds to 3 decimals like convertToFixed', () => {
    expect(p('cpus:0.0015').items()[0]!.scalar).toBe(2);
    expect(p('cpus:0.1').scalar('cpus')).toBe(0.1);
  });

  it.each([
    ['cpus', /'cpus'.*name:value/],
    ['cpus:abc', /'cpus:abc'.*not a number/],
    ['cpus:-1', /'cpus:-1'/],
    ['ports:[5-1]', /'ports:\[5-1\]'.*greater/],
    ['ports:[1-2', /must end with/],
    ['ports:[a-b]', /begin-end/],
    ['zones:{a,,b}', /empty item/],
    ['cpus(-bad):1', /starting with '-'/],
    ['cpus():1', /empty/],
    [':4', /missing resource name/],
    ['cpus:1;cpus:{a}', /both SCALAR and SET/],
  ])('rejects %s', (text, message) => {
    expect(() => p(text)).toThrow(ResourceError);
    expect(() => p(text)).toThrow(message);
  });

  it('accepts the v1 JSON array form', () => {
    const r = p('[{"name":"cpus","type":"SCALAR","scalar":{"value":2}},{"name":"ports","type":"RANGES","ranges":{"range":[{"begin":1,"end":2}]}}]', 'ads');
    expect(r.toString()).toBe('cpus(ads):2; ports(ads):[1-2]');
    expect(() => p('[{"name":')).toThrow(/not valid/);
  });
});

describe('Resources.fromV1', () => {
  it('reads roles from reservations (last wins) and allocation_info', () => {
    const r = Resources.fromV1([
      { name: 'cpus', type: 'SCALAR', scalar: { value: 1.25 }, reservations: [{ type: 'STATIC', role: 'a' }, { type: 'DYNAMIC', role: 'a/b' }], allocation_info: { role: 'a/b' } },
      { name: 'mem', type: 'SCALAR', scalar: { value: 64 }, role: null, allocation_info: null, ranges: null },
    ]);
    expect(r.items()[0]).toMatchObject({ role: 'a/b', allocationRole: 'a/b', scalar: 1250 });
    expect(r.items()[1]).toMatchObject({ role: '*', scalar: 64000 });
    expect(r.items()[1]!.allocationRole).toBeUndefined();
  });

  it.each([
    [{}, /array/],
    [[{ name: 'cpus', type: 'SCALAR', scalar: { value: -1 } }], /negative/],
    [[{ name: 'cpus', type: 'SCALAR', scalar: { value: '1' } }], /finite number/],
    [[{ name: 'cpus', type: 'SCALAR' }], /needs a 'scalar'/],
    [[{ name: 'cpus', type: 'SCALAR', scalar: { value: 1 }, set: { item: [] } }], /must not carry 'set'/],
    [[{ name: 'cpus', type: 'TEXT', scalar: { value: 1 } }], /unknown type/],
    [[{ name: 'p', type: 'RANGES', ranges: { range: [{ begin: 5, end: 1 }] } }], /greater/],
    [[{ name: 'p', type: 'RANGES', ranges: { range: [{ begin: 'x', end: 1 }] } }], /integers/],
    [[{ name: 's', type: 'SET', set: { item: [1] } }], /strings/],
    [[{ name: '', type: 'SCALAR', scalar: { value: 1 } }], /name/],
    [[{ name: 'cpus', type: 'SCALAR', scalar: { value: 1 }, reservations: [{ type: 'WEIRD', role: 'a' }] }], /reservation type/],
    [[{ name: 'cpus', type: 'SCALAR', scalar: { value: 1 }, role: '..' }], /'\.'/],
  ])('rejects %j', (json, message) => {
    expect(() => Resources.fromV1(json)).toThrow(ResourceError);
    expect(() => Resources.fromV1(json)).toThrow(message);
  });

  it('accepts uint64 range bounds written as strings (proto3 JSON)', () => {
    const r = Resources.fromV1([{ name: 'ports', type: 'RANGES', ranges: { range: [{ begin: '31000', end: '31005' }] } }]);
    expect(r.ranges('ports')).toEqual([[31000, 31005]]);
  });
});

describe('renderings', () => {
  it('toV1 writes roles, reservations, allocation_info and 3-decimal floats', () => {
    const r = p('cpus:0.1;cpus(ads):2;ports:[1-2]').allocate('ads');
    expect(r.toV1()).toEqual([
      { name: 'cpus', type: 'SCALAR', scalar: { value: 0.1 }, role: '*', allocation_info: { role: 'ads' } },
      { name: 'cpus', type: 'SCALAR', scalar: { value: 2 }, role: 'ads', allocation_info: { role: 'ads' }, reservations: [{ type: 'STATIC', role: 'ads' }] },
      { name: 'ports', type: 'RANGES', ranges: { range: [{ begin: 1, end: 2 }] }, role: '*', allocation_info: { role: 'ads' } },
    ]);
  });

  it('toLegacy matches the /state flat object exactly', () => {
    expect(JSON.stringify(p('cpus:2;mem:1024;disk:1024;ports:[31000-32000]').toLegacy()))
      .toBe('{"cpus":2,"gpus":0,"mem":1024,"disk":1024,"ports":"[31000-32000]"}');
    expect(JSON.stringify(p('cpus:0.5;cpus(ads):1.25;ports:[1-2,4-5];ports(ads):[3-3];zones:{b,a}').toLegacy()))
      .toBe('{"cpus":1.75,"gpus":0,"mem":0,"disk":0,"ports":"[1-5]","zones":"{a, b}"}');
    expect(Resources.empty().toLegacy()).toEqual({ cpus: 0, gpus: 0, mem: 0, disk: 0 });
  });

  it('toString follows the upstream operator<< layout', () => {
    expect(p('cpus:4;mem:4096;ports:[31000-32000]').toString()).toBe('cpus(*):4; mem(*):4096; ports(*):[31000-32000]');
    expect(p('cpus(ads):1.5').allocate('ads').toString()).toBe('cpus(ads)(allocated: ads):1.5');
    expect(Resources.empty().toString()).toBe('{}');
  });
});

describe('arithmetic', () => {
  it('keeps allocation roles apart and strips them on unallocate', () => {
    const a = p('cpus:1').allocate('x').add(p('cpus:2').allocate('y'));
    expect(a.items()).toHaveLength(2);
    expect(a.unallocate().items()).toEqual([expect.objectContaining({ name: 'cpus', scalar: 3000 })]);
    expect(a.scalar('cpus')).toBe(3);
  });

  it('throws when subtracting what is not there', () => {
    expect(() => p('cpus:1').subtract(p('cpus:2'))).toThrow(ResourceError);
    expect(() => p('cpus:1').subtract(p('mem:1'))).toThrow(/cannot subtract mem/);
    expect(() => p('ports:[1-5]').subtract(p('ports:[5-6]'))).toThrow(ResourceError);
    expect(() => p('cpus:1').subtract(p('cpus(ads):1'))).toThrow(ResourceError);
  });

  it('subtracts to empty and drops empty entries', () => {
    const r = p('cpus:1;mem:10').subtract(p('cpus:1'));
    expect(r.toString()).toBe('mem(*):10');
    expect(p('cpus:1').subtract(p('cpus:1')).isEmpty()).toBe(true);
    expect(Resources.of([{ name: 'cpus', type: 'SCALAR', role: '*', scalar: 0 }]).isEmpty()).toBe(true);
  });

  it('of() validates milli-units and merges', () => {
    expect(() => Resources.of([{ name: 'cpus', type: 'SCALAR', role: '*', scalar: 1.5 }])).toThrow(/milli-units/);
    const r = Resources.of([
      { name: 'ports', type: 'RANGES', role: '*', ranges: [[5, 6]] },
      { name: 'ports', type: 'RANGES', role: '*', ranges: [[1, 4]] },
    ]);
    expect(r.ranges('ports')).toEqual([[1, 6]]);
  });

  it('equals ignores entry order; filters and quantities', () => {
    expect(p('cpus:1;mem:2').equals(p('mem:2;cpus:1'))).toBe(true);
    expect(p('cpus:1;mem:2').equals(p('mem:2;cpus:1.001'))).toBe(false);
    expect(p('cpus:1;cpus(a):2;mem:3').toQuantities()).toEqual(new Map([['cpus', 3], ['mem', 3]]));
    expect(p('cpus:1;cpus(a):2').reserved().toString()).toBe('cpus(a):2');
    expect(p('cpus:1;mem:2').filter((r) => r.name === 'mem').toString()).toBe('mem(*):2');
  });
});
