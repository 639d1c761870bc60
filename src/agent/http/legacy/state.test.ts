import { describe, expect, it } from 'vitest';
import { Resources } from '../../../protocol/resources/index.js';
import { AGENT_ID, makeExecutor, makeFramework, makeTask, makeView, status } from '../fixtures.test-helpers.js';
import { DEFAULT_AGENT_CAPABILITIES, renderAgentFlags, renderAgentState } from './state.js';

const task = makeTask({
  taskId: 'web.1',
  resources: Resources.parse('cpus(ads):1;mem:256'),
  statuses: [status('web.1', 'TASK_STARTING', 10), status('web.1', 'TASK_RUNNING', 11, { healthy: true })],
});
const exec = makeExecutor({ executorId: 'web.1', directory: '/w/sandbox', tasks: new Map([['web.1', task]]) });
const fw = makeFramework({ id: 'M1-0000', executors: new Map([['web.1', exec]]) });
const view = makeView({ frameworks: new Map([['M1-0000', fw]]), flags: { work_dir: '/w', log_dir: '/var/log/mesos' } });

describe('renderAgentState', () => {
  const s = renderAgentState(view) as Record<string, any>;

  it('has every top-level key of mesos-api.md §4', () => {
    for (const key of [
      'version', 'build_date', 'build_time', 'build_user', 'start_time', 'id', 'pid', 'hostname', 'capabilities',
      'resources', 'reserved_resources', 'unreserved_resources', 'reserved_resources_full', 'unreserved_resources_full',
      'reserved_resources_allocated', 'unreserved_resources_allocated', 'attributes', 'master_hostname', 'flags',
      'frameworks', 'completed_frameworks',
    ]) expect(s, key).toHaveProperty(key);
    expect(s.id).toBe(AGENT_ID);
    expect(s.pid).toBe('slave(1)@127.0.0.1:5051');
    expect(s.log_dir).toBe('/var/log/mesos');
    expect(s.capabilities).toEqual([...DEFAULT_AGENT_CAPABILITIES]);
  });

  it('renders resources flat, split by reservation role, with v1 _full arrays', () => {
    expect(s.resources).toEqual({ cpus: 6, gpus: 0, mem: 4608, disk: 10000, ports: '[31000-32000]' });
    expect(s.reserved_resources).toEqual({ ads: { cpus: 2, gpus: 0, mem: 512, disk: 0 } });
    expect(s.unreserved_resources).toMatchObject({ cpus: 4, mem: 4096 });
    expect(s.reserved_resources_full.ads).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'cpus', type: 'SCALAR', scalar: { value: 2 } })]));
    expect(Array.isArray(s.unreserved_resources_full)).toBe(true);
  });

  it('counts the executor and its tasks as allocated', () => {
    expect(s.reserved_resources_allocated).toEqual({ ads: { cpus: 1, gpus: 0, mem: 0, disk: 0 } });
    expect(s.unreserved_resources_allocated).toMatchObject({ cpus: 0.1, mem: 288 });
  });

  it('flattens attributes', () => {
    expect(s.attributes).toEqual({ rack: 'r1', zone: 2 });
  });

  it('renders frameworks, executors and tasks with the keys strict clients index', () => {
    const f = s.frameworks[0];
    expect(f).toMatchObject({ id: 'M1-0000', name: 'fw-M1-0000', user: 'root', failover_timeout: 60, checkpoint: true, hostname: 'sched1', roles: ['dev'] });
    expect(f.completed_executors).toEqual([]);
    const e = f.executors[0];
    expect(e).toMatchObject({ id: 'web.1', source: 'web.1', container: 'c-web.1', directory: '/w/sandbox', queued_tasks: [], completed_tasks: [] });
    expect(e.resources).toMatchObject({ cpus: 1.1, mem: 288 });
    const t = e.tasks[0];
    expect(Object.keys(t)).toEqual(expect.arrayContaining(['id', 'name', 'framework_id', 'executor_id', 'slave_id', 'state', 'resources', 'statuses']));
    expect(t).toMatchObject({ id: 'web.1', executor_id: 'web.1', slave_id: AGENT_ID, state: 'TASK_RUNNING' });
    expect(t.statuses.at(-1)).toEqual({ state: 'TASK_RUNNING', timestamp: 11, healthy: true });
  });

  it('uses role for frameworks without MULTI_ROLE', () => {
    const single = makeFramework({ id: 'F2', info: { user: 'u', name: 'n', role: 'web' } });
    const out = renderAgentState(makeView({ frameworks: new Map([['F2', single]]) })) as Record<string, any>;
    expect(out.frameworks[0].role).toBe('web');
    expect(out.frameworks[0]).not.toHaveProperty('roles');
  });

  it('omits id and master before registration; slave_id is then ""', () => {
    const out = renderAgentState(makeView({ id: undefined, masterHostname: undefined, frameworks: view.frameworks })) as Record<string, any>;
    expect(out).not.toHaveProperty('id');
    expect(out).not.toHaveProperty('master_hostname');
    expect(out.frameworks[0].executors[0].tasks[0].slave_id).toBe('');
  });

  it('renders completed frameworks with their completed executors', () => {
    const done = makeFramework({ id: 'F9', completedExecutors: [makeExecutor({ executorId: 'x', directory: '/w/x', completedTasks: [makeTask({ taskId: 'x', state: 'TASK_FINISHED' })] })] });
    const out = renderAgentState(makeView({ completedFrameworks: [done] })) as Record<string, any>;
    expect(out.completed_frameworks[0].completed_executors[0].completed_tasks[0]).toMatchObject({ id: 'x', state: 'TASK_FINISHED' });
  });
});

describe('renderAgentFlags', () => {
  it('wraps the flags as strings', () => {
    expect(renderAgentFlags(view)).toEqual({ flags: { work_dir: '/w', log_dir: '/var/log/mesos' } });
  });
});
