import { describe, expect, it } from 'vitest';
import { parseDockerInfo } from '../../../agent/containerizer/docker-info.js';
import { parseChronosJob } from '../job-model/chronos-json.js';
import { parseJobSpec } from '../job-model/metronome-json.js';
import { meetsConstraints, type OfferV1 } from './offer-match.js';
import { chronosTaskId, exitCodeOf, jobOfTaskId, newRun, newRunId } from './run.js';
import { applyStatus } from './status.js';
import { buildTask, containerInfo } from './task-builder.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const offer: OfferV1 = {
  id: { value: 'o1' },
  agent_id: { value: 'a1' },
  hostname: 'node7',
  resources: [
    { name: 'cpus', type: 'SCALAR', scalar: { value: 2 }, role: '*', allocation_info: { role: '*' } },
    { name: 'mem', type: 'SCALAR', scalar: { value: 1024 }, role: '*', allocation_info: { role: '*' } },
  ],
  attributes: [
    { name: 'rack', type: 'TEXT', text: { value: 'r1' } },
    { name: 'zones', type: 'SET', set: { item: ['a', 'b'] } },
  ],
};

describe('task ids and run ids', () => {
  it('use the Chronos task id and Metronome run id forms', () => {
    expect(chronosTaskId(1700000000000, 2, 'my.job', '--x')).toBe('ct:1700000000000:2:my.job:--x');
    expect(jobOfTaskId('ct:1700000000000:2:my.job:--x')).toBe('my.job');
    expect(jobOfTaskId('web.123')).toBeUndefined();
    const ids = new Set(Array.from({ length: 20_000 }, () => newRunId(NOW.getTime())));
    expect(ids.size).toBe(20_000);
    expect([...ids][0]).toMatch(/^20260301120000[A-Z0-9]{5}$/);
  });
  it('read the exit code from the agent message', () => {
    expect(exitCodeOf('Command exited with status 3', 'TASK_FAILED')).toBe(3);
    expect(exitCodeOf(undefined, 'TASK_FINISHED')).toBe(0);
    expect(exitCodeOf('Command terminated with signal Killed', 'TASK_KILLED')).toBeNull();
  });
});

describe('constraints', () => {
  it('EQUALS, LIKE, UNLIKE on text, set and the synthetic hostname', () => {
    const c = (attribute: string, operator: 'EQUALS' | 'LIKE' | 'UNLIKE', value: string) => meetsConstraints(offer, [{ attribute, operator, value }]);
    expect(c('rack', 'EQUALS', 'r1')).toBe(true);
    expect(c('rack', 'EQUALS', 'r2')).toBe(false);
    expect(c('hostname', 'LIKE', 'node[0-9]')).toBe(true);
    expect(c('hostname', 'LIKE', 'node')).toBe(false); // a full match, as upstream
    expect(c('zones', 'LIKE', 'b')).toBe(true);
    expect(c('zones', 'UNLIKE', 'b')).toBe(false);
    expect(c('missing', 'UNLIKE', 'x')).toBe(true);
    expect(c('missing', 'EQUALS', 'x')).toBe(false);
  });
});

describe('buildTask', () => {
  it('passes a Chronos DOCKER container through as the agent reads ContainerInfo', () => {
    const { job } = parseChronosJob({ name: 'd', command: 'echo hi', container: { type: 'DOCKER', image: 'busybox:1', network: 'BRIDGE', forcePullImage: true, volumes: [{ containerPath: '/data', hostPath: '/srv', mode: 'RO' }], parameters: [{ key: 'env', value: 'A=1' }] } }, 'iso8601', NOW);
    const info = parseDockerInfo(containerInfo(job.container!));
    expect(info).toMatchObject({ image: 'busybox:1', network: 'BRIDGE', forcePullImage: true, parameters: [{ key: 'env', value: 'A=1' }], volumes: [{ containerPath: '/data', hostPath: '/srv', readOnly: true }] });
  });
  it('builds a Metronome job with a MESOS container, argv, kill grace and the offer resource metadata', () => {
    const job = parseJobSpec({ id: 'm', run: { args: ['/bin/echo', 'x'], ucr: { image: { id: 'alpine' } }, cpus: 0.5, mem: 64, taskKillGracePeriodSeconds: 3 } }, NOW);
    const run = newRun('m', 'manual', NOW.getTime(), NOW.getTime());
    const task = buildTask(job, run, run.attempts[0]!, 'ct:1:0:m:', offer);
    expect(task.container).toEqual({ type: 'MESOS', mesos: { image: { type: 'DOCKER', docker: { name: 'alpine' }, cached: true } }, volumes: [] });
    expect(task.command).toMatchObject({ shell: false, arguments: ['/bin/echo', 'x'] });
    expect(task.kill_policy).toEqual({ grace_period: { nanoseconds: 3e9 } });
    expect(task.resources).toEqual([
      { name: 'cpus', type: 'SCALAR', scalar: { value: 0.5 }, role: '*', allocation_info: { role: '*' } },
      { name: 'mem', type: 'SCALAR', scalar: { value: 64 }, role: '*', allocation_info: { role: '*' } },
    ]);
  });
});

describe('applyStatus', () => {
  const base = () => {
    const run = newRun('j', 'schedule', 0, 0);
    run.attempts[0] = { ...run.attempts[0]!, taskId: 't0', launchedAt: 1 };
    return run;
  };
  const ctx = { retry: { max: 1 }, failureRetryMs: 500, now: 10 };
  it('ignores updates for other tasks and repeated states', () => {
    expect(applyStatus(base(), { task_id: { value: 'other' }, state: 'TASK_RUNNING' }, ctx).kind).toBe('ignore');
  });
  it('retries with a delay, then fails for good; a kill we asked for ends the run as killed', () => {
    const r1 = applyStatus(base(), { task_id: { value: 't0' }, state: 'TASK_FAILED', message: 'Command exited with status 2' }, ctx);
    expect(r1.kind).toBe('retry');
    const next = (r1 as { run: ReturnType<typeof base> }).run;
    expect(next.attempts[1]).toMatchObject({ attempt: 1, notBefore: 510 });
    next.attempts[1]!.taskId = 't1';
    const r2 = applyStatus(next, { task_id: { value: 't1' }, state: 'TASK_LOST' }, ctx);
    expect(r2).toMatchObject({ kind: 'done', success: false, run: { status: 'failure' } });
    const k = applyStatus({ ...base(), killing: 'replaced' }, { task_id: { value: 't0' }, state: 'TASK_KILLED' }, ctx);
    expect(k).toMatchObject({ kind: 'done', run: { status: 'killed', message: 'replaced' } });
  });
  it('retries ON_FAILURE until the active deadline', () => {
    const r = applyStatus(base(), { task_id: { value: 't0' }, state: 'TASK_FAILED' }, { retry: { deadlineSeconds: 1 }, failureRetryMs: 500, now: 400 });
    expect(r.kind).toBe('retry');
    const late = applyStatus(base(), { task_id: { value: 't0' }, state: 'TASK_FAILED' }, { retry: { deadlineSeconds: 1 }, failureRetryMs: 500, now: 600 });
    expect(late.kind).toBe('done');
  });
});
