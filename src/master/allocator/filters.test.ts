import { describe, expect, it } from 'vitest';
import { Resources } from '../../protocol/resources/index.js';
import { FilterTable, isFiltered, refuseMillis } from './filters.js';

const R = (s: string) => Resources.parse(s);

describe('refuseMillis', () => {
  it.each([
    [undefined, 0], [0, 0], [2.5, 2500], [-1, 5000], [Number.NaN, 5000],
    [1e12, 31_536_000_000], [Number.POSITIVE_INFINITY, 31_536_000_000],
  ])('refuse_seconds %s → %s ms', (input, ms) => {
    expect(refuseMillis(input)).toBe(ms);
  });
});

describe('FilterTable', () => {
  it('filters only the same role, while live, and while the offer is contained', () => {
    const t = new FilterTable();
    t.install('s1', 'f1', 'a', R('cpus:2;mem:100'), 1000);
    const list = t.forAgent('s1')!.get('f1');
    expect(isFiltered(list, 'a', R('cpus:2;mem:100'), 999)).toBe(true);
    expect(isFiltered(list, 'a', R('cpus:1'), 999)).toBe(true);
    expect(isFiltered(list, 'a', R('cpus:3;mem:100'), 999)).toBe(false);
    expect(isFiltered(list, 'b', R('cpus:1'), 999)).toBe(false);
    expect(isFiltered(list, 'a', R('cpus:1'), 1000)).toBe(false);
    expect(t.forAgent('s2')).toBeUndefined();
  });

  it('extends an identical filter instead of piling up copies', () => {
    const t = new FilterTable();
    t.install('s1', 'f1', 'a', R('cpus:1'), 1000);
    t.install('s1', 'f1', 'a', R('cpus:1'), 5000);
    t.install('s1', 'f1', 'a', R('cpus:1'), 2000);
    expect(t.size()).toBe(1);
    expect(t.forAgent('s1')!.get('f1')![0]!.expiresAt).toBe(5000);
  });

  it('clears by framework and role, by agent, and sweeps expired filters', () => {
    const t = new FilterTable();
    t.install('s1', 'f1', 'a', R('cpus:1'), 100);
    t.install('s1', 'f1', 'b', R('cpus:1'), 100);
    t.install('s2', 'f1', 'a', R('cpus:1'), 300);
    t.install('s2', 'f2', 'a', R('cpus:1'), 200);
    t.clear('f1', new Set(['a']));
    expect(t.size()).toBe(2);
    t.removeAgent('s1');
    expect(t.size()).toBe(1);
    t.expire(199);
    expect(t.size()).toBe(1);
    t.expire(200);
    expect(t.size()).toBe(0);
    expect(t.forAgent('s2')).toBeUndefined();
  });
});
