/**
 * The agent side of the master end to end: re-registration after a blip and after a master restart,
 * ping timeouts → unreachable (TASK_UNREACHABLE vs TASK_LOST), retried status updates.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FakeAgent } from '../../src/agent/fake-agent.js';
import { TestCluster } from '../helpers/cluster.js';
import { startMaster } from '../helpers/daemon.js';
import { commandTask } from '../helpers/scheduler.js';
import { waitFor } from '../helpers/wait.js';

const cluster = new TestCluster();
afterEach(() => cluster.cleanup());
const master = (extra: string[] = []) => cluster.master(extra);
const agent = (url: string, opts: Parameters<TestCluster['agent']>[1] = {}) => cluster.agent(url, opts);
const scheduler = (url: string, info: Record<string, unknown>, autoAck = true) => cluster.scheduler(url, info, autoAck);
const json = async (url: string): Promise<any> => (await fetch(url)).json();

describe('agents and the master', () => {
  it('re-registers after a connection blip with the same id and its tasks, no duplicate agent', async () => {
    const m = await master();
    const a = agent(m.url);
    await waitFor(() => a.id, 'agent id');
    const s = scheduler(m.url, { name: 'blip', checkpoint: true });
    await s.subscribe();
    const [offer] = await s.waitForOffers();
    await s.launch(offer, [commandTask('survivor', 1, 128)]);
    await s.waitForUpdate('survivor', 'TASK_RUNNING');
    const id = a.id;
    a.link.drop();
    await waitFor(async () => (await json(`${m.url}/master/slaves`)).slaves[0]?.reregistered_time, 're-registration');
    const slaves = (await json(`${m.url}/master/slaves`)).slaves;
    expect(slaves.map((x: any) => [x.id, x.active])).toEqual([[id, true]]);
    const tasks = (await json(`${m.url}/master/tasks`)).tasks;
    expect(tasks.map((t: any) => [t.id, t.state, t.slave_id])).toEqual([['survivor', 'TASK_RUNNING', id]]);
    const metrics = await json(`${m.url}/metrics/snapshot`);
    expect(metrics['master/slave_reregistrations']).toBe(1);
    expect(metrics['master/slave_registrations']).toBe(1);
  });

  it('loses tasks of non-checkpointing frameworks when the agent disconnects', async () => {
    const m = await master(['--agent_ping_timeout=10secs']);
    const a = agent(m.url);
    await waitFor(() => a.id, 'agent id');
    const s = scheduler(m.url, { name: 'nocp' });
    await s.subscribe();
    const [offer] = await s.waitForOffers();
    await s.launch(offer, [commandTask('fragile', 1, 128)]);
    await s.waitForUpdate('fragile', 'TASK_RUNNING');
    a.stop();
    const lost = await s.waitForUpdate('fragile', 'TASK_LOST');
    expect(lost.reason).toBe('REASON_AGENT_DISCONNECTED');
    const slave = (await json(`${m.url}/master/slaves`)).slaves[0];
    expect(slave.active).toBe(false);
  });

  it('marks a silent agent unreachable after max_agent_ping_timeouts: TASK_UNREACHABLE or TASK_LOST', async () => {
    const m = await master(['--agent_ping_timeout=100ms', '--max_agent_ping_timeouts=2']);
    const a = agent(m.url);
    await waitFor(() => a.id, 'agent id');
    const pa = scheduler(m.url, { name: 'pa', checkpoint: true, capabilities: [{ type: 'PARTITION_AWARE' }] });
    await pa.subscribe();
    const [offer] = await pa.waitForOffers();
    await pa.launch(offer, [commandTask('pa-task', 1, 128)], { refuse_seconds: 3600 });
    await pa.waitForUpdate('pa-task', 'TASK_RUNNING');
    const old = scheduler(m.url, { name: 'old', checkpoint: true });
    await old.subscribe();
    const [offer2] = await old.waitForOffers();
    await old.launch(offer2, [commandTask('old-task', 1, 128)]);
    await old.waitForUpdate('old-task', 'TASK_RUNNING');
    const id = a.id!;
    a.stop();
    const unreachable = await pa.waitForUpdate('pa-task', 'TASK_UNREACHABLE', 5000);
    expect(unreachable.reason).toBe('REASON_AGENT_REMOVED');
    expect(unreachable.unreachable_time.nanoseconds).toBeGreaterThan(0);
    expect((await old.waitForUpdate('old-task', 'TASK_LOST')).reason).toBe('REASON_AGENT_REMOVED');
    await pa.waitFor((e) => e.type === 'FAILURE' && e.failure.agent_id.value === id, 'FAILURE');
    const st = await json(`${m.url}/master/state`);
    expect(st.unreachable_slaves).toBe(1);
    expect(st.slaves).toEqual([]);
    const paFw = st.frameworks.find((f: any) => f.id === pa.frameworkId);
    expect(paFw.unreachable_tasks.map((t: any) => [t.id, t.state])).toEqual([['pa-task', 'TASK_UNREACHABLE']]);

    // The agent comes back with the same id and both tasks: the partition-aware one is re-adopted,
    // the other framework is shut down on the agent (upstream behaviour).
    const back = new FakeAgent({ masterUrl: m.url, resources: 'cpus:4;mem:4096', containerizer: a.containerizer, updateRetryMs: 200 });
    back.link.agentId = id;
    back.start();
    cluster.defer(() => back.stop());
    await waitFor(() => back.events.some((e) => e.type === 'SHUTDOWN_FRAMEWORK' && e.shutdown_framework.framework_id.value === old.frameworkId), 'SHUTDOWN_FRAMEWORK for the non-partition-aware framework');
    await waitFor(async () => (await json(`${m.url}/master/state`)).unreachable_slaves === 0, 'agent reachable again');
    const tasks = (await json(`${m.url}/master/tasks?framework_id=${pa.frameworkId}`)).tasks;
    expect(tasks.map((t: any) => [t.id, t.state])).toEqual([['pa-task', 'TASK_RUNNING']]);
    await waitFor(() => !back.containerizer.running().some((r) => r.task.task_id.value === 'old-task'), 'old-task killed on the agent');
  });

  it('re-sends an unacknowledged update with the same uuid until it is acknowledged', async () => {
    const m = await master();
    const a = agent(m.url);
    await waitFor(() => a.id, 'agent id');
    const s = scheduler(m.url, { name: 'noack' }, false);
    await s.subscribe();
    const [offer] = await s.waitForOffers();
    await s.launch(offer, [commandTask('r1', 1, 128)]);
    await waitFor(() => s.updates('r1').filter((u) => u.state === 'TASK_STARTING').length >= 2, 'a retried TASK_STARTING');
    const starts = s.updates('r1').filter((u) => u.state === 'TASK_STARTING');
    expect(new Set(starts.map((u) => u.uuid)).size).toBe(1);
    expect(s.updates('r1').some((u) => u.state === 'TASK_RUNNING')).toBe(false);
    await s.ack(starts[0]);
    const running = await s.waitForUpdate('r1', 'TASK_RUNNING');
    await s.ack(running);
    await waitFor(() => a.updates.pending().length === 0, 'queue drained');
  });

  it('re-registers its running tasks with a restarted master; the framework resubscribes and finds them', async () => {
    const m1 = await startMaster(['--allocation_interval=50ms']);
    const port = new URL(m1.url).port;
    const a = agent(m1.url, { backoffFactorMs: 50 });
    await waitFor(() => a.id, 'agent id');
    const s = scheduler(m1.url, { name: 'restart', checkpoint: true, failover_timeout: 3600 });
    await s.subscribe();
    const [offer] = await s.waitForOffers();
    await s.launch(offer, [commandTask('long', 1, 128)]);
    await s.waitForUpdate('long', 'TASK_RUNNING');
    const agentId = a.id;
    s.close();
    await m1.stop();
    const m2 = await master([`--port=${port}`]);
    await waitFor(async () => (await json(`${m2.url}/master/slaves`)).slaves.length === 1, 'agent re-registered with the new master', 15_000);
    const slave = (await json(`${m2.url}/master/slaves`)).slaves[0];
    expect(slave.id).toBe(agentId);
    const s2 = scheduler(m2.url, { name: 'restart', checkpoint: true, failover_timeout: 3600 });
    await s2.subscribe(s.frameworkId);
    const fw = (await json(`${m2.url}/master/frameworks`)).frameworks[0];
    expect(fw.id).toBe(s.frameworkId);
    expect(fw.tasks.map((t: any) => [t.id, t.state])).toEqual([['long', 'TASK_RUNNING']]);
    expect(fw.recovered).toBe(false);
  });
});
