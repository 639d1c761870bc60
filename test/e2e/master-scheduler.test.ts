/**
 * The scheduler API end to end: the built master binary, a scheduler speaking the v1 wire protocol,
 * and in-process fake agents registered over the agent protocol.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeAgent } from '../../src/agent/fake-agent.js';
import { type Daemon, startMaster } from '../helpers/daemon.js';
import { TestScheduler, commandTask } from '../helpers/scheduler.js';
import { getJson } from '../helpers/http.js';
import { waitFor } from '../helpers/wait.js';

let master: Daemon;
let masterId: string;
const agents: FakeAgent[] = [];
const schedulers: TestScheduler[] = [];

function agent(resources = 'cpus:4;mem:4096;disk:1000;ports:[31000-32000]', opts: Partial<ConstructorParameters<typeof FakeAgent>[0]> = {}): FakeAgent {
  const a = new FakeAgent({ masterUrl: master.url, resources, updateRetryMs: 200, ...opts }).start();
  agents.push(a);
  return a;
}
function scheduler(info: Record<string, unknown> = { user: 'root', name: 'e2e' }, autoAck = true): TestScheduler {
  const s = new TestScheduler(master.url, info, autoAck);
  schedulers.push(s);
  return s;
}
async function state(): Promise<any> {
  return (await fetch(`${master.url}/master/state`)).json();
}

beforeAll(async () => {
  master = await startMaster(['--allocation_interval=50ms']);
  masterId = (await state()).id;
});
afterEach(() => {
  for (const s of schedulers.splice(0)) s.close();
  for (const a of agents.splice(0)) a.stop();
});
afterAll(async () => {
  await master.stop();
});

describe('scheduler API v1', () => {
  it('subscribes with a stream id, SUBSCRIBED then HEARTBEAT, and a <masterId>-NNNN framework id', async () => {
    const s = scheduler();
    const first = await s.subscribe();
    expect(s.streamId).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.subscribed.heartbeat_interval_seconds).toBe(15);
    expect(first.subscribed.master_info.id).toBe(masterId);
    expect(s.frameworkId).toMatch(new RegExp(`^${masterId}-\\d{4}$`));
    await s.waitFor((e) => e.type === 'HEARTBEAT', 'HEARTBEAT');
  });

  it('registers agents as <masterId>-S<n>, offers them, launches, updates and acknowledges', async () => {
    const a = agent();
    await waitFor(() => a.id, 'agent id');
    expect(a.id).toMatch(new RegExp(`^${masterId}-S\\d+$`));
    const s = scheduler({ user: 'root', name: 'e2e' }, false);
    await s.subscribe();
    const [offer] = await s.waitForOffers();
    expect(offer.id.value).toMatch(new RegExp(`^${masterId}-O\\d+$`));
    expect(offer.agent_id.value).toBe(a.id);
    expect(offer.allocation_info.role).toBe('*');
    const r = await s.launch(offer, [commandTask('t1', 1, 128)]);
    expect(r.status).toBe(202);
    const starting = await s.waitForUpdate('t1', 'TASK_STARTING');
    expect(starting.uuid).toBeTruthy();
    expect(starting.agent_id.value).toBe(a.id);
    await s.ack(starting);
    const running = await s.waitForUpdate('t1', 'TASK_RUNNING');
    expect((await s.ack(running)).status).toBe(202);
    const st = await state();
    const fw = st.frameworks.find((f: any) => f.id === s.frameworkId);
    expect(fw.tasks.map((t: any) => [t.id, t.state, t.executor_id, t.slave_id])).toEqual([['t1', 'TASK_RUNNING', '', a.id]]);
    expect(fw.used_resources.cpus).toBe(1);
    // The acknowledged update is not re-sent by the agent.
    await waitFor(() => a.updates.pending().length === 0, 'agent queue to drain');
  });

  it('holds the upstream offer example: the unused 1 CPU / 1 GB goes to framework 2', async () => {
    const a = agent('cpus:4;mem:4096');
    await waitFor(() => a.id, 'agent id');
    const s1 = scheduler({ user: 'root', name: 'fw1' });
    await s1.subscribe();
    const [offer] = await s1.waitForOffers();
    expect(offer.resources.find((r: any) => r.name === 'cpus').scalar.value).toBe(4);
    const s2 = scheduler({ user: 'root', name: 'fw2' });
    await s2.subscribe();
    await s1.launch(offer, [commandTask('a', 2, 1024), commandTask('b', 1, 2048)]);
    const [offer2] = await s2.waitForOffers();
    const q = Object.fromEntries(offer2.resources.map((r: any) => [r.name, r.scalar.value]));
    expect(q).toEqual({ cpus: 1, mem: 1024 });
  });

  it('answers invalid launches with TASK_ERROR, and launches on unknown offers with TASK_LOST or TASK_DROPPED', async () => {
    const a = agent('cpus:2;mem:1024');
    await waitFor(() => a.id, 'agent id');
    const s = scheduler();
    await s.subscribe();
    const [offer] = await s.waitForOffers();
    await s.launch(offer, [
      commandTask('too-big', 8, 128),
      commandTask('bad/id', 0.1, 16),
      { ...commandTask('no-cmd', 0.1, 16), command: undefined },
      commandTask('ok', 0.5, 64),
      commandTask('ok', 0.5, 64),
    ]);
    const big = await s.waitForUpdate('too-big', 'TASK_ERROR');
    expect(big.reason).toBe('REASON_TASK_INVALID');
    expect(big.source).toBe('SOURCE_MASTER');
    expect(big.uuid).toBeUndefined();
    expect(big.message).toMatch(/more resources/);
    expect((await s.waitForUpdate('bad/id', 'TASK_ERROR')).message).toMatch(/invalid characters/);
    expect((await s.waitForUpdate('no-cmd', 'TASK_ERROR')).message).toMatch(/CommandInfo or ExecutorInfo/);
    await s.waitForUpdate('ok', 'TASK_RUNNING');
    expect((await s.waitForUpdate('ok', 'TASK_ERROR')).message).toMatch(/duplicate ID/);
    // The offer was used once; reusing it drops the task.
    await s.launch(offer, [commandTask('late', 0.1, 16)]);
    expect((await s.waitForUpdate('late', 'TASK_LOST')).reason).toBe('REASON_INVALID_OFFERS');

    const pa = scheduler({ user: 'root', name: 'pa', capabilities: [{ type: 'PARTITION_AWARE' }] });
    await pa.subscribe();
    await pa.launch({ id: { value: `${masterId}-O999999` }, agent_id: { value: a.id } }, [commandTask('x', 0.1, 16)]);
    expect((await pa.waitForUpdate('x', 'TASK_DROPPED')).reason).toBe('REASON_INVALID_OFFERS');
  });

  it('declines with a filter, revives, suppresses', async () => {
    const a = agent('cpus:1;mem:512');
    await waitFor(() => a.id, 'agent id');
    const s = scheduler();
    await s.subscribe();
    const [offer] = await s.waitForOffers();
    expect((await s.send('DECLINE', { offer_ids: [offer.id], filters: { refuse_seconds: 3600 } })).status).toBe(202);
    const mark = s.events.length;
    // Filtered for an hour: several allocation intervals pass with no new offer.
    await waitFor(async () => (await getJson(`${master.url}/metrics/snapshot`))['allocator/mesos/allocation_runs'] > 10 + 0, 'allocation runs');
    const runs0 = (await getJson(`${master.url}/metrics/snapshot`))['allocator/mesos/allocation_runs'];
    await waitFor(async () => (await getJson(`${master.url}/metrics/snapshot`))['allocator/mesos/allocation_runs'] > runs0 + 5, '5 more allocation runs');
    expect(s.events.slice(mark).some((e) => e.type === 'OFFERS')).toBe(false);
    expect((await s.send('REVIVE', {})).status).toBe(202);
    const [again] = await s.waitForOffers(mark);
    expect(again.agent_id.value).toBe(a.id);
    expect((await s.send('SUPPRESS', {})).status).toBe(202);
    await s.send('DECLINE', { offer_ids: [again.id], filters: { refuse_seconds: 0 } });
    const mark2 = s.events.length;
    const runs1 = (await getJson(`${master.url}/metrics/snapshot`))['allocator/mesos/allocation_runs'];
    await waitFor(async () => (await getJson(`${master.url}/metrics/snapshot`))['allocator/mesos/allocation_runs'] > runs1 + 5, '5 allocation runs');
    expect(s.events.slice(mark2).some((e) => e.type === 'OFFERS')).toBe(false);
  });

  it('kills a task and reconciles explicitly and implicitly', async () => {
    const a = agent();
    await waitFor(() => a.id, 'agent id');
    const s = scheduler({ user: 'root', name: 'rec', capabilities: [{ type: 'PARTITION_AWARE' }] });
    await s.subscribe();
    const [offer] = await s.waitForOffers();
    await s.launch(offer, [commandTask('k1', 0.5, 64), commandTask('k2', 0.5, 64)]);
    await s.waitForUpdate('k1', 'TASK_RUNNING');
    await s.waitForUpdate('k2', 'TASK_RUNNING');
    await s.ackAll();
    expect((await s.send('KILL', { task_id: { value: 'k1' } })).status).toBe(202);
    const killed = await s.waitForUpdate('k1', 'TASK_KILLED');
    await s.ack(killed);

    const mark = s.events.length;
    await s.send('RECONCILE', { tasks: [{ task_id: { value: 'k2' } }, { task_id: { value: 'nope' }, agent_id: { value: a.id } }, { task_id: { value: 'ghost' } }] });
    const recon = () => s.events.slice(mark).filter((e) => e.type === 'UPDATE').map((e) => e.update.status);
    await waitFor(() => recon().length >= 3, 'three reconciliation answers');
    const byId = Object.fromEntries(recon().map((x) => [x.task_id.value, x]));
    expect(byId.k2.state).toBe('TASK_RUNNING');
    expect(byId.k2.reason).toBe('REASON_RECONCILIATION');
    expect(byId.k2.uuid).toBeUndefined();
    expect(byId.nope.state).toBe('TASK_GONE');
    expect(byId.ghost.state).toBe('TASK_UNKNOWN');

    const mark2 = s.events.length;
    await s.send('RECONCILE', { tasks: [] });
    await waitFor(() => s.events.slice(mark2).some((e) => e.type === 'UPDATE'), 'implicit answer');
    const implicit = s.events.slice(mark2).filter((e) => e.type === 'UPDATE').map((e) => e.update.status.task_id.value);
    expect(implicit).toEqual(['k2']);
  });

  it('fails over: a resubscribe with the same id keeps tasks; the old stream gets ERROR', async () => {
    const a = agent();
    await waitFor(() => a.id, 'agent id');
    const s = scheduler({ user: 'root', name: 'fo', failover_timeout: 60, checkpoint: true });
    await s.subscribe();
    const [offer] = await s.waitForOffers();
    await s.launch(offer, [commandTask('keep', 0.5, 64)]);
    await s.waitForUpdate('keep', 'TASK_RUNNING');
    await s.ackAll();
    const s2 = scheduler({ user: 'root', name: 'fo', failover_timeout: 60, checkpoint: true });
    const sub = await s2.subscribe(s.frameworkId);
    expect(sub.subscribed.framework_id.value).toBe(s.frameworkId);
    await s.waitFor((e) => e.type === 'ERROR' && e.error.message === 'Framework failed over', 'failover ERROR');
    // The old stream id no longer works.
    expect((await s.send('REVIVE', {})).status).toBe(400);
    s2.close();
    await waitFor(async () => (await state()).frameworks.find((f: any) => f.id === s.frameworkId)?.connected === false, 'disconnected');
    const s3 = scheduler({ user: 'root', name: 'fo', failover_timeout: 60, checkpoint: true });
    await s3.subscribe(s.frameworkId);
    const fw = (await state()).frameworks.find((f: any) => f.id === s.frameworkId);
    expect(fw.active).toBe(true);
    expect(fw.tasks.map((t: any) => t.id)).toEqual(['keep']);
  });

  it('removes a framework after failover_timeout and refuses its id afterwards', async () => {
    const a = agent();
    await waitFor(() => a.id, 'agent id');
    const s = scheduler({ user: 'root', name: 'gone', failover_timeout: 0.2 });
    await s.subscribe();
    const [offer] = await s.waitForOffers();
    await s.launch(offer, [commandTask('dies', 0.5, 64)]);
    await s.waitForUpdate('dies', 'TASK_RUNNING');
    s.close();
    await waitFor(async () => (await state()).completed_frameworks.some((f: any) => f.id === s.frameworkId), 'framework removed');
    const completed = (await state()).completed_frameworks.find((f: any) => f.id === s.frameworkId);
    expect(completed.completed_tasks.map((t: any) => [t.id, t.state])).toEqual([['dies', 'TASK_KILLED']]);
    await waitFor(() => a.containerizer.running().length === 0, 'agent killed the task');
    const again = scheduler({ user: 'root', name: 'gone' });
    const err = await again.subscribe(s.frameworkId);
    expect(err).toEqual({ type: 'ERROR', error: { message: 'Framework has been removed' } });
  });

  it('tears down with the TEARDOWN call', async () => {
    const s = scheduler();
    await s.subscribe();
    expect((await s.send('TEARDOWN')).status).toBe(202);
    await waitFor(async () => (await state()).completed_frameworks.some((f: any) => f.id === s.frameworkId), 'torn down');
    expect((await s.send('REVIVE', {})).status).toBe(400);
  });

  it('launches a task group on the default executor, all together', async () => {
    const a = agent();
    await waitFor(() => a.id, 'agent id');
    const s = scheduler();
    await s.subscribe();
    const [offer] = await s.waitForOffers();
    const executor = {
      executor_id: { value: 'pod-1' },
      type: 'DEFAULT',
      resources: [
        { name: 'cpus', type: 'SCALAR', scalar: { value: 0.1 } },
        { name: 'mem', type: 'SCALAR', scalar: { value: 32 } },
      ],
    };
    const tasks = [commandTask('g1', 0.5, 64), commandTask('g2', 0.5, 64)].map((t) => ({ ...t, agent_id: offer.agent_id }));
    await s.send('ACCEPT', { offer_ids: [offer.id], operations: [{ type: 'LAUNCH_GROUP', launch_group: { executor, task_group: { tasks } } }] });
    await s.waitForUpdate('g1', 'TASK_RUNNING');
    await s.waitForUpdate('g2', 'TASK_RUNNING');
    const tasksJson = (await getJson(`${master.url}/master/tasks?framework_id=${s.frameworkId}`)).tasks;
    expect(tasksJson.map((t: any) => t.executor_id).sort()).toEqual(['pod-1', 'pod-1']);
  });
});
