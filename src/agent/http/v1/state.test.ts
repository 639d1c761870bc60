import { describe, expect, it } from 'vitest';
import { AGENT_ID, makeExecutor, makeFramework, makeTask, makeView, status } from '../fixtures.test-helpers.js';
import { agentBody, containersBody, executorsBody, frameworksBody, stateBody, tasksBody } from './state.js';

const live = makeTask({ taskId: 't1', statuses: [status('t1', 'TASK_RUNNING', 3, { data: 'c2VjcmV0' })] });
const done = makeTask({ taskId: 't0', state: 'TASK_FINISHED' });
const exec = makeExecutor({ executorId: 't1', directory: '/w/t1', tasks: new Map([['t1', live]]), completedTasks: [done] });
const old = makeExecutor({ executorId: 'old', directory: '/w/old' });
const fw = makeFramework({ id: 'M1-0000', executors: new Map([['t1', exec]]), completedExecutors: [old] });
const gone = makeFramework({ id: 'G' });
const view = makeView({ frameworks: new Map([['M1-0000', fw]]), completedFrameworks: [gone] });

describe('agent v1 bodies', () => {
  it('GET_TASKS: live tasks launched, finished ones completed, v1 ids', () => {
    const b = tasksBody(view) as Record<string, any>;
    expect(b.launched_tasks).toHaveLength(1);
    expect(b.launched_tasks[0]).toMatchObject({
      task_id: { value: 't1' },
      framework_id: { value: 'M1-0000' },
      executor_id: { value: 't1' },
      agent_id: { value: AGENT_ID },
      state: 'TASK_RUNNING',
    });
    expect(b.launched_tasks[0].statuses[0]).not.toHaveProperty('data');
    expect(b.launched_tasks[0].resources[0]).toMatchObject({ name: 'cpus', type: 'SCALAR' });
    expect(b.completed_tasks.map((t: any) => t.task_id.value)).toEqual(['t0']);
    expect(b).toMatchObject({ pending_tasks: [], queued_tasks: [], terminated_tasks: [] });
  });

  it('GET_EXECUTORS and GET_FRAMEWORKS split live from completed', () => {
    const e = executorsBody(view) as Record<string, any>;
    expect(e.executors[0].executor_info).toMatchObject({ executor_id: { value: 't1' }, framework_id: { value: 'M1-0000' } });
    expect(e.completed_executors.map((x: any) => x.executor_info.executor_id.value)).toEqual(['old']);
    const f = frameworksBody(view) as Record<string, any>;
    expect(f.frameworks[0].framework_info).toMatchObject({ id: { value: 'M1-0000' }, user: 'root' });
    expect(f.completed_frameworks[0].framework_info.id).toEqual({ value: 'G' });
  });

  it('GET_STATE embeds the three bodies', () => {
    expect(Object.keys(stateBody(view))).toEqual(['get_tasks', 'get_executors', 'get_frameworks']);
  });

  it('GET_AGENT gives agent_info with v1 resources and raw attributes', () => {
    const a = agentBody(view) as Record<string, any>;
    expect(a.agent_info).toMatchObject({ hostname: 'agent1.example', port: 5051, id: { value: AGENT_ID } });
    expect(a.agent_info.attributes[0]).toEqual({ name: 'rack', type: 'TEXT', text: { value: 'r1' } });
    expect(agentBody(makeView({ id: undefined })).agent_info).not.toHaveProperty('id');
  });

  it('GET_CONTAINERS wraps ids and carries statistics when known', () => {
    const c = containersBody([{ executor: exec, statistics: { timestamp: 1 } }, { executor: old }]) as Record<string, any>;
    expect(c.containers[0]).toMatchObject({ container_id: { value: 'c-t1' }, executor_id: { value: 't1' }, resource_statistics: { timestamp: 1 } });
    expect(c.containers[1]).not.toHaveProperty('resource_statistics');
  });
});
