/**
 * A leader that loses ZooKeeper steps down (upstream aborts; tsmesos steps down and contends
 * again): with zookeeper-lite killed, the leader stops answering as leader within its session
 * timeout and closes its framework and operator streams, nobody else leads while ZooKeeper is
 * away, and after ZooKeeper returns exactly one master leads again. Both masters' `master/elected`
 * are polled throughout: never two at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRecordIOCall } from '../../src/lib/recordio-call.js';
import { waitFor } from '../helpers/wait.js';
import { type HaCluster, haCluster, metric, SESSION, watchLeaders } from './ha-harness.js';

let c: HaCluster;
beforeAll(async () => {
  c = await haCluster(2);
}, 60_000);
afterAll(async () => {
  await c?.cleanup();
});

describe('a ZooKeeper outage', () => {
  it('makes the leader step down at once, and one master leads again afterwards', async () => {
    const leader = await c.leader();
    const standby = c.masters.find((m) => m !== leader)!;
    const frames: unknown[] = [];
    const op = openRecordIOCall(`${leader.url}/api/v1`, { type: 'SUBSCRIBE' }, (r) => frames.push(r));
    const sched = openRecordIOCall(`${leader.url}/api/v1/scheduler`, { type: 'SUBSCRIBE', subscribe: { framework_info: { user: 'u', name: 'outage' } } }, (r) => frames.push(r));
    expect((await op.started).status).toBe(200);
    expect((await sched.started).status).toBe(200);
    c.defer(() => op.close());
    c.defer(() => sched.close());

    const watch = watchLeaders(c);
    const t0 = Date.now();
    await c.zk.crash();
    await waitFor(async () => (await metric(leader.url, 'master/elected')) === 0, 'the leader to step down', 10_000, 10);
    const stepDownMs = Date.now() - t0;
    await Promise.all([op.ended, sched.ended]);
    const closedMs = Date.now() - t0;
    expect(await metric(standby.url, 'master/elected')).toBe(0);
    const state = async (url: string) => {
      const r = await fetch(`${url}/master/state`, { redirect: 'manual' });
      return `${r.status} ${await r.text()}`;
    };
    expect(await state(leader.url)).toBe('503 No leader elected');
    // The standby redirects to the last leader it knew until its own session times out too.
    await waitFor(async () => (await state(standby.url)) === '503 No leader elected', 'the standby to know no leader');
    for (const m of [leader, standby]) expect((await fetch(`${m.url}/health`)).status).toBe(200);

    const t1 = Date.now();
    await c.zk.restart();
    const next = await c.leader(30_000);
    const backMs = Date.now() - t1;
    await waitFor(async () => (await fetch(`${c.masters.find((m) => m !== next)!.url}/master/state`, { redirect: 'manual' })).status === 307, 'the other master to redirect again');
    await watch.stop();
    console.log(
      `ZooKeeper outage (--zk_session_timeout=${SESSION}): leader stepped down after ${stepDownMs} ms, its streams were closed after ${closedMs} ms; ` +
        `a leader again ${backMs} ms after ZooKeeper restarted; ${watch.rounds} polling rounds, at most ${watch.max} leader(s) at once`,
    );
    expect(stepDownMs).toBeLessThan(4000);
    expect(watch.max).toBe(1);
    expect((await fetch(`${next.url}/master/state`)).status).toBe(200);
  }, 60_000);
});
