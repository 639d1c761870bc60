import { describe, expect, it } from 'vitest';
import { Resources, ResourceError } from '../../protocol/resources/index.js';
import { HierarchicalAllocator } from './index.js';

const R = (s: string) => Resources.parse(s);
const offerMap = (a: HierarchicalAllocator) => new Map(a.allocate().map((o) => [`${o.frameworkId}@${o.agentId}`, o.resources.unallocate().toString()]));

describe('HierarchicalAllocator rules', () => {
  it('filters a declined agent for that framework until refuse_seconds pass, others still get it', () => {
    const c = { t: 1_000_000 };
    const a = new HierarchicalAllocator({ now: () => c.t });
    a.addAgent('s1', R('cpus:4;mem:4096'));
    a.addFramework('f1', { roles: ['*'] });
    a.addFramework('f2', { roles: ['*'] });
    const [first] = a.allocate();
    expect(first!.frameworkId).toBe('f1');
    a.recoverResources('f1', 's1', first!.resources, 10);

    const [second] = a.allocate();
    expect(second!.frameworkId).toBe('f2');
    a.recoverResources('f2', 's1', second!.resources, 0);
    c.t += 9_999;
    expect([...offerMap(a).keys()]).toEqual(['f2@s1']);
    a.recoverResources('f2', 's1', a.shares().frameworks.find((f) => f.frameworkId === 'f2')!.allocated);
    c.t += 1;
    expect([...offerMap(a).keys()]).toEqual(['f1@s1']);
  });

  it('stops filtering once the agent has more to offer than was declined', () => {
    const a = new HierarchicalAllocator({ now: () => 0 });
    a.addFramework('f1', { roles: ['*'] });
    a.addFramework('busy', { roles: ['*'] });
    a.suppressOffers('busy');
    a.addAgent('s1', R('cpus:4;mem:4096'), [{ frameworkId: 'busy', resources: R('cpus:2;mem:2048').allocate('*') }]);
    const [offer] = a.allocate();
    expect(offer!.resources.unallocate().toString()).toBe('cpus(*):2; mem(*):2048');
    a.recoverResources('f1', 's1', offer!.resources, 3600);
    expect(a.allocate()).toEqual([]);
    a.recoverResources('busy', 's1', R('cpus:2;mem:2048').allocate('*'));
    expect(offerMap(a)).toEqual(new Map([['f1@s1', 'cpus(*):4; mem(*):4096']]));
  });

  it('treats refuse_seconds like upstream: negative means 5 s, 0 means none, capped at a year', () => {
    const c = { t: 0 };
    const a = new HierarchicalAllocator({ now: () => c.t });
    a.addAgent('s1', R('cpus:1;mem:64'));
    a.addFramework('f', { roles: ['*'] });
    const decline = (secs?: number) => a.recoverResources('f', 's1', a.allocate()[0]!.resources, secs);
    decline(-1);
    c.t += 4_999;
    expect(a.allocate()).toEqual([]);
    c.t += 1;
    decline(0);
    decline(undefined);
    decline(1e12);
    c.t += 31_536_000_000 - 1;
    expect(a.allocate()).toEqual([]);
    c.t += 1;
    expect(a.allocate()).toHaveLength(1);
  });

  it('suppress stops offers for the roles; revive lifts it and clears filters', () => {
    const a = new HierarchicalAllocator({ now: () => 0 });
    a.addAgent('s1', R('cpus:4;mem:4096'));
    a.addFramework('f1', { roles: ['a', 'b'] });
    a.suppressOffers('f1', ['a']);
    const [offer] = a.allocate();
    expect(offer!.role).toBe('b');
    a.recoverResources('f1', 's1', offer!.resources, 3600);
    expect(a.allocate()).toEqual([]);
    a.suppressOffers('f1');
    a.reviveOffers('f1', ['b']);
    expect(a.allocate().map((o) => o.role)).toEqual(['b']);
    a.recoverResources('f1', 's1', R('cpus:4;mem:4096').allocate('b'));
    a.reviveOffers('f1');
    const roles = a.allocate().map((o) => o.role);
    expect(roles).toHaveLength(1);
    expect(['a', 'b']).toContain(roles[0]);
  });

  it('offers reserved resources only to their role (and its subroles)', () => {
    const a = new HierarchicalAllocator({ now: () => 0 });
    a.addAgent('s1', R('cpus:2;mem:1024;cpus(ads):4;mem(ads):2048'));
    a.addFramework('star', { roles: ['*'] });
    a.addFramework('web', { roles: ['ads/web'] });
    expect(offerMap(a)).toEqual(new Map([
      ['star@s1', 'cpus(*):2; mem(*):1024'],
      ['web@s1', 'cpus(ads):4; mem(ads):2048'],
    ]));
    const b = new HierarchicalAllocator({ now: () => 0 });
    b.addAgent('s1', R('cpus:2;mem:1024;cpus(ads):4;mem(ads):2048;cpus(other):1'));
    b.addFramework('ads', { roles: ['ads'] });
    const [only] = b.allocate();
    expect(only!.resources.unallocate().equals(R('cpus:2;mem:1024;cpus(ads):4;mem(ads):2048'))).toBe(true);
    expect(b.available('s1').toString()).toBe('cpus(other):1');
  });

  it('does not offer less than the minimum allocatable resources', () => {
    const a = new HierarchicalAllocator({ now: () => 0 });
    a.addAgent('tiny', R('cpus:0.009;mem:31'));
    a.addAgent('cpu', R('cpus:0.01'));
    a.addAgent('mem', R('mem:32'));
    a.addFramework('f', { roles: ['*'] });
    expect([...offerMap(a).keys()].sort()).toEqual(['f@cpu', 'f@mem']);
    const custom = new HierarchicalAllocator({ now: () => 0, minAllocatable: [{ cpus: 1, mem: 100 }] });
    custom.addAgent('s1', R('cpus:1;mem:50'));
    custom.addAgent('s2', R('cpus:1;mem:100'));
    custom.addFramework('f', { roles: ['*'] });
    expect([...offerMap(custom).keys()]).toEqual(['f@s2']);
  });

  it('skips inactive frameworks and deactivated agents', () => {
    const a = new HierarchicalAllocator({ now: () => 0 });
    a.addAgent('s1', R('cpus:1;mem:64'));
    a.addAgent('s2', R('cpus:1;mem:64'));
    a.addFramework('f1', { roles: ['*'], active: false });
    a.addFramework('f2', { roles: ['*'] });
    a.deactivateAgent('s1');
    expect([...offerMap(a).keys()]).toEqual(['f2@s2']);
    a.deactivateFramework('f2');
    a.activateAgent('s1');
    expect(a.allocate()).toEqual([]);
    a.activateFramework('f1');
    expect([...offerMap(a).keys()]).toEqual(['f1@s1']);
  });

  it('releases a removed framework and forgets a removed agent', () => {
    const a = new HierarchicalAllocator({ now: () => 0 });
    a.addAgent('s1', R('cpus:2;mem:64'));
    a.addAgent('s2', R('cpus:2;mem:64'));
    a.addFramework('f1', { roles: ['*'] });
    expect(a.allocate()).toHaveLength(2);
    a.removeFramework('f1');
    expect(a.available('s1').toString()).toBe('cpus(*):2; mem(*):64');
    expect(a.shares().roles).toEqual([]);
    a.addFramework('f2', { roles: ['*'] });
    a.removeAgent('s2');
    expect([...offerMap(a).keys()]).toEqual(['f2@s1']);
    expect(a.shares().frameworks).toEqual([{ frameworkId: 'f2', share: 1, allocated: R('cpus:2;mem:64').allocate('*') }]);
  });

  it('books resources an agent reports as used, even before the framework re-registers', () => {
    const a = new HierarchicalAllocator({ now: () => 0 });
    a.addAgent('s1', R('cpus:4;mem:1024'), [{ frameworkId: 'old', resources: R('cpus:3;mem:512') }]);
    a.addFramework('new', { roles: ['*'] });
    expect(offerMap(a)).toEqual(new Map([['new@s1', 'cpus(*):1; mem(*):512']]));
    expect(a.shares().frameworks.find((f) => f.frameworkId === 'old')!.share).toBe(0.75);
    a.addFramework('old', { roles: ['*'] });
    expect(() => a.addFramework('old', { roles: ['*'] })).toThrow(/already added/);
    expect(() => a.addAgent('s2', R('cpus:1'), [{ frameworkId: 'x', resources: R('cpus:2') }])).toThrow(/cannot subtract/);
    expect(a.available('s2').isEmpty()).toBe(true);
  });

  it('drops filters and offers for roles a framework leaves', () => {
    const a = new HierarchicalAllocator({ now: () => 0 });
    a.addAgent('s1', R('cpus:1;mem:64'));
    a.addFramework('f', { roles: ['a'] });
    a.recoverResources('f', 's1', a.allocate()[0]!.resources, 3600);
    a.updateFramework('f', { roles: ['b'] });
    expect(a.allocate().map((o) => o.role)).toEqual(['b']);
    expect(a.shares().roles.map((r) => r.role)).toEqual(['b']);
  });

  it('makes one offer per (agent, framework, role) for a multi-role framework', () => {
    const a = new HierarchicalAllocator({ now: () => 0 });
    a.addAgent('s1', R('cpus:1;mem:64;cpus(a):2;cpus(b):3'));
    a.addFramework('f', { roles: ['a', 'b'] });
    const offers = a.allocate();
    expect(offers.map((o) => [o.role, o.resources.toString()])).toEqual([
      ['a', 'cpus(*)(allocated: a):1; mem(*)(allocated: a):64; cpus(a)(allocated: a):2'],
      ['b', 'cpus(b)(allocated: b):3'],
    ]);
    const roles = new Map(a.shares().roles.map((r) => [r.role, r.allocated.scalar('cpus')]));
    expect(roles).toEqual(new Map([['a', 3], ['b', 3]]));
  });

  it('refuses to recover what the framework does not hold, and ignores unknown ids', () => {
    const a = new HierarchicalAllocator({ now: () => 0 });
    a.addAgent('s1', R('cpus:1;mem:64'));
    a.addFramework('f', { roles: ['*'] });
    a.allocate();
    expect(() => a.recoverResources('f', 's1', R('cpus:2'))).toThrow(ResourceError);
    expect(a.available('s1').isEmpty()).toBe(true);
    a.recoverResources('nobody', 's1', R('cpus:1'));
    a.recoverResources('f', 'nowhere', R('cpus:1'));
    a.recoverResources('f', 's1', R('cpus:1'));
    expect(a.available('s1').toString()).toBe('cpus(*):1');
  });
});
