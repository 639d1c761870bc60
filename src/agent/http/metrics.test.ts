import { describe, expect, it } from 'vitest';
import { makeExecutor, makeFramework, makeTask, makeView, zeroCounters } from './fixtures.test-helpers.js';
import { renderAgentMetrics } from './metrics.js';

describe('renderAgentMetrics', () => {
  const tasks = new Map([
    ['a', makeTask({ taskId: 'a', state: 'TASK_RUNNING' })],
    ['b', makeTask({ taskId: 'b', state: 'TASK_STAGING' })],
  ]);
  const exec = makeExecutor({ executorId: 'e', directory: '/w/e', tasks });
  const fw = makeFramework({ id: 'F', executors: new Map([['e', exec]]), completedExecutors: [makeExecutor({ executorId: 'old', directory: '/w/o' })] });
  const counters = { ...zeroCounters(), terminalTasks: { TASK_FINISHED: 3, TASK_FAILED: 1 }, validStatusUpdates: 7, containerLaunchErrors: 2 };
  const m = renderAgentMetrics(makeView({ frameworks: new Map([['F', fw]]), counters, startTime: 100 }), 160);

  it('has the upstream names the brief and dashboards rely on', () => {
    for (const name of [
      'slave/registered', 'slave/uptime_secs', 'slave/frameworks_active', 'slave/recovery_errors', 'slave/container_launch_errors',
      'slave/valid_status_updates', 'slave/invalid_status_updates', 'system/cpus_total', 'system/mem_total_bytes',
      ...['cpus', 'mem', 'disk', 'gpus'].flatMap((r) => ['total', 'used', 'percent'].map((k) => `slave/${r}_${k}`)),
      ...['staging', 'starting', 'running', 'killing', 'finished', 'failed', 'killed', 'lost'].map((s) => `slave/tasks_${s}`),
      ...['registering', 'running', 'terminating', 'terminated'].map((s) => `slave/executors_${s}`),
    ]) expect(typeof m[name], name).toBe('number');
  });

  it('counts live tasks as gauges and terminal ones from the counters', () => {
    expect(m['slave/tasks_running']).toBe(1);
    expect(m['slave/tasks_staging']).toBe(1);
    expect(m['slave/tasks_finished']).toBe(3);
    expect(m['slave/tasks_failed']).toBe(1);
    expect(m['slave/tasks_killed']).toBe(0);
  });

  it('reports resources, executors, uptime and counters', () => {
    expect(m['slave/cpus_total']).toBe(6);
    expect(m['slave/cpus_used']).toBeCloseTo(1.1);
    expect(m['slave/mem_used']).toBe(288);
    expect(m['slave/mem_percent']).toBeCloseTo(288 / 4608);
    expect(m['slave/gpus_percent']).toBe(0);
    expect(m['slave/executors_running']).toBe(1);
    expect(m['slave/executors_terminated']).toBe(1);
    expect(m['slave/uptime_secs']).toBe(60);
    expect(m['slave/registered']).toBe(1);
    expect(m['slave/frameworks_active']).toBe(1);
    expect(m['slave/valid_status_updates']).toBe(7);
    expect(m['slave/container_launch_errors']).toBe(2);
  });
});
