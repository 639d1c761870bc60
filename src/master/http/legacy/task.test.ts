import { describe, expect, it } from 'vitest';
import { Resources } from '../../../protocol/resources/index.js';
import { makeTask, makeView, makeFramework, status } from './fixtures.test-helpers.js';
import { sampleView } from './sample-cluster.test-helpers.js';
import { renderTask } from './task.js';

/** Keys the `mesos` CLI and dashboards index without checking (compat-rules.md §1). */
const REQUIRED = ['id', 'name', 'framework_id', 'executor_id', 'slave_id', 'state', 'resources', 'role', 'statuses'];

describe('renderTask', () => {
  it('always carries every key strict clients index, with executor_id "" for command tasks', () => {
    const out = renderTask(makeTask({ taskId: 't1' }));
    for (const key of REQUIRED) expect(out, key).toHaveProperty(key);
    expect(out).toMatchObject({
      id: 't1',
      name: 'name-t1',
      framework_id: 'M-0000',
      executor_id: '',
      slave_id: 'M-S0',
      state: 'TASK_RUNNING',
      role: 'dev',
      resources: { cpus: 0.5, gpus: 0, mem: 128, disk: 0 },
    });
  });

  it('reports the executor id of tasks run by an executor', () => {
    expect(renderTask(makeTask({ taskId: 't1', executorId: 'e1' })).executor_id).toBe('e1');
  });

  it('every task in a whole cluster render has the required keys', () => {
    const view = sampleView();
    const all = [...view.frameworks.values(), ...view.completedFrameworks].flatMap((f) => [
      ...f.tasks.values(),
      ...f.unreachableTasks.values(),
      ...f.completedTasks,
    ]);
    expect(all.length).toBe(5);
    for (const t of all) for (const key of REQUIRED) expect(renderTask(t, view)).toHaveProperty(key);
  });

  it('flattens resources, ranges included', () => {
    const out = renderTask(makeTask({ taskId: 't1', resources: Resources.parse('cpus:1;mem:64;ports:[31000-31001,31005-31005]') }));
    expect(out.resources).toEqual({ cpus: 1, gpus: 0, mem: 64, disk: 0, ports: '[31000-31001, 31005-31005]' });
  });

  it('renders statuses with only the model keys, oldest first, float-second timestamps', () => {
    const out = renderTask(
      makeTask({
        taskId: 't1',
        statuses: [
          status('t1', 'TASK_STARTING', 10.25, { uuid: 'AAAA', message: 'm', data: 'ZGF0YQ==' }),
          status('t1', 'TASK_RUNNING', 11.5, {
            healthy: true,
            labels: { labels: [{ key: 'a', value: 'b' }] },
            container_status: { container_id: { value: 'c1' } },
          }),
        ],
      }),
    );
    expect(out.statuses).toEqual([
      { state: 'TASK_STARTING', timestamp: 10.25 },
      { state: 'TASK_RUNNING', timestamp: 11.5, healthy: true, labels: [{ key: 'a', value: 'b' }], container_status: { container_id: { value: 'c1' } } },
    ]);
  });

  it('passes container, discovery and health_check through and flattens labels to an array', () => {
    const t = makeTask({ taskId: 't1' });
    t.info.container = { type: 'DOCKER', docker: { image: 'nginx' } };
    t.info.discovery = { visibility: 'FRAMEWORK', name: 'web' };
    t.info.health_check = { type: 'HTTP', http: { port: 80 } };
    t.info.labels = { labels: [{ key: 'app', value: 'web' }, { key: 'bare' }] };
    const out = renderTask(t);
    expect(out.container).toEqual({ type: 'DOCKER', docker: { image: 'nginx' } });
    expect(out.discovery).toEqual({ visibility: 'FRAMEWORK', name: 'web' });
    expect(out.health_check).toEqual({ type: 'HTTP', http: { port: 80 } });
    expect(out.labels).toEqual([{ key: 'app', value: 'web' }, { key: 'bare' }]);
  });

  it('omits optional keys that are absent', () => {
    const out = renderTask(makeTask({ taskId: 't1' }));
    for (const key of ['labels', 'discovery', 'container', 'health_check', 'user', 'limits']) expect(out).not.toHaveProperty(key);
  });

  it('takes the user from the command, else from the framework', () => {
    const t = makeTask({ taskId: 't1' });
    const view = makeView({ frameworks: [makeFramework({ id: 'M-0000' })] });
    expect(renderTask(t, view).user).toBe('root');
    t.info.command = { value: 'x', user: 'nobody' };
    expect(renderTask(t, view).user).toBe('nobody');
  });
});
