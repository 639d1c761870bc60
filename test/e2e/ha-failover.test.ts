/**
 * Failover end to end, with built binaries only: zookeeper-lite, three masters (`--zk --quorum=2
 * --registry=replicated_log`), a real agent given `--master=zk://…/mesos` running a real `sleep`
 * task for a checkpointing framework. kill -9 the leader: a standby is elected within the session
 * timeout, the agent re-registers with the same id and its task, the framework resubscribes with
 * its id, weights survive, an agent that never comes back is recovered then unreachable; then the
 * new leader is killed too and the last standby takes over. Prints the measured timings. Runs
 * against zookeeper-lite and, when installed, Debian's real ZooKeeper 3.8.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeAgent } from '../../src/agent/fake-agent.js';
import { SERVERS, warnIfRealMissing } from '../../src/zk/ha-servers.test-helpers.js';
import { call, closeClient, connectClient } from '../../src/zk/testing/zk-daemon.test-helpers.js';
import { killAgentLeftovers } from '../helpers/agent-leftovers.js';
import { type Daemon, startDaemon } from '../helpers/daemon.js';
import { getJson } from '../helpers/http.js';
import { commandTask, type Event, TestScheduler } from '../helpers/scheduler.js';
import { waitFor } from '../helpers/wait.js';
import { runCli } from './cli-harness.js';
import { type HaCluster, haCluster, rmAtCleanup, SESSION, watchLeaders } from './ha-harness.js';

const REREGISTER = 6000;
const FRAMEWORK = { user: 'root', name: 'ha-failover', checkpoint: true, failover_timeout: 3600 };

warnIfRealMissing('test/e2e/ha-failover.test.ts');

describe.each(SERVERS)('on %s', (kind, startZk) => {
  let c: HaCluster;
  let agent: Daemon;
  let agentId: string;
  let frameworkId: string;
  let lonelyId: string;
  let leader: Daemon;
  const timings: string[] = [];

  beforeAll(async () => {
    c = await haCluster(3, [`--agent_reregister_timeout=${REREGISTER}ms`], startZk);
    const workDir = mkdtempSync(join(tmpdir(), 'ha-failover-agent-'));
    rmAtCleanup(c, workDir);
    c.defer(() => killAgentLeftovers(workDir));
    agent = await startDaemon(['agent', `--master=${c.zkUrl}`, '--ip=127.0.0.1', '--port=0', `--work_dir=${workDir}`, '--resources=cpus:2;mem:2048', '--registration_backoff_factor=100ms', '--switch_user=false', '--quiet']);
    c.defer(() => agent.stop());
    leader = await c.leader();
  }, 60_000);
  afterAll(async () => {
    console.log(`HA failover timings (${kind}, --zk_session_timeout=${SESSION}):\n  ${timings.join('\n  ')}`);
    await c?.cleanup();
  });

  const slavesOf = (url: string) => getJson(`${url}/master/slaves`);

  function scheduler(url: string): TestScheduler {
    const s = new TestScheduler(url, FRAMEWORK);
    c.defer(() => s.close());
    return s;
  }

  function offerOn(s: TestScheduler, agent: string): Event | undefined {
    return s.events.flatMap((e) => (e.type === 'OFFERS' ? e.offers.offers : [])).find((o: Event) => o.agent_id.value === agent);
  }

  async function killLeader(): Promise<{ next: Daemon; electedMs: number; maxLeaders: number }> {
    const watch = watchLeaders(c);
    const t0 = Date.now();
    leader.proc.kill('SIGKILL');
    await leader.proc;
    const next = await c.leader(20_000);
    const electedMs = Date.now() - t0;
    await watch.stop();
    return { next, electedMs, maxLeaders: watch.max };
  }

  describe('failover with three masters', () => {
    it('an agent started with --master=zk://… registers with the leader; weights and a task are set up', async () => {
      const slaves = await waitFor(async () => ((await slavesOf(leader.url)).slaves.length === 1 ? (await slavesOf(leader.url)).slaves : undefined), 'the agent to register');
      agentId = slaves[0].id;
      expect(agentId).toContain((await getJson(`${leader.url}/master/state`)).id);
      // An agent pinned to this leader's address: it will not follow, so the next leader recovers it.
      const lonely = new FakeAgent({ masterUrl: leader.url, resources: 'cpus:1;mem:128', hostname: 'lonely' }).start();
      c.defer(() => lonely.stop());
      lonelyId = await waitFor(() => lonely.id, 'the pinned agent to register');
      const w = await fetch(`${leader.url}/api/v1`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ type: 'UPDATE_WEIGHTS', update_weights: { weight_infos: [{ role: 'dev', weight: 2.5 }] } }),
      });
      expect(w.status).toBe(200);
      const s = scheduler(leader.url);
      await s.subscribe();
      frameworkId = s.frameworkId!;
      const offer = await waitFor(() => offerOn(s, agentId), 'an offer from the real agent');
      await s.launch(offer, [commandTask('sleeper', 0.5, 64, { command: { value: 'sleep 1000' } })]);
      await s.waitForUpdate('sleeper', 'TASK_RUNNING', 20_000);
    });

    it('kill -9 the leader: a standby leads within the session timeout; agent, task, framework and weights carry over', async () => {
      const { next, electedMs, maxLeaders } = await killLeader();
      timings.push(`kill -9 of the leader → a new leader serves /master/state: ${electedMs} ms`);
      expect(maxLeaders).toBe(1);
      expect(next).not.toBe(leader);
      const t1 = Date.now();
      const back = await waitFor(async () => (await slavesOf(next.url)).slaves.find((a: Event) => a.id === agentId && a.active), 'the agent to re-register with its id');
      timings.push(`…the agent re-registered with the same id: ${electedMs + Date.now() - t1} ms`);
      expect(back.hostname).toBe('127.0.0.1');
      const listing = await slavesOf(next.url);
      expect(listing.slaves.map((a: Event) => a.id)).toEqual([agentId]);
      expect(listing.recovered_slaves.map((a: Event) => a.id)).toEqual([lonelyId]);
      expect(listing.recovered_slaves[0]).toMatchObject({ hostname: 'lonely', port: 5051 });

      const s = scheduler(next.url);
      const subscribed = await s.subscribe(frameworkId);
      expect(subscribed.type).toBe('SUBSCRIBED');
      expect(s.frameworkId).toBe(frameworkId);
      timings.push(`…the framework resubscribed with its id: ${electedMs + Date.now() - t1} ms`);

      const state = await getJson(`${next.url}/master/state`);
      const fw = state.frameworks.find((f: Event) => f.id === frameworkId);
      expect(fw.tasks.map((t: Event) => [t.id, t.state, t.slave_id])).toEqual([['sleeper', 'TASK_RUNNING', agentId]]);
      expect((await getJson(`${next.url}/master/tasks`)).tasks).toHaveLength(1);
      expect(state.leader).toBe(`master@127.0.0.1:${new URL(next.url).port}`);
      expect(await getJson(`${next.url}/master/weights`)).toEqual([{ role: 'dev', weight: 2.5 }]);

      const fresh = new TestScheduler(next.url, { user: 'root', name: 'newcomer' });
      c.defer(() => fresh.close());
      await fresh.subscribe();
      expect(fresh.frameworkId).toBe(`${state.id}-0000`);
      expect(fresh.frameworkId).not.toBe(frameworkId);

      const standby = c.masters.find((m) => m !== leader && m !== next)!;
      const r = await fetch(`${standby.url}/master/slaves`, { redirect: 'manual' });
      expect(r.headers.get('location')).toBe(`//127.0.0.1:${new URL(next.url).port}/master/slaves`);
      leader = next;
    });

    it('an agent that does not re-register within --agent_reregister_timeout becomes unreachable, in the registry too', async () => {
      const state = await waitFor(async () => {
        const st = await getJson(`${leader.url}/master/state`);
        return st.unreachable_slaves === 1 ? st : undefined;
      }, 'the pinned agent to become unreachable', REREGISTER + 10_000);
      expect(state.recovered_slaves).toEqual([]);
      expect(state.slaves.map((a: Event) => a.id)).toEqual([agentId]);
      const zk = await connectClient(c.zk.connectString);
      try {
        const [unreachable] = await call<[string[]]>((cb) => zk.getChildren('/mesos/registry/unreachable', cb));
        const [admitted] = await call<[string[]]>((cb) => zk.getChildren('/mesos/registry/agents', cb));
        expect([unreachable, admitted]).toEqual([[lonelyId], [agentId]]);
      } finally {
        await closeClient(zk);
      }
    }, REREGISTER + 20_000);

    it('the CLI follows through ZooKeeper, and the last standby takes over when the new leader dies too', async () => {
      const cli = await runCli(['agent', 'list', '--json', `--master=${c.zkUrl}`]);
      expect(cli.exitCode).toBe(0);
      expect(JSON.parse(cli.stdout).map((a: Event) => a.id)).toEqual([agentId]);

      const { next, electedMs, maxLeaders } = await killLeader();
      timings.push(`second kill -9 → the last master leads: ${electedMs} ms`);
      expect(maxLeaders).toBe(1);
      await waitFor(async () => (await slavesOf(next.url)).slaves.find((a: Event) => a.id === agentId && a.active), 'the agent to follow again');
      const s = scheduler(next.url);
      await s.subscribe(frameworkId);
      const state = await getJson(`${next.url}/master/state`);
      expect(state.frameworks.find((f: Event) => f.id === frameworkId).tasks.map((t: Event) => t.state)).toEqual(['TASK_RUNNING']);
      expect(state.unreachable_slaves).toBe(1);
      expect(await getJson(`${next.url}/master/weights`)).toEqual([{ role: 'dev', weight: 2.5 }]);
    });
  });
});
