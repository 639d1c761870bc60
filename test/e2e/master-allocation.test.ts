/** Allocation behaviour seen from outside: offer timeouts, static reservations, roles, weights, bounds. */
import { afterEach, describe, expect, it } from 'vitest';
import { TestCluster } from '../helpers/cluster.js';
import { getJson } from '../helpers/http.js';
import { type TestScheduler, commandTask } from '../helpers/scheduler.js';
import { waitFor } from '../helpers/wait.js';

const cluster = new TestCluster();
afterEach(() => cluster.cleanup());
const master = (extra: string[] = []) => cluster.master(extra);
async function agent(url: string, resources: string) {
  const a = cluster.agent(url, { resources });
  await waitFor(() => a.id, 'agent registered');
  return a;
}
async function scheduler(url: string, info: Record<string, unknown>) {
  const s = cluster.scheduler(url, info);
  await s.subscribe();
  return s;
}
const quantities = (offer: any) => Object.fromEntries(offer.resources.map((r: any) => [`${r.name}(${r.role})`, r.scalar?.value]));

describe('allocation', () => {
  it('rescinds offers held past --offer_timeout and offers the resources again', async () => {
    const m = await master(['--offer_timeout=200ms']);
    await agent(m.url, 'cpus:1;mem:256');
    const s = await scheduler(m.url, { name: 'hoarder' });
    const [offer] = await s.waitForOffers();
    const rescind = await s.waitFor((e) => e.type === 'RESCIND', 'RESCIND');
    expect(rescind.rescind.offer_id).toEqual(offer.id);
    const idx = s.events.indexOf(rescind);
    const [again] = await s.waitForOffers(idx);
    expect(again.id.value).not.toBe(offer.id.value);
    // A rescinded offer can not be used.
    await s.launch(offer, [commandTask('late', 0.1, 16)]);
    expect((await s.waitForUpdate('late', 'TASK_LOST')).reason).toBe('REASON_INVALID_OFFERS');
  });

  it('offers statically reserved resources only to their role, unreserved to anyone', async () => {
    const m = await master();
    await agent(m.url, 'cpus(ads):2;mem(ads):512;cpus:1;mem:256');
    const other = await scheduler(m.url, { name: 'other', role: 'web' });
    const [o1] = await other.waitForOffers();
    expect(quantities(o1)).toEqual({ 'cpus(*)': 1, 'mem(*)': 256 });
    await other.send('DECLINE', { offer_ids: [o1.id], filters: { refuse_seconds: 3600 } });
    const ads = await scheduler(m.url, { name: 'ads', role: 'ads' });
    const [o2] = await ads.waitForOffers();
    expect(quantities(o2)).toEqual({ 'cpus(ads)': 2, 'mem(ads)': 512, 'cpus(*)': 1, 'mem(*)': 256 });
    // A task may use the reserved resources by naming the role.
    await ads.launch(o2, [
      commandTask('reserved', 2, 512, {
        resources: [
          { name: 'cpus', type: 'SCALAR', scalar: { value: 2 }, role: 'ads' },
          { name: 'mem', type: 'SCALAR', scalar: { value: 512 }, role: 'ads' },
        ],
      }),
    ]);
    await ads.waitForUpdate('reserved', 'TASK_RUNNING');
    const slave = (await getJson(`${m.url}/master/slaves`)).slaves[0];
    expect(slave.reserved_resources.ads).toMatchObject({ cpus: 2, mem: 512 });
    expect(slave.used_resources).toMatchObject({ cpus: 2, mem: 512 });
  });

  it('refuses roles outside the --roles whitelist and invalid role names', async () => {
    const m = await master(['--roles=prod,dev']);
    const bad = cluster.scheduler(m.url, { name: 'x', role: 'qa' });
    expect(await bad.subscribe()).toEqual({ type: 'ERROR', error: { message: "Role 'qa' is not present in the master's --roles" } });
    const invalid = cluster.scheduler(m.url, { name: 'y', roles: ['a b'], capabilities: [{ type: 'MULTI_ROLE' }] });
    expect((await invalid.subscribe()).type).toBe('ERROR');
    expect((await scheduler(m.url, { name: 'ok', role: 'prod' })).frameworkId).toBeTruthy();
  });

  it('gives the heavier-weighted role more of the cluster (weighted DRF across frameworks)', async () => {
    const m = await master(['--weights=gold=3']);
    // Both frameworks are subscribed before any agent exists, so neither is offered the cluster alone.
    const gold = await scheduler(m.url, { name: 'gold', role: 'gold' });
    const bronze = await scheduler(m.url, { name: 'bronze', role: 'bronze' });
    await Promise.all(Array.from({ length: 8 }, () => agent(m.url, 'cpus:1;mem:1024')));
    // Both launch on everything they get, until the cluster is full.
    const launchAll = async (s: TestScheduler, seen: Set<string>) => {
      for (const e of s.events) {
        if (e.type !== 'OFFERS') continue;
        for (const o of e.offers.offers) {
          if (seen.has(o.id.value)) continue;
          seen.add(o.id.value);
          await s.launch(o, [commandTask(`t-${o.id.value}`, 1, 1024)]);
        }
      }
    };
    const seenG = new Set<string>();
    const seenB = new Set<string>();
    await waitFor(async () => {
      await launchAll(gold, seenG);
      await launchAll(bronze, seenB);
      const st = await getJson(`${m.url}/master/state`);
      return st.frameworks.reduce((n: number, f: any) => n + f.tasks.length, 0) === 8;
    }, 'the cluster to fill up');
    const st = await getJson(`${m.url}/master/state`);
    const count = (name: string) => st.frameworks.find((f: any) => f.name === name).tasks.length;
    expect(count('gold')).toBe(6);
    expect(count('bronze')).toBe(2);
  });

  it('keeps at most --max_completed_frameworks completed frameworks', async () => {
    const m = await master(['--max_completed_frameworks=2']);
    for (let i = 0; i < 4; i++) {
      const s = await scheduler(m.url, { name: `done-${i}` });
      await s.send('TEARDOWN');
      await waitFor(async () => (await getJson(`${m.url}/master/frameworks`)).completed_frameworks.some((f: any) => f.name === `done-${i}`), 'torn down');
    }
    const completed = (await getJson(`${m.url}/master/frameworks`)).completed_frameworks.map((f: any) => f.name);
    expect(completed).toEqual(['done-2', 'done-3']);
  });

  it('forwards MESSAGE and SHUTDOWN to the agent', async () => {
    const m = await master();
    const a = await agent(m.url, 'cpus:1;mem:256');
    const s = await scheduler(m.url, { name: 'msg' });
    expect((await s.send('MESSAGE', { agent_id: { value: a.id }, executor_id: { value: 'e1' }, data: Buffer.from('hi').toString('base64') })).status).toBe(202);
    expect((await s.send('SHUTDOWN', { agent_id: { value: a.id }, executor_id: { value: 'e1' } })).status).toBe(202);
    const msg = await waitFor(() => a.events.find((e) => e.type === 'MESSAGE'), 'MESSAGE at the agent');
    expect(msg).toEqual({ type: 'MESSAGE', message: { framework_id: { value: s.frameworkId }, executor_id: { value: 'e1' }, data: 'aGk=' } });
    await waitFor(() => a.events.find((e) => e.type === 'SHUTDOWN_EXECUTOR'), 'SHUTDOWN_EXECUTOR at the agent');
  });
});
