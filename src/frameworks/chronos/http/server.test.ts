import { describe, expect, it } from 'vitest';
import { status } from '../engine/engine.test-helpers.js';
import { useChronosApi } from './api.test-helpers.js';

const api = useChronosApi();
const json = api.json;

describe('Chronos API', () => {
  it('creates, lists, shows, runs, kills and deletes jobs with upstream statuses', async () => {
    expect((await json('POST', '/v1/scheduler/iso8601', { name: 'a', command: 'true', schedule: 'R/2026-03-01T13:00:00Z/PT1H' })).statusCode).toBe(204);
    expect((await json('POST', '/scheduler/dependency', { name: 'b', command: 'true', parents: ['a'] })).statusCode).toBe(204);
    const jobs = (await json('GET', '/v1/scheduler/jobs')).json();
    expect(jobs.map((j: any) => [j.name, j.schedule ?? null, j.parents ?? null])).toEqual([['a', 'R/2026-03-01T13:00:00Z/PT1H', null], ['b', null, ['a']]]);
    expect((await json('GET', '/v1/scheduler/job/a')).json()).toMatchObject({ name: 'a', owner: '', disabled: false });
    expect((await json('PUT', '/v1/scheduler/job/a?arguments=x')).statusCode).toBe(204);
    expect(api.h.runs('a')[0]).toMatchObject({ trigger: 'manual', arguments: 'x' });
    expect((await json('DELETE', '/v1/scheduler/task/kill/a')).statusCode).toBe(204);
    const del = await json('DELETE', '/v1/scheduler/job/a');
    expect(del.statusCode).toBe(400);
    expect(del.json()).toEqual({ message: "job 'a' can not be deleted: job 'b' depends on it; delete or re-parent it first", status: '400 Bad Request' });
    expect((await json('DELETE', '/v1/scheduler/job/b')).statusCode).toBe(204);
    expect((await json('DELETE', '/v1/scheduler/job/a')).statusCode).toBe(204);
    const missing = await json('GET', '/v1/scheduler/job/a');
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toEqual({ message: "Job 'a' not found", status: '400 Bad Request' });
  });

  it('answers the exact stats shapes, the graph exports, search, summary and success', async () => {
    await json('POST', '/v1/scheduler/iso8601', { name: 'p', command: 'true', schedule: 'R1//PT1H' });
    await json('POST', '/v1/scheduler/dependency', { name: 'q', command: 'true', parents: ['p'] });
    const stat = await json('GET', '/v1/scheduler/job/stat/q');
    expect(stat.body).toBe('{"histogram":{"75thPercentile":0.0,"95thPercentile":0.0,"98thPercentile":0.0,"99thPercentile":0.0,"median":0.0,"mean":0.0,"count":0},"taskStatHistory":[]}');
    expect((await json('GET', '/v1/scheduler/stats/99thPercentile')).body).toBe('[{"jobNameLabel":"p","time":0.0},{"jobNameLabel":"q","time":0.0}]');
    await api.h.advance(1);
    await api.h.offers();
    const t = api.h.driver.launched()[0]!.task_id.value;
    await api.h.update(status(t, 'TASK_RUNNING'));
    await api.h.advance(2500);
    await api.h.update(status(t, 'TASK_FINISHED', { message: 'Command exited with status 0' }));
    const after = (await json('GET', '/v1/scheduler/job/stat/p')).json();
    expect(after.histogram).toEqual({ '75thPercentile': 2500, '95thPercentile': 2500, '98thPercentile': 2500, '99thPercentile': 2500, median: 2500, mean: 2500, count: 1 });
    expect(after.taskStatHistory).toEqual([{ taskId: t, jobName: 'p', slaveId: 'agent-1', startTime: '03/01/26 12:00:00', endTime: '03/01/26 12:00:02', duration: '2s', status: 'TASK_FINISHED' }]);
    expect((await json('GET', '/v1/scheduler/stats/median')).body).toBe('[{"jobNameLabel":"p","time":2.5},{"jobNameLabel":"q","time":0.0}]');
    expect((await json('GET', '/v1/scheduler/graph/csv')).body).toBe('node,p,success,idle\nnode,q,fresh,queued\nlink,p,q\n');
    expect((await json('GET', '/v1/scheduler/graph/dot')).body).toContain('1 -> 2;');
    expect((await json('GET', '/v1/scheduler/jobs/summary')).json().jobs).toEqual([
      { name: 'p', status: 'success', state: 'idle', schedule: expect.stringMatching(/^R0\//), parents: [], disabled: true },
      { name: 'q', status: 'fresh', state: 'queued', schedule: '', parents: ['p'], disabled: false, waiting: 'waiting for an offer (none looked at since it was queued)' },
    ]);
    expect((await json('GET', '/v1/scheduler/jobs/search?name=Q')).json().map((j: any) => j.name)).toEqual(['q']);
    expect((await json('GET', '/v1/scheduler/jobs/search?any=p&limit=1')).json().map((j: any) => j.name)).toEqual(['p']);
    const ok = await json('PUT', '/v1/scheduler/job/success/p');
    expect(ok.body).toBe('marked job p as successful: true');
    const hist = (await json('GET', '/v1/scheduler/job/p/history')).json();
    expect(hist.name).toBe('p');
    expect(hist.runs[0]).toMatchObject({ taskId: t, attempt: 0, trigger: 'schedule', status: 'success', exitCode: 0, state: 'TASK_FINISHED', agentId: 'agent-1', host: 'node1', frameworkId: 'fw-1' });
  });

  it('answers /ping, /metrics and /leader, 405 for a wrong method and 413 for a huge body', async () => {
    const ping = await json('GET', '/ping');
    expect([ping.statusCode, ping.body, String(ping.headers['content-type'])]).toEqual([200, 'pong', expect.stringMatching(/^text\/plain/)]);
    expect(Object.keys((await json('GET', '/metrics')).json())).toEqual(expect.arrayContaining(['version', 'gauges']));
    expect((await json('GET', '/v1/scheduler/leader')).json()).toEqual({ leader: '127.0.0.1:4400' });
    const wrong = await json('PATCH', '/v1/scheduler/jobs');
    expect([wrong.statusCode, wrong.json().status]).toEqual([405, '405 Method Not Allowed']);
    const huge = await json('POST', '/v1/scheduler/iso8601', JSON.stringify({ name: 'x', command: 'x'.repeat(2 * 1024 * 1024) }));
    expect([huge.statusCode, huge.json().status]).toEqual([413, '413 Payload Too Large']);
    const bad = await json('POST', '/v1/scheduler/iso8601', '{"name":');
    expect([bad.statusCode, bad.json().status]).toEqual([400, '400 Bad Request']);
    expect(bad.json().message).toMatch(/^Failed to parse body into JSON/);
  });
});

describe('Metronome API', () => {
  const spec = { id: 'nightly', run: { cmd: 'echo hi', mem: 64 }, schedules: [{ id: 'default', cron: '0 2 * * *', timezone: 'Europe/Berlin' }] };

  it('creates (201, 409), shows with embeds, runs, stops and deletes a job', async () => {
    const created = await json('POST', '/v1/jobs', spec);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ id: 'nightly', run: { cmd: 'echo hi', cpus: 1, mem: 64, disk: 0 }, schedules: [{ id: 'default', cron: '0 2 * * *', timezone: 'Europe/Berlin', concurrencyPolicy: 'ALLOW', enabled: true, startingDeadlineSeconds: 900 }] });
    const dup = await json('POST', '/v1/jobs', spec);
    expect([dup.statusCode, dup.json()]).toEqual([409, { message: "Job with id 'nightly' already exists" }]);
    const got = (await json('GET', '/v1/jobs/nightly?embed=schedules&embed=historySummary')).json();
    expect(got.schedules[0].nextRunAt).toBe('2026-03-02T01:00:00.000Z');
    expect(got.historySummary).toEqual({ successCount: 0, failureCount: 0, lastSuccessAt: null, lastFailureAt: null });
    const run = await json('POST', '/v1/jobs/nightly/runs', {});
    expect(run.statusCode).toBe(201);
    expect(run.json()).toMatchObject({ jobId: 'nightly', status: 'INITIAL', completedAt: null, tasks: [] });
    expect((await json('GET', '/v1/jobs/nightly/runs')).json()).toHaveLength(1);
    const busy = await json('DELETE', '/v1/jobs/nightly');
    expect([busy.statusCode, busy.json().message]).toEqual([409, 'There are active job runs. Override with stopCurrentJobRuns=true']);
    const stopped = await json('POST', `/v1/jobs/nightly/runs/${run.json().id}/actions/stop`);
    expect(stopped.json().status).toBe('FAILED');
    expect((await json('GET', `/v1/jobs/nightly/runs/${run.json().id}`)).json().status).toBe('FAILED');
    expect((await json('DELETE', '/v1/jobs/nightly')).statusCode).toBe(200);
    const gone = await json('GET', '/v1/jobs/nightly');
    expect([gone.statusCode, gone.json()]).toEqual([404, { message: "Job 'nightly' does not exist" }]);
  });

  it('manages the one schedule of a job', async () => {
    await json('POST', '/v1/jobs', { id: 'j', run: { cmd: 'true' } });
    expect((await json('GET', '/v1/jobs/j/schedules')).json()).toEqual([]);
    const c = await json('POST', '/v1/jobs/j/schedules', { id: 'every', cron: '*/5 * * * *', concurrencyPolicy: 'REPLACE' });
    expect([c.statusCode, c.json().concurrencyPolicy, c.json().nextRunAt]).toEqual([201, 'REPLACE', '2026-03-01T12:05:00.000Z']);
    const second = await json('POST', '/v1/jobs/j/schedules', { id: 'other', cron: '* * * * *' });
    expect([second.statusCode, second.json().details]).toEqual([422, [{ path: '/schedules', errors: ['Only one schedule supported at the moment'] }]]);
    expect((await json('PUT', '/v1/jobs/j/schedules/every', { cron: '0 * * * *' })).json().cron).toBe('0 * * * *');
    expect((await json('GET', '/v1/jobs/j/schedules/nope')).statusCode).toBe(404);
    expect((await json('DELETE', '/v1/jobs/j/schedules/every')).statusCode).toBe(200);
    expect((await json('GET', '/v1/jobs/j/schedules')).json()).toEqual([]);
  });

  it('answers 422 with details, 400 for bad JSON, 409 when a dependency is deleted', async () => {
    const bad = await json('POST', '/v1/jobs', { id: 'Bad_Id', run: { mem: 8 } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().message).toBe('Object is not valid');
    expect(bad.json().details.map((d: any) => d.path).sort()).toEqual(['/id', '/run', '/run/mem']);
    const notJson = await json('POST', '/v1/jobs', 'nope');
    expect([notJson.statusCode, notJson.json().message]).toEqual([400, 'Invalid JSON']);
    await json('POST', '/v1/jobs', { id: 'parent', run: { cmd: 'true' } });
    const unknownDep = await json('POST', '/v1/jobs', { id: 'child', run: { cmd: 'true' }, dependencies: [{ id: 'ghost' }] });
    expect([unknownDep.statusCode, unknownDep.json().details[0].errors[0]]).toEqual([422, "job 'child': parent job 'ghost' does not exist; create it first"]);
    await json('POST', '/v1/jobs', { id: 'child', run: { cmd: 'true' }, dependencies: [{ id: 'parent' }] });
    expect((await json('DELETE', '/v1/jobs/parent')).statusCode).toBe(409);
  });
});
