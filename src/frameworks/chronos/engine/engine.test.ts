import { afterEach, describe, expect, it } from 'vitest';
import { Harness, offer, status } from './engine.test-helpers.js';
import { parseJobSpec } from '../job-model/metronome-json.js';
import { deleteJob, killJobRuns, markSuccess, putJob, runNow } from './job-ops.js';

const START = Date.parse('2026-03-01T12:00:00Z');
let h: Harness;
afterEach(() => h?.ce.stop());

async function withJob(body: Record<string, unknown>, endpoint: 'iso8601' | 'dependency' = 'iso8601') {
  await putJob(h.engine, h.job(body, endpoint), undefined, 'upsert');
}

describe('scheduled runs', () => {
  it('launches each ISO occurrence as a Chronos task with the upstream id, name and environment', async () => {
    h = await new Harness(START).open();
    await withJob({ name: 'tick', command: 'date', owner: 'ops@example.com', schedule: 'R/2026-03-01T12:00:10Z/PT10S', environmentVariables: [{ name: 'HOST', value: 'nope' }, { name: 'X', value: '1' }] });
    await h.advance(9_999);
    expect(h.runs('tick')).toEqual([]);
    await h.advance(1);
    expect(h.runs('tick')).toHaveLength(1);
    expect(h.driver.calls.map((c) => c.type)).toContain('REVIVE');
    await h.offers();
    const [task] = h.driver.launched();
    expect(task!.task_id.value).toBe(`ct:${START + 10_000}:0:tick:`);
    expect(task!.name).toBe('ChronosTask:tick');
    const env = Object.fromEntries((task!.command as any).environment.variables.map((v: any) => [v.name, v.value]));
    expect(env).toMatchObject({ CHRONOS_JOB_NAME: 'tick', CHRONOS_JOB_OWNER: 'ops@example.com', CHRONOS_JOB_RUN_TIME: '2026-03-01T12:00:10.000Z', CHRONOS_JOB_RUN_ATTEMPT: '0', HOST: 'node1', CHRONOS_RESOURCE_CPU: '0.1', CHRONOS_RESOURCE_MEM: '128.0', CHRONOS_RESOURCE_DISK: '256.0', X: '1' });
    // The stored schedule moved on: GET shows the next run.
    expect(h.engine.model.jobs.get('tick')!.job.schedule!.expression).toBe('R/2026-03-01T12:00:20.000Z/PT10S');
    await h.finish('tick', 'TASK_FINISHED', 'Command exited with status 0');
    const [run] = h.runs('tick');
    expect(run).toMatchObject({ status: 'success', trigger: 'schedule' });
    expect(run!.attempts[0]).toMatchObject({ exitCode: 0, agentId: 'agent-1', host: 'node1', sandbox: `http://node1:5051/files/browse?path=${encodeURIComponent(`/frameworks/fw-1/executors/${task!.task_id.value}/runs/latest`)}` });
    expect(h.engine.model.jobs.get('tick')!.stats).toMatchObject({ successCount: 1, errorCount: 0 });
    expect(h.driver.calls.filter((c) => c.type === 'ACKNOWLEDGE')).toHaveLength(2);
    await h.advance(10_000);
    expect(h.runs('tick')).toHaveLength(2);
  });

  it('counts Rn down, disables the job at R0 and never runs it again', async () => {
    h = await new Harness(START).open();
    await withJob({ name: 'twice', command: 'true', schedule: 'R2/2026-03-01T12:00:01Z/PT1S', concurrent: true });
    await h.advance(5_000);
    expect(h.runs('twice')).toHaveLength(2);
    const doc = h.engine.model.jobs.get('twice')!;
    expect(doc.job.schedule!.expression).toMatch(/^R0\//);
    expect(doc.job.disabled).toBe(true);
  });

  it('fires a cron job in its time zone', async () => {
    h = await new Harness(Date.parse('2026-03-01T00:00:00Z')).open();
    await withJob({ name: 'berlin', command: 'true', schedule: '30 2 * * *', scheduleTimeZone: 'Europe/Berlin' });
    await h.advance(Date.parse('2026-03-01T01:29:59Z') - h.clock.now());
    expect(h.runs('berlin')).toHaveLength(0);
    await h.advance(1000);
    expect(h.runs('berlin').map((r) => new Date(r.scheduledAt).toISOString())).toEqual(['2026-03-01T01:30:00.000Z']);
  });

  it('does not catch up on the occurrences a disabled cron job skipped once it is enabled again', async () => {
    h = await new Harness(START).open();
    await withJob({ name: 'paused', command: 'true', schedule: '* * * * *', disabled: true });
    await h.advance(5 * 60_000 + 30_000);
    expect(h.runs('paused')).toEqual([]);
    await withJob({ name: 'paused', command: 'true', schedule: '* * * * *' });
    await h.advance(29_999);
    expect(h.runs('paused')).toEqual([]);
    await h.advance(1);
    expect(h.runs('paused').map((r) => new Date(r.scheduledAt).toISOString())).toEqual(['2026-03-01T12:06:00.000Z']);
  });

  it('does not schedule a disabled job', async () => {
    h = await new Harness(START).open();
    await withJob({ name: 'off', command: 'true', schedule: 'R/2026-03-01T12:00:01Z/PT1S', disabled: true });
    await h.advance(5_000);
    expect(h.runs('off')).toEqual([]);
  });
});

describe('retries and concurrency', () => {
  it('retries a failing job `retries` times after --failure_retry, then records one failure', async () => {
    h = await new Harness(START).open(1000);
    await withJob({ name: 'flaky', command: 'false', schedule: 'R1//PT1H', retries: 2 });
    await h.advance(1);
    await h.offers();
    await h.finish('flaky', 'TASK_FAILED', 'Command exited with status 3');
    expect(h.runs('flaky')[0]).toMatchObject({ status: 'queued' });
    await h.offers();
    expect(h.driver.launched()).toHaveLength(1); // the retry waits out its delay
    await h.advance(1000);
    await h.offers();
    expect(h.driver.launched().map((t) => t.task_id.value.split(':')[2])).toEqual(['0', '1']);
    await h.finish('flaky', 'TASK_FAILED', 'Command exited with status 3');
    await h.advance(1000);
    await h.offers();
    await h.finish('flaky', 'TASK_FAILED', 'Command exited with status 3');
    const [run] = h.runs('flaky');
    expect(run).toMatchObject({ status: 'failure' });
    expect(run!.attempts.map((a) => [a.attempt, a.exitCode])).toEqual([[0, 3], [1, 3], [2, 3]]);
    expect(h.engine.model.jobs.get('flaky')!.stats).toMatchObject({ errorCount: 1, successCount: 0, errorsSinceLastSuccess: 1 });
  });

  it('FORBID records a skipped occurrence while a run is active; ALLOW overlaps; REPLACE kills the old run', async () => {
    h = await new Harness(START).open();
    await withJob({ name: 'f', command: 'sleep 60', schedule: 'R/2026-03-01T12:00:01Z/PT1S' });
    await withJob({ name: 'a', command: 'sleep 60', schedule: 'R/2026-03-01T12:00:01Z/PT1S', concurrent: true });
    await withJob({ name: 'r', command: 'sleep 60', schedule: 'R/2026-03-01T12:00:01Z/PT1S', concurrencyPolicy: 'REPLACE' });
    await h.advance(1000);
    await h.offers();
    await h.advance(1000);
    expect(h.runs('f').map((r) => r.status)).toEqual(['skipped', 'queued']);
    expect(h.runs('f')[0]!.message).toMatch(/still active \(concurrencyPolicy FORBID\)/);
    expect(h.runs('a').map((r) => r.status)).toEqual(['queued', 'queued']);
    const first = h.driver.launched().find((t) => t.name === 'ChronosTask:r')!.task_id.value;
    expect(h.driver.killed()).toEqual([first]);
    await h.update(status(first, 'TASK_KILLED'));
    expect(h.runs('r').find((r) => r.status === 'killed')!.message).toMatch(/replaced by a newer schedule run/);
  });
});

describe('dependencies', () => {
  it('runs a child only after its parent succeeded, and a diamond child once per workflow', async () => {
    h = await new Harness(START).open();
    await withJob({ name: 'p', command: 'true', schedule: 'R1//PT1H' });
    await withJob({ name: 'b', command: 'true', parents: ['p'] }, 'dependency');
    await withJob({ name: 'c', command: 'true', parents: ['p'] }, 'dependency');
    await withJob({ name: 'd', command: 'true', parents: ['b', 'c'] }, 'dependency');
    await h.advance(1);
    await h.offers();
    expect(h.runs('b')).toEqual([]);
    await h.finish('p', 'TASK_FAILED');
    await h.advance(3000);
    await h.offers();
    await h.finish('p', 'TASK_FINISHED');
    expect(h.runs('b').map((r) => r.trigger)).toEqual(['dependency']);
    expect(h.runs('b')[0]!.workflowId).toBe(h.runs('p')[0]!.runId);
    await h.offers();
    await h.finish('b', 'TASK_FINISHED');
    expect(h.runs('d')).toEqual([]);
    await h.finish('c', 'TASK_FINISHED');
    expect(h.runs('d')).toHaveLength(1);
  });

  it('marks a success by hand and fires the dependents', async () => {
    h = await new Harness(START).open();
    await withJob({ name: 'p', command: 'true', schedule: 'R0//PT1H' });
    await withJob({ name: 'k', command: 'true', parents: ['p'] }, 'dependency');
    expect(await markSuccess(h.engine, 'p')).toBe(true);
    expect(h.runs('k')).toHaveLength(1);
    expect(h.engine.model.jobs.get('p')!.stats.successCount).toBe(1);
  });

  it('refuses to delete a parent; deletes a job and kills its running task', async () => {
    h = await new Harness(START).open();
    await withJob({ name: 'p', command: 'sleep 9', schedule: 'R1//PT1H' });
    await withJob({ name: 'k', command: 'true', parents: ['p'] }, 'dependency');
    await expect(deleteJob(h.engine, 'p', { stopRuns: true })).rejects.toThrow(/'k' depends on it/);
    await h.advance(1);
    await h.offers();
    await deleteJob(h.engine, 'k', { stopRuns: true });
    await deleteJob(h.engine, 'p', { stopRuns: true });
    expect(h.driver.killed()).toHaveLength(1);
    expect([...h.store.data.keys()].filter((k) => !k.startsWith('framework-id'))).toEqual([]);
  });
});

describe('restart and failover', () => {
  it('coalesces occurrences missed while down into one run and never repeats one', async () => {
    h = await new Harness(START).open();
    await withJob({ name: 'every10', command: 'true', schedule: 'R/2026-03-01T12:00:10Z/PT10S', concurrent: true });
    await h.advance(10_000);
    expect(h.runs('every10')).toHaveLength(1);
    h.ce.stop(); // kill -9: nothing more happens until a leader opens the store again
    await h.clock.advance(35_000); // 12:00:45 — the occurrences at :20, :30 and :40 were missed
    await h.reopen();
    const runs = h.runs('every10');
    expect(runs.map((r) => new Date(r.scheduledAt).toISOString())).toEqual(['2026-03-01T12:00:40.000Z', '2026-03-01T12:00:10.000Z']);
    expect(runs[0]!.message).toBe('2 earlier missed occurrences coalesced into this one');
    await h.reopen();
    expect(h.runs('every10')).toHaveLength(2);
    await h.advance(5_000);
    expect(h.runs('every10').map((r) => new Date(r.scheduledAt).toISOString())[0]).toBe('2026-03-01T12:00:50.000Z');
  });

  it('skips a missed occurrence past startingDeadlineSeconds and records it', async () => {
    h = await new Harness(START).open();
    await withJob({ name: 'strict', command: 'true', schedule: '*/10 * * * *', startingDeadlineSeconds: 60 });
    h.ce.stop();
    await h.clock.advance(25 * 60_000);
    await h.reopen();
    const [run] = h.runs('strict');
    expect(run).toMatchObject({ status: 'skipped', trigger: 'schedule' });
    expect(run!.message).toMatch(/^skipped: the occurrence at 2026-03-01T12:20:00.000Z is 300s late, past startingDeadlineSeconds=60; 1 earlier missed occurrence coalesced/);
  });

  it('launches again a task whose id was stored but that the master never saw', async () => {
    h = await new Harness(START).open();
    await withJob({ name: 'once', command: 'true', schedule: 'R1//PT1H' });
    await h.advance(1);
    await h.offers();
    const [task] = h.driver.launched();
    await h.reopen();
    await h.update(status(task!.task_id.value, 'TASK_LOST', { reason: 'REASON_RECONCILIATION', source: 'SOURCE_MASTER' }));
    expect(h.runs('once')[0]).toMatchObject({ status: 'queued' });
    expect(h.runs('once')[0]!.attempts).toHaveLength(1);
    await h.offers();
    expect(h.driver.launched()).toHaveLength(1);
  });

  it('keeps a run whose task finished while we were down', async () => {
    h = await new Harness(START).open();
    await withJob({ name: 'long', command: 'sleep 5', schedule: 'R1//PT1H' });
    await h.advance(1);
    await h.offers();
    const [task] = h.driver.launched();
    await h.update(status(task!.task_id.value, 'TASK_RUNNING'));
    await h.reopen();
    expect(h.engine.model.knownTasks()).toEqual([{ task_id: { value: task!.task_id.value }, agent_id: { value: 'agent-1' } }]);
    await h.update(status(task!.task_id.value, 'TASK_FINISHED', { message: 'Command exited with status 0' }));
    expect(h.runs('long')[0]).toMatchObject({ status: 'success' });
  });
});

describe('manual runs and kills', () => {
  it('runs now with arguments, kills on request, and matches offers against resources and constraints', async () => {
    h = await new Harness(START).open();
    await withJob({ name: 'm', command: 'echo', schedule: 'R0//PT1H', mem: 512, constraints: [['rack', 'EQUALS', 'r2']] });
    const run = await runNow(h.engine, 'm', '--fast');
    expect(run).toMatchObject({ trigger: 'manual', arguments: '--fast' });
    await h.offers(offer(4, 256));
    await h.offers(offer(4, 4096));
    expect(h.driver.launched()).toEqual([]);
    expect(h.driver.calls.filter((c) => c.type === 'DECLINE')).toHaveLength(2);
    await h.offers(offer(4, 4096, { attributes: [{ name: 'rack', type: 'TEXT', text: { value: 'r2' } }] }));
    const [task] = h.driver.launched();
    expect((task!.command as any).value).toBe('echo --fast');
    expect(task!.task_id.value).toMatch(/^ct:\d+:0:m:--fast$/);
    expect(await killJobRuns(h.engine, 'm')).toBe(1);
    await h.update(status(task!.task_id.value, 'TASK_KILLED'));
    expect(h.runs('m')[0]).toMatchObject({ status: 'killed' });
  });
});

describe('deadlines and bursts', () => {
  it('kills a run past maxCompletionTime and fails a Metronome run never launched within maxLaunchDelay', async () => {
    h = await new Harness(START).open();
    await withJob({ name: 'slowpoke', command: 'sleep 600', schedule: 'R1//PT1H', maxCompletionTime: 5 });
    await h.advance(1);
    await h.offers();
    const [task] = h.driver.launched();
    await h.update(status(task!.task_id.value, 'TASK_RUNNING'));
    await h.advance(4_999);
    expect(h.driver.killed()).toEqual([]);
    await h.advance(1);
    expect(h.driver.killed()).toEqual([task!.task_id.value]);
    await h.update(status(task!.task_id.value, 'TASK_KILLED'));
    expect(h.runs('slowpoke')[0]).toMatchObject({ status: 'killed', message: 'maxCompletionTime of 5s exceeded' });

    const spec = parseJobSpec({ id: 'unplaceable', run: { cmd: 'true', cpus: 64, maxLaunchDelay: 30 } }, new Date(h.clock.now()));
    await putJob(h.engine, spec, undefined, 'create');
    await runNow(h.engine, 'unplaceable');
    await h.offers();
    await h.advance(30_000);
    expect(h.runs('unplaceable')[0]).toMatchObject({ status: 'failure', message: 'not launched within maxLaunchDelay=30s (no offer fit)' });
    expect(h.engine.model.jobs.get('unplaceable')!.stats.errorCount).toBe(1);
  });

  it('fires 2,000 jobs due at the same instant once each, with distinct run ids', async () => {
    h = await new Harness(START).open();
    for (let i = 0; i < 2000; i++) await withJob({ name: `burst-${i}`, command: 'true', schedule: i % 2 ? 'R/2026-03-01T12:00:10Z/PT1H' : '10 0 12 * * *' });
    await h.advance(10_000);
    const runs = [...h.engine.model.active.values()];
    expect(runs).toHaveLength(2000);
    expect(new Set(runs.map((r) => r.runId)).size).toBe(2000);
    expect(new Set(runs.map((r) => r.scheduledAt))).toEqual(new Set([START + 10_000]));
    expect(h.store.data.size).toBeGreaterThanOrEqual(4001); // 2,000 jobs + 2,000 runs + framework id
    await h.advance(60_000);
    expect(h.engine.model.active.size).toBe(2000);
  });
});
