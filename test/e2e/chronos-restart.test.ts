/**
 * Chronos mode across crashes (issue 6: "kill -9 of Chronos mode between occurrences loses and
 * duplicates nothing"): the built `tsmesos chronos` is SIGKILLed and started again with the same
 * --zk, or a standby with the same --zk takes over; every occurrence of the schedule runs exactly
 * once (or is reported as coalesced into a later run), and a task running during the crash is
 * reconciled and recorded once.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Daemon } from '../helpers/daemon.js';
import { waitFor } from '../helpers/wait.js';
import { ChronosCluster, call, history, isoIn } from './chronos-harness.js';

let cluster: ChronosCluster;

beforeEach(async () => {
  cluster = await new ChronosCluster().start();
}, 60_000);
afterEach(async () => {
  await cluster?.cleanup();
});

function kill9(d: Daemon): Promise<unknown> {
  d.proc.kill('SIGKILL');
  return d.proc;
}

/** Occurrences the history reports as folded into a later run. */
function coalesced(runs: Array<{ message: string | null }>): number {
  return runs.reduce((n, r) => n + Number(/^(\d+) earlier missed occurrences? coalesced/.exec(r.message ?? '')?.[1] ?? 0), 0);
}

describe('tsmesos chronos under kill -9', () => {
  it('restarted with the same --zk, loses and repeats no occurrence', async () => {
    const first = await cluster.chronos();
    await cluster.leading(first);
    const start = isoIn(2000);
    const period = 3000;
    const file = join(cluster.out, 'beat.txt');
    const r = await call(first.url, 'POST', '/v1/scheduler/iso8601', { name: 'beat', command: `echo "$CHRONOS_JOB_RUN_TIME" >> ${file}`, schedule: `R/${start}/PT3S` });
    expect(r.status).toBe(204);
    // Between occurrences: the second run is recorded as finished, the third is not due yet.
    await waitFor(async () => (await history(first.url, 'beat')).filter((x) => x.status === 'success').length >= 2, 'two finished runs', 20_000, 50);
    const before = cluster.lines('beat.txt');
    await kill9(first);
    const second = await cluster.chronos();
    await cluster.leading(second);
    await waitFor(() => cluster.lines('beat.txt').length >= before.length + 3, 'three more runs after the restart', 30_000, 100);
    await waitFor(async () => (await history(second.url, 'beat'))[0]?.status === 'success', 'the newest run recorded');
    const runs = await history(second.url, 'beat');
    await second.stop();

    const times = cluster.lines('beat.txt').map((l) => Date.parse(l));
    expect(new Set(times).size).toBe(times.length); // nothing ran twice
    for (const t of times) expect((t - Date.parse(start)) % period).toBe(0);
    const span = (times.at(-1)! - times[0]!) / period + 1;
    expect(times.length + coalesced(runs)).toBe(span); // every occurrence ran or was folded into a run
    expect(runs.filter((x) => x.status === 'success').map((x) => Date.parse(x.scheduledAt)).sort()).toEqual([...times].sort());
  });

  it('a standby with the same --zk takes over, proxies meanwhile, and records a task that ran through the crash once', async () => {
    const leader = await cluster.chronos();
    await cluster.leading(leader);
    const standby = await cluster.chronos();
    const leaderAddr = (await call(leader.url, 'GET', '/v1/scheduler/leader')).body.leader;
    await waitFor(async () => (await call(standby.url, 'GET', '/v1/scheduler/leader')).body?.leader === leaderAddr, 'the standby to see the leader');
    const file = join(cluster.out, 'slow.txt');
    // The standby forwards the API to the leader.
    const made = await call(standby.url, 'POST', '/v1/scheduler/iso8601', { name: 'slow', command: `sleep 3; echo "$CHRONOS_JOB_RUN_TIME" >> ${file}`, schedule: 'R0//PT24H' });
    expect(made.status).toBe(204);
    expect((await call(standby.url, 'GET', '/v1/scheduler/jobs')).body.map((j: { name: string }) => j.name)).toEqual(['slow']);
    expect((await call(standby.url, 'GET', '/info')).body.elected).toBe(false);
    expect((await call(standby.url, 'PUT', '/v1/scheduler/job/slow')).status).toBe(204);
    await waitFor(async () => (await history(leader.url, 'slow'))[0]?.state === 'TASK_RUNNING', 'the task to run', 20_000, 50);
    await kill9(leader);
    await cluster.leading(standby);
    const [run] = await waitFor(async () => {
      const h = await history(standby.url, 'slow');
      return h[0]?.status === 'success' ? h : undefined;
    }, 'the run to finish under the new leader', 30_000, 100);
    expect(run).toMatchObject({ attempt: 0, trigger: 'manual', exitCode: 0, state: 'TASK_FINISHED' });
    expect(await history(standby.url, 'slow')).toHaveLength(1);
    expect(cluster.lines('slow.txt')).toHaveLength(1);
    expect((await call(standby.url, 'GET', '/v1/scheduler/job/slow')).body.successCount).toBe(1);
  });
});
