import { describe, expect, it } from 'vitest';
import { res } from './events.test-helpers.js';
import { dominantShare, formatAmount, formatScalars, resourceNames, scalarsOf } from './resources.js';

describe('resources', () => {
  it('sums v1 resources by name: scalars, ranges as port counts, sets as item counts', () => {
    const r = [...res('cpus:1;mem:256;ports:[31000-31009]'), { name: 'cpus', scalar: { value: 0.5 } }, { name: 'disks', set: { item: ['a', 'b'] } }];
    expect(scalarsOf(r)).toEqual({ cpus: 1.5, mem: 256, ports: 10, disks: 2 });
    expect(scalarsOf(undefined)).toEqual({});
  });

  it('formats mem and disk as sizes, orders names familiarly, leaves ports out of the summary', () => {
    expect(formatAmount('mem', 1536)).toBe('1.5G');
    expect(formatAmount('cpus', 0.25)).toBe('0.25');
    expect(formatAmount('mem', 0)).toBe('0');
    expect(resourceNames({ zeta: 1, mem: 1, cpus: 1, alpha: 1 })).toEqual(['cpus', 'mem', 'alpha', 'zeta']);
    expect(formatScalars({ mem: 512, ports: 3, cpus: 2 })).toBe('cpus 2 mem 512M');
  });

  it('dominant share is the largest used/total fraction among cpus, mem, disk and gpus', () => {
    expect(dominantShare({ cpus: 1, mem: 3000 }, { cpus: 10, mem: 4000 })).toEqual({ share: 0.75, resource: 'mem' });
    expect(dominantShare({ ports: 100 }, { ports: 100 })).toEqual({ share: 0, resource: undefined });
    expect(dominantShare({ cpus: 1 }, {})).toEqual({ share: 0, resource: undefined });
  });
});
