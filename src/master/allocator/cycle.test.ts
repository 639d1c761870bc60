import { describe, expect, it } from 'vitest';
import { Resources } from '../../protocol/resources/index.js';
import { runCycle, usableBy } from './cycle.js';
import { DrfSorter, type SorterContext } from './drf-sorter.js';
import { FilterTable } from './filters.js';
import { compileMinAllocatable } from './min-allocatable.js';
import { ResourceIndex, quantityVector } from './quantities.js';

const R = (s: string) => Resources.parse(s);

describe('runCycle', () => {
  it('decides offers without touching its inputs', () => {
    const index = new ResourceIndex();
    const agents = [
      { id: 's1', active: true, available: R('cpus:4;mem:1024') },
      { id: 's2', active: true, available: R('cpus:4;mem:1024') },
    ];
    const ctx: SorterContext = { totals: quantityVector(R('cpus:8;mem:2048'), index), weights: new Map(), version: 0 };
    const roleSorter = new DrfSorter(ctx, true);
    roleSorter.add('*');
    const fwSorter = new DrfSorter(ctx, false);
    fwSorter.add('f1');
    fwSorter.add('f2');
    const frameworks = new Map(['f1', 'f2'].map((id) => [id, { active: true, roles: new Set(['*']), suppressed: new Set<string>() }]));
    const input = { agents, frameworks, roleSorter, frameworkSorters: new Map([['*', fwSorter]]), filters: new FilterTable(),
      now: 0, minAllocatable: compileMinAllocatable(), index };

    const result = runCycle(input);
    expect(result.offers.map((o) => `${o.frameworkId}@${o.agentId}`)).toEqual(['f1@s1', 'f2@s2']);
    expect([...result.remaining.values()].every((r) => r.isEmpty())).toBe(true);
    expect(result.frameworkSorters.get('*')!.share('f1')).toBe(0.5);
    expect(result.roleSorter.share('*')).toBe(1);
    // Inputs unchanged: the same cycle again decides the same thing.
    expect(fwSorter.share('f1')).toBe(0);
    expect(roleSorter.share('*')).toBe(0);
    expect(agents[0]!.available.toString()).toBe('cpus(*):4; mem(*):1024');
    expect(runCycle(input).offers).toHaveLength(2);
  });

  it('usableBy keeps unreserved and own or parent reservations', () => {
    const all = R('cpus:1;cpus(eng):2;cpus(eng/web):3;cpus(ops):4');
    expect(usableBy(all, 'eng/web').scalar('cpus')).toBe(6);
    expect(usableBy(all, 'eng').scalar('cpus')).toBe(3);
    expect(usableBy(all, '*').scalar('cpus')).toBe(1);
    const plain = R('cpus:1');
    expect(usableBy(plain, 'x')).toBe(plain);
  });
});
