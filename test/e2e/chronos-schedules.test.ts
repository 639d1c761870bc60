/**
 * Chronos mode end to end (issue 6 proof list) on the built binaries: zookeeper-lite, a master, a
 * real agent running the jobs' shell commands, and `tsmesos chronos`: the tutorial job appending
 * lines at its schedule's times, a cron job in a time zone, a parent/child pair, retries.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Daemon } from '../helpers/daemon.js';
import { waitFor } from '../helpers/wait.js';
import { ChronosCluster, call, history, isoIn } from './chronos-harness.js';

let cluster: ChronosCluster;
let chronos: Daemon;

beforeAll(async () => {
  cluster = await new ChronosCluster().start();
  chronos = await cluster.chronos();
  await cluster.leading(chronos);
}, 60_000);
afterAll(async () => {
  await cluster?.cleanup();
});

const post = (path: string, body: unknown) => call(chronos.url, 'POST', path, body);

/** Wall-clock fields of an instant in a zone. */
function wallClock(at: Date, timeZone: string): { h: number; m: number; s: number } {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(at).map((p) => [p.type, p.value]));
  return { h: Number(parts.hour), m: Number(parts.minute), s: Number(parts.second) };
}

describe('tsmesos chronos', () => {
  it('runs the tutorial job: date >> test2.txt every 2 s, one line per occurrence, at its time', async () => {
    const start = isoIn(3000);
    const file = join(cluster.out, 'test2.txt');
    const r = await post('/v1/scheduler/iso8601', { name: 'tutorial', command: `echo "$CHRONOS_JOB_RUN_TIME $(date +%s%3N) $(date)" >> ${file}`, schedule: `R/${start}/PT2S`, owner: 'ops@example.com' });
    expect(r.status).toBe(204);
    await waitFor(() => cluster.lines('test2.txt').length >= 5, '5 lines in test2.txt', 30_000, 100);
    const rows = cluster.lines('test2.txt').map((l) => {
      const [runTime, actual] = l.split(' ');
      return { due: Date.parse(runTime!), actual: Number(actual) };
    });
    rows.forEach((row, k) => {
      expect(row.due).toBe(Date.parse(start) + 2000 * k); // every occurrence once, in order
      expect(row.actual).toBeGreaterThanOrEqual(row.due); // never early
      expect(row.actual - row.due).toBeLessThan(2000); // before the next one is due
    });
    // GET shows the next run in the rewritten schedule.
    const job = await waitFor(async () => {
      const j = (await call(chronos.url, 'GET', '/v1/scheduler/job/tutorial')).body;
      return j.successCount >= 5 ? j : undefined;
    }, 'five successes counted');
    expect(Date.parse(job.schedule.split('/')[1])).toBeGreaterThan(rows.at(-1)!.due);
    const runs = await history(chronos.url, 'tutorial');
    const done = runs.find((x) => x.status === 'success')!;
    expect(done).toMatchObject({ attempt: 0, trigger: 'schedule', exitCode: 0, state: 'TASK_FINISHED', host: '127.0.0.1' });
    expect(done.taskId).toMatch(/^ct:\d+:0:tutorial:$/);
    expect((await fetch(done.sandbox)).status).toBe(200);
    expect((await call(chronos.url, 'DELETE', '/v1/scheduler/job/tutorial')).status).toBe(204);
  });

  it('fires a seconds-first cron job at the wall-clock time of its time zone, and shows next runs in zones', async () => {
    const at = new Date(Math.ceil((Date.now() + 4000) / 1000) * 1000);
    const k = wallClock(at, 'Asia/Kathmandu'); // UTC+05:45: a wrong zone would be hours off
    const file = join(cluster.out, 'ktm.txt');
    const r = await post('/v1/scheduler/iso8601', { name: 'kathmandu', command: `echo "$CHRONOS_JOB_RUN_TIME" >> ${file}`, schedule: `${k.s} ${k.m} ${k.h} * * *`, scheduleTimeZone: 'Asia/Kathmandu' });
    expect(r.status).toBe(204);
    await waitFor(() => cluster.lines('ktm.txt').length >= 1, 'the Kathmandu job to run', 20_000, 100);
    expect(cluster.lines('ktm.txt')).toEqual([at.toISOString()]);
    const m = await post('/v1/jobs', { id: 'ny-nightly', run: { cmd: 'true', mem: 32 }, schedules: [{ id: 'nightly', cron: '30 2 * * *', timezone: 'America/New_York' }] });
    expect(m.status).toBe(201);
    const [s] = (await call(chronos.url, 'GET', '/v1/jobs/ny-nightly/schedules')).body;
    const next = new Date(s.nextRunAt);
    expect(wallClock(next, 'America/New_York')).toEqual({ h: 2, m: 30, s: 0 });
    expect(next.getTime() - Date.now()).toBeGreaterThan(0);
    expect(next.getTime() - Date.now()).toBeLessThanOrEqual(25 * 3600_000);
  });

  it('runs a child only after its parent succeeded, and not after the parent failed', async () => {
    const file = join(cluster.out, 'chain.txt');
    const orphan = await post('/v1/scheduler/dependency', { name: 'child', command: `echo child >> ${file}`, parents: ['parent'] });
    expect(orphan.status).toBe(400);
    expect(orphan.body.message).toBe("job 'child': parent job 'parent' does not exist; create it first");
    expect((await post('/v1/scheduler/iso8601', { name: 'parent', command: `sleep 1; echo parent >> ${file}`, schedule: 'R0//PT24H' })).status).toBe(204);
    expect((await post('/v1/scheduler/dependency', { name: 'child', command: `echo child >> ${file}`, parents: ['parent'] })).status).toBe(204);
    expect((await call(chronos.url, 'PUT', '/v1/scheduler/job/parent')).status).toBe(204);
    await waitFor(() => cluster.lines('chain.txt').length >= 2, 'parent then child', 20_000, 100);
    expect(cluster.lines('chain.txt')).toEqual(['parent', 'child']);
    const [p] = await history(chronos.url, 'parent');
    const [c] = await waitFor(async () => {
      const h = await history(chronos.url, 'child');
      return h[0]?.status === 'success' ? h : undefined;
    }, 'the child run recorded');
    expect(c.trigger).toBe('dependency');
    expect(Date.parse(c.startedAt)).toBeGreaterThanOrEqual(Date.parse(p.finishedAt));

    expect((await post('/v1/scheduler/iso8601', { name: 'bad-parent', command: 'exit 1', schedule: 'R0//PT24H', retries: 0 })).status).toBe(204);
    expect((await post('/v1/scheduler/dependency', { name: 'never', command: `echo never >> ${file}`, parents: ['bad-parent'] })).status).toBe(204);
    await call(chronos.url, 'PUT', '/v1/scheduler/job/bad-parent');
    // The dependents are decided in the same state change that records the parent's end.
    await waitFor(async () => (await history(chronos.url, 'bad-parent'))[0]?.status === 'failure', 'the parent to fail');
    expect(await history(chronos.url, 'never')).toEqual([]);
    const graph = (await call(chronos.url, 'GET', '/v1/scheduler/graph/csv')).text;
    expect(graph).toContain('link,parent,child\n');
    expect(graph).toContain('node,bad-parent,failure,idle\n');
  });

  it('retries a failing job `retries` times, --failure_retry apart, and counts one error', async () => {
    const file = join(cluster.out, 'flaky.txt');
    expect((await post('/v1/scheduler/iso8601', { name: 'flaky', command: `echo try >> ${file}; exit 3`, schedule: 'R0//PT24H', retries: 2 })).status).toBe(204);
    expect((await call(chronos.url, 'PUT', '/v1/scheduler/job/flaky')).status).toBe(204);
    const runs = await waitFor(async () => {
      const h = await history(chronos.url, 'flaky');
      return h.length === 3 && h[0].status === 'failure' ? h : undefined;
    }, 'three failed attempts', 30_000, 100);
    expect(runs.map((r) => [r.attempt, r.trigger, r.exitCode, r.state])).toEqual([
      [2, 'retry', 3, 'TASK_FAILED'],
      [1, 'retry', 3, 'TASK_FAILED'],
      [0, 'manual', 3, 'TASK_FAILED'],
    ]);
    expect(new Set(runs.map((r) => r.runId)).size).toBe(1);
    expect(Date.parse(runs[0].startedAt) - Date.parse(runs[1].finishedAt)).toBeGreaterThanOrEqual(1000);
    expect(cluster.lines('flaky.txt')).toEqual(['try', 'try', 'try']);
    const job = (await call(chronos.url, 'GET', '/v1/scheduler/job/flaky')).body;
    expect(job).toMatchObject({ errorCount: 1, successCount: 0, errorsSinceLastSuccess: 1 });
    expect(job.lastError).not.toBe('');
  });
});
