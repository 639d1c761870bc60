/** The operator API v1 and the legacy endpoints, end to end on the built master. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeAgent } from '../../src/agent/fake-agent.js';
import { openRecordIOCall, postJson } from '../../src/lib/recordio-call.js';
import { type Daemon, startMaster } from '../helpers/daemon.js';
import { TestScheduler, commandTask } from '../helpers/scheduler.js';
import { waitFor } from '../helpers/wait.js';

let master: Daemon;
const closers: Array<() => void> = [];
const op = async (type: string, extra: Record<string, unknown> = {}): Promise<any> => {
  const r = await postJson(`${master.url}/api/v1`, { type, ...extra });
  expect(r.status).toBe(200);
  return JSON.parse(r.text);
};
const get = async (path: string): Promise<any> => (await fetch(`${master.url}${path}`)).json();

beforeAll(async () => {
  master = await startMaster(['--allocation_interval=50ms', '--weights=prod=2', '--cluster=lab']);
});
afterAll(async () => {
  for (const c of closers) c();
  await master.stop();
});

describe('operator API v1', () => {
  it('streams SUBSCRIBED then agent, framework, task and (opt-in) offer events', async () => {
    const plain: any[] = [];
    const withOffers: any[] = [];
    const s1 = openRecordIOCall(`${master.url}/api/v1`, { type: 'SUBSCRIBE' }, (e) => plain.push(e));
    const s2 = openRecordIOCall(`${master.url}/api/v1?x_tsmesos_offers=true`, { type: 'SUBSCRIBE' }, (e) => withOffers.push(e));
    closers.push(s1.close, s2.close);
    expect((await s1.started).status).toBe(200);
    expect((await s1.started).headers['mesos-stream-id']).toBeUndefined();
    await waitFor(() => plain[0], 'SUBSCRIBED');
    expect(plain[0].type).toBe('SUBSCRIBED');
    expect(plain[0].subscribed.heartbeat_interval_seconds).toBe(15);
    expect(plain[0].subscribed.get_state).toHaveProperty('get_agents');

    const agent = new FakeAgent({ masterUrl: master.url, resources: 'cpus:2;mem:1024', attributes: 'rack:r1;zone:2' }).start();
    closers.push(() => agent.stop());
    const s = new TestScheduler(master.url, { user: 'root', name: 'ops', roles: ['prod'], capabilities: [{ type: 'MULTI_ROLE' }] });
    closers.push(() => s.close());
    await s.subscribe();
    const [offer] = await s.waitForOffers();
    expect(offer.allocation_info.role).toBe('prod');
    await s.launch(offer, [commandTask('op-task', 1, 128, { resources: [{ name: 'cpus', type: 'SCALAR', scalar: { value: 1 }, allocation_info: { role: 'prod' } }] })]);
    await s.waitForUpdate('op-task', 'TASK_RUNNING');
    const types = () => plain.map((e) => e.type);
    await waitFor(() => types().includes('TASK_UPDATED') && types().filter((t) => t === 'TASK_UPDATED').length >= 2, 'task events');
    expect(types()).toEqual(expect.arrayContaining(['AGENT_ADDED', 'FRAMEWORK_ADDED', 'TASK_ADDED', 'TASK_UPDATED']));
    const added = plain.find((e) => e.type === 'TASK_ADDED');
    expect(added.task_added.task.task_id.value).toBe('op-task');
    expect(added.task_added.task.state).toBe('TASK_STAGING');
    const updated = plain.filter((e) => e.type === 'TASK_UPDATED').map((e) => e.task_updated.state);
    expect(updated).toEqual(['TASK_STARTING', 'TASK_RUNNING']);
    expect(plain.some((e) => e.type === 'TSMESOS_OFFER')).toBe(false);
    await waitFor(() => withOffers.some((e) => e.type === 'TSMESOS_OFFER' && e.tsmesos_offer.action === 'SENT'), 'offer SENT');
    await waitFor(() => withOffers.some((e) => e.type === 'TSMESOS_OFFER' && e.tsmesos_offer.action === 'ACCEPTED'), 'offer ACCEPTED');

    // GET_* calls.
    const state = await op('GET_STATE');
    expect(state.get_state.get_tasks.tasks.map((t: any) => t.task_id.value)).toEqual(['op-task']);
    const agents = await op('GET_AGENTS');
    expect(agents.get_agents.agents[0].agent_info.id.value).toBe(agent.id);
    expect(agents.get_agents.agents[0].registered_time.nanoseconds).toBeGreaterThan(0);
    const fws = await op('GET_FRAMEWORKS');
    expect(fws.get_frameworks.frameworks[0].framework_info.name).toBe('ops');
    const roles = await op('GET_ROLES');
    const prod = roles.get_roles.roles.find((r: any) => r.name === 'prod');
    expect(prod.weight).toBe(2);
    expect((await op('GET_MASTER')).get_master.master_info.address.port).toBe(Number(new URL(master.url).port));
    expect((await op('GET_HEALTH')).get_health.healthy).toBe(true);
    expect((await op('GET_VERSION')).get_version.version_info.version).toBe('1.11.0');
    const flags = (await op('GET_FLAGS')).get_flags.flags;
    expect(flags).toEqual(expect.arrayContaining([{ name: 'cluster', value: 'lab' }, { name: 'allocation_interval', value: '50ms' }]));
    const metrics = (await op('GET_METRICS')).get_metrics.metrics;
    expect(metrics.find((x: any) => x.name === 'master/tasks_running').value).toBe(1);
    expect((await op('GET_TASKS')).get_tasks.tasks).toHaveLength(1);

    // Teardown through the operator API: FRAMEWORK_REMOVED on the stream.
    const r = await postJson(`${master.url}/api/v1`, { type: 'TEARDOWN', teardown: { framework_id: { value: s.frameworkId } } });
    expect(r.status).toBe(200);
    await waitFor(() => plain.find((e) => e.type === 'FRAMEWORK_REMOVED'), 'FRAMEWORK_REMOVED');
    agent.link.post({ type: 'UNREGISTER', agent_id: { value: agent.id! } });
    await waitFor(() => plain.find((e) => e.type === 'AGENT_REMOVED' && e.agent_removed.agent_id.value === agent.id), 'AGENT_REMOVED');
  });

  it('updates weights with UPDATE_WEIGHTS and shows them at /master/weights', async () => {
    const r = await postJson(`${master.url}/api/v1`, { type: 'UPDATE_WEIGHTS', update_weights: { weight_infos: [{ role: 'dev', weight: 1.5 }] } });
    expect(r.status).toBe(200);
    expect(await get('/master/weights')).toEqual(expect.arrayContaining([{ role: 'dev', weight: 1.5 }, { role: 'prod', weight: 2 }]));
  });
});

describe('legacy endpoints', () => {
  let agent: FakeAgent;
  let sched: TestScheduler;
  beforeAll(async () => {
    agent = new FakeAgent({ masterUrl: master.url, resources: 'cpus:4;mem:4096;ports:[31000-31009]', attributes: 'rack:r1;zone:2' }).start();
    closers.push(() => agent.stop());
    sched = new TestScheduler(master.url, { user: 'root', name: 'tâche-ü' });
    closers.push(() => sched.close());
    await sched.subscribe();
    const [offer] = await sched.waitForOffers();
    await sched.launch(offer, [commandTask('l1', 1, 128), commandTask('l2', 1, 128)]);
    await sched.waitForUpdate('l2', 'TASK_RUNNING');
    await sched.send('KILL', { task_id: { value: 'l1' } });
    await sched.waitForUpdate('l1', 'TASK_KILLED');
  });

  it('answers /master/state and its aliases with every key clients index', async () => {
    for (const p of ['/master/state', '/state', '/master/state.json', '/state.json', '/master/state/']) {
      expect((await fetch(`${master.url}${p}`)).status, p).toBe(200);
    }
    const st = await get('/master/state');
    for (const k of ['version', 'id', 'pid', 'hostname', 'activated_slaves', 'leader', 'leader_info', 'flags', 'slaves', 'frameworks', 'completed_frameworks', 'orphan_tasks', 'unregistered_frameworks', 'cluster']) {
      expect(st, k).toHaveProperty(k);
    }
    expect(st.cluster).toBe('lab');
    const slave = st.slaves.find((s: any) => s.id === agent.id);
    expect(slave.attributes).toEqual({ rack: 'r1', zone: 2 });
    expect(slave.resources).toMatchObject({ cpus: 4, mem: 4096, gpus: 0, disk: 0, ports: '[31000-31009]' });
    const fw = st.frameworks.find((f: any) => f.id === sched.frameworkId);
    expect(fw.name).toBe('tâche-ü');
    const task = fw.tasks.find((t: any) => t.id === 'l2');
    for (const k of ['id', 'name', 'framework_id', 'executor_id', 'slave_id', 'state', 'resources', 'statuses']) expect(task, k).toHaveProperty(k);
    expect(task.executor_id).toBe('');
    expect(task.statuses.at(-1).state).toBe('TASK_RUNNING');
  });

  it('lists every task with order=asc&limit=-1, and filters', async () => {
    const all = (await get('/master/tasks?order=asc&limit=-1')).tasks;
    const mine = all.filter((t: any) => t.framework_id === sched.frameworkId).map((t: any) => t.id);
    expect(mine.sort()).toEqual(['l1', 'l2']);
    expect((await get(`/master/tasks?task_id=l1&framework_id=${sched.frameworkId}`)).tasks.map((t: any) => t.state)).toEqual(['TASK_KILLED']);
    expect((await get('/tasks?limit=1')).tasks).toHaveLength(1);
  });

  it('serves frameworks, slaves, state-summary, roles, flags, version, metrics, health and redirect', async () => {
    expect((await get('/master/frameworks/')).frameworks.map((f: any) => f.id)).toContain(sched.frameworkId);
    expect((await get(`/master/frameworks?framework_id=${sched.frameworkId}`)).frameworks).toHaveLength(1);
    expect((await get('/master/slaves')).slaves.map((s: any) => s.id)).toContain(agent.id);
    const summary = await get('/master/state-summary');
    const sfw = summary.frameworks.find((f: any) => f.id === sched.frameworkId);
    expect(sfw.TASK_RUNNING).toBe(1);
    expect(sfw.TASK_KILLED).toBe(1);
    expect((await get('/master/roles')).roles.map((r: any) => r.name)).toContain('prod');
    const flags = (await get('/master/flags')).flags;
    expect(flags.allocation_interval).toBe('50ms');
    expect(Object.values(flags).every((v) => typeof v === 'string')).toBe(true);
    expect((await get('/flags')).flags).toEqual(flags);
    expect(await get('/version')).toMatchObject({ version: '1.11.0' });
    const m = await get('/metrics/snapshot');
    for (const k of ['master/elected', 'master/uptime_secs', 'master/slaves_active', 'master/frameworks_active', 'master/tasks_running', 'master/tasks_killed', 'master/cpus_total', 'master/cpus_used', 'master/outstanding_offers']) {
      expect(typeof m[k], k).toBe('number');
    }
    expect(m['master/elected']).toBe(1);
    const health = await fetch(`${master.url}/master/health`);
    expect([health.status, await health.text()]).toEqual([200, '']);
    const redirect = await fetch(`${master.url}/master/redirect`, { redirect: 'manual' });
    expect(redirect.status).toBe(307);
    expect(redirect.headers.get('location')).toBe(`//127.0.0.1:${new URL(master.url).port}`);
    const jsonp = await (await fetch(`${master.url}/master/slaves?jsonp=cb`)).text();
    expect(jsonp).toMatch(/^cb\(\{.*\}\);$/s);
  });

  it('tears a framework down with a curl-style form POST', async () => {
    const r = await fetch(`${master.url}/master/teardown`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `frameworkId=${sched.frameworkId}`,
    });
    expect(r.status).toBe(200);
    await sched.waitFor((e) => e.type === 'ERROR' || e.type === 'HEARTBEAT', 'stream activity');
    const st = await get('/master/state');
    const done = st.completed_frameworks.find((f: any) => f.id === sched.frameworkId);
    expect(done.completed_tasks.map((t: any) => [t.id, t.state]).sort()).toEqual([['l1', 'TASK_KILLED'], ['l2', 'TASK_KILLED']]);
    await waitFor(() => agent.containerizer.running().length === 0, 'tasks killed on the agent');
  });
});
