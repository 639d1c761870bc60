import { describe, expect, it } from 'vitest';
import { Resources } from '../../protocol/resources/index.js';
import { HierarchicalAllocator, type AllocatorOffer } from './index.js';

const R = (s: string) => Resources.parse(s);
const clock = () => {
  const c = { t: 0, now: () => c.t };
  return c;
};
const summary = (offers: AllocatorOffer[]) => offers.map((o) => `${o.frameworkId}@${o.agentId}:${o.resources.unallocate().toString()}`);

describe('HierarchicalAllocator', () => {
  it("upstream's offer example: the unused part of framework 1's offer goes to framework 2", () => {
    const c = clock();
    const a = new HierarchicalAllocator({ now: c.now });
    a.addAgent('s1', R('cpus:4;mem:4096'));
    a.addFramework('f1', { roles: ['*'] });
    const first = a.allocate();
    expect(summary(first)).toEqual(['f1@s1:cpus(*):4; mem(*):4096']);
    expect(first[0]!.resources.items().every((r) => r.allocationRole === '*')).toBe(true);

    a.addFramework('f2', { roles: ['*'] });
    expect(a.allocate()).toEqual([]); // everything is still offered to f1
    // f1 launches <2 CPU, 1 GB> and <1 CPU, 2 GB>; the rest comes back with the default 5 s filter.
    a.recoverResources('f1', 's1', R('cpus:1;mem:1024').allocate('*'), 5);
    const second = a.allocate();
    expect(summary(second)).toEqual(['f2@s1:cpus(*):1; mem(*):1024']);
    expect(a.available('s1').isEmpty()).toBe(true);
  });

  /** Textbook DRF: repeatedly give one task to the lowest dominant share (ties by id) whose task fits. */
  const progressiveFilling = (total: number[], demand: Record<string, number[]>): Record<string, number> => {
    const used = total.map(() => 0);
    const count: Record<string, number> = Object.fromEntries(Object.keys(demand).map((id) => [id, 0]));
    const share = (id: string) => Math.max(...total.map((t, i) => (count[id]! * demand[id]![i]!) / t));
    for (;;) {
      const fits = Object.keys(demand).filter((id) => demand[id]!.every((d, i) => used[i]! + d <= total[i]!));
      if (fits.length === 0) return count;
      const next = fits.sort((x, y) => share(x) - share(y) || (x < y ? -1 : 1))[0]!;
      count[next]!++;
      demand[next]!.forEach((d, i) => (used[i]! += d));
    }
  };

  /** Offers the one agent cycle by cycle; the receiver launches one task or declines for an hour. */
  const fill = (agent: string, tasks: Record<string, string>): Record<string, number> => {
    const a = new HierarchicalAllocator({ now: () => 0 });
    a.addAgent('s1', R(agent));
    const launched: Record<string, number> = {};
    for (const id of Object.keys(tasks)) {
      a.addFramework(id, { roles: ['*'] });
      launched[id] = 0;
    }
    for (let cycle = 0; cycle < 1000; cycle++) {
      const [offer, ...more] = a.allocate();
      if (offer === undefined) break;
      expect(more).toEqual([]);
      const task = R(tasks[offer.frameworkId]!).allocate('*');
      if (offer.resources.contains(task)) {
        launched[offer.frameworkId]!++;
        a.recoverResources(offer.frameworkId, 's1', offer.resources.subtract(task), 0);
      } else {
        a.recoverResources(offer.frameworkId, 's1', offer.resources, 3600);
      }
    }
    return launched;
  };

  it('reproduces the DRF paper example: 9 CPUs/18 GB, <1 CPU,4 GB> vs <3 CPUs,1 GB> → 3 and 2 tasks', () => {
    expect(fill('cpus:9;mem:18432', { a: 'cpus:1;mem:4096', b: 'cpus:3;mem:1024' })).toEqual({ a: 3, b: 2 });
  });

  it('equalises dominant shares between cpu-heavy, mem-heavy and balanced frameworks (DRF)', () => {
    const shapes = { cpu: 'cpus:3;mem:1024', mem: 'cpus:1;mem:4096', mix: 'cpus:2;mem:2048' };
    const launched = fill('cpus:60;mem:61440', shapes);
    // Dominant share per task: cpu 3/60, mem 4096/61440, mix 2/60 → equal shares need 4:3:6 tasks.
    const dominant = { cpu: launched.cpu! * 3 / 60, mem: launched.mem! * 4096 / 61440, mix: launched.mix! * 2 / 60 };
    const values = Object.values(dominant);
    expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(4096 / 61440);
    // Memory runs out at an equal share of 61440 / 143360 ≈ 0.43, so everyone ends within one task of it.
    expect(Math.min(...values)).toBeGreaterThan(0.43 - 4096 / 61440);
    expect(launched).toEqual(progressiveFilling([60, 61440], { cpu: [3, 1024], mem: [1, 4096], mix: [2, 2048] }));
    expect(launched.mix).toBeGreaterThan(launched.cpu!);
    expect(launched.cpu).toBeGreaterThan(launched.mem!);
  });

  it('offers to the framework with the lowest dominant share, not the lowest cpu or mem share', () => {
    const a = new HierarchicalAllocator({ now: () => 0 });
    a.addAgent('s1', R('cpus:10;mem:10240'), [
      { frameworkId: 'cpuHeavy', resources: R('cpus:4;mem:512') }, // dominant 0.4
      { frameworkId: 'memHeavy', resources: R('cpus:0.5;mem:3072') }, // dominant 0.3
    ]);
    a.addAgent('s2', R('cpus:10;mem:10240'));
    a.addFramework('cpuHeavy', { roles: ['*'] });
    a.addFramework('memHeavy', { roles: ['*'] });
    expect(a.allocate().map((o) => `${o.frameworkId}@${o.agentId}`)).toEqual(['memHeavy@s1', 'cpuHeavy@s2']);
  });

  it('gives a role of weight 2 about twice as much', () => {
    const a = new HierarchicalAllocator({ weights: { heavy: 2 }, now: () => 0 });
    for (let i = 0; i < 30; i++) a.addAgent(`s${i}`, R('cpus:1;mem:1024'));
    a.addFramework('h', { roles: ['heavy'] });
    a.addFramework('l', { roles: ['light'] });
    const offers = a.allocate();
    const count = (role: string) => offers.filter((o) => o.role === role).length;
    expect(count('heavy')).toBe(20);
    expect(count('light')).toBe(10);
    const roles = new Map(a.shares().roles.map((r) => [r.role, r]));
    expect(roles.get('heavy')).toMatchObject({ weight: 2, share: 20 / 30 / 2 });
    expect(roles.get('light')!.allocated.scalar('cpus')).toBe(10);
  });

  it('setWeights re-orders roles and rejects non-positive weights', () => {
    const a = new HierarchicalAllocator({ now: () => 0 });
    for (let i = 0; i < 40; i++) a.addAgent(`s${i}`, R('cpus:1;mem:1024'));
    a.addFramework('x', { roles: ['x'] });
    a.addFramework('y', { roles: ['y'] });
    a.setWeights({ y: 3 });
    const offers = a.allocate();
    expect(offers.filter((o) => o.role === 'y')).toHaveLength(30);
    expect(() => a.setWeights({ x: 0 })).toThrow(/positive/);
  });

  it('shares a parent role between its subroles (hierarchical roles)', () => {
    const a = new HierarchicalAllocator({ now: () => 0 });
    for (let i = 0; i < 40; i++) a.addAgent(`s${i}`, R('cpus:1;mem:1024'));
    for (const role of ['eng/web', 'eng/db', 'ops']) a.addFramework(`f-${role}`, { roles: [role] });
    const offers = a.allocate();
    const count = (role: string) => offers.filter((o) => o.role === role).length;
    expect(count('ops')).toBe(20);
    expect(count('eng/web') + count('eng/db')).toBe(20);
    expect(count('eng/web')).toBe(10);
  });
});
