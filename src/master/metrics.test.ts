import { describe, expect, it } from 'vitest';
import { makeView } from './http/legacy/fixtures.test-helpers.js';
import { sampleView } from './http/legacy/sample-cluster.test-helpers.js';
import { renderMetrics } from './metrics.js';

describe('renderMetrics', () => {
  const view = sampleView();
  view.counters.slaveRegistrations = 3;
  view.counters.slaveReregistrations = 1;
  view.counters.slaveRemovals = 2;
  view.counters.validStatusUpdates = 7;
  view.counters.invalidStatusUpdates = 1;
  view.counters.allocationRuns = 9;
  view.counters.terminalTasks = { TASK_FINISHED: 4, TASK_LOST: 1 };
  view.counters.calls = { ACCEPT: 5, DECLINE: 2, SUBSCRIBE: 1, UNKNOWN_THING: 3 };
  const m = renderMetrics(view, { now: 560, eventQueue: 4 });

  it('reports leadership and uptime', () => {
    expect(m['master/elected']).toBe(1);
    expect(m['master/uptime_secs']).toBe(60);
    expect(renderMetrics(makeView({ elected: false }), { now: 0 })['master/elected']).toBe(0);
  });

  it('counts agents and frameworks by liveness', () => {
    expect(m).toMatchObject({
      'master/slaves_active': 1,
      'master/slaves_inactive': 1,
      'master/slaves_connected': 1,
      'master/slaves_disconnected': 1,
      'master/slaves_unreachable': 1,
      'master/slave_registrations': 3,
      'master/slave_reregistrations': 1,
      'master/slave_removals': 2,
      'master/frameworks_active': 1,
      'master/frameworks_inactive': 1,
      'master/frameworks_connected': 1,
      'master/frameworks_disconnected': 1,
    });
  });

  it('gauges live task states and counts terminal ones from the counters', () => {
    expect(m).toMatchObject({
      'master/tasks_staging': 1,
      'master/tasks_starting': 0,
      'master/tasks_running': 1,
      'master/tasks_killing': 0,
      'master/tasks_unreachable': 1,
      'master/tasks_finished': 4,
      'master/tasks_lost': 1,
      'master/tasks_failed': 0,
      'master/tasks_killed': 0,
      'master/tasks_error': 0,
      'master/tasks_dropped': 0,
      'master/tasks_gone': 0,
      'master/tasks_gone_by_operator': 0,
    });
  });

  it('sums agent resources into totals, used and percent', () => {
    // Totals: S0 cpus 6 / mem 4608 / disk 10000, S1 cpus 4 / mem 4096 / disk 10000.
    expect(m['master/cpus_total']).toBe(10);
    expect(m['master/cpus_used']).toBeCloseTo(1.6);
    expect(m['master/cpus_percent']).toBeCloseTo(0.16);
    expect(m['master/mem_total']).toBe(8704);
    expect(m['master/mem_used']).toBe(416);
    expect(m['master/disk_total']).toBe(20000);
    expect(m['master/gpus_total']).toBe(0);
    expect(m['master/gpus_percent']).toBe(0);
    expect(m['allocator/mesos/resources/cpus/total']).toBe(10);
    expect(m['allocator/mesos/resources/cpus/offered_or_allocated']).toBeCloseTo(2.6);
    expect(m['allocator/mesos/resources/mem/offered_or_allocated']).toBe(672);
  });

  it('reports offers, status updates, subscribers, queue and allocator counters', () => {
    expect(m).toMatchObject({
      'master/outstanding_offers': 1,
      'master/valid_status_updates': 7,
      'master/invalid_status_updates': 1,
      'master/operator_event_stream_subscribers': 0,
      'master/event_queue_messages': 4,
      'allocator/mesos/allocation_runs': 9,
      'registrar/registry_size_bytes': 0,
    });
    expect(renderMetrics(view, { allocationRuns: 42 })['allocator/mesos/allocation_runs']).toBe(42);
  });

  it('maps call counters to upstream message names and keeps the standard ones at 0', () => {
    expect(m['master/messages_launch_tasks']).toBe(5);
    expect(m['master/messages_decline_offers']).toBe(2);
    expect(m['master/messages_register_framework']).toBe(1);
    expect(m['master/messages_unknown_thing']).toBe(3);
    expect(m['master/messages_kill_task']).toBe(0);
  });

  it('reports host system metrics', () => {
    expect(m['system/cpus_total']).toBeGreaterThan(0);
    expect(m['system/mem_total_bytes']).toBeGreaterThan(0);
    for (const k of ['system/load_1min', 'system/load_5min', 'system/load_15min', 'system/mem_free_bytes']) expect(m).toHaveProperty(k);
  });

  it('every value is a finite number', () => {
    for (const [k, v] of Object.entries(m)) expect(Number.isFinite(v), k).toBe(true);
    for (const v of Object.values(renderMetrics(makeView()))) expect(Number.isFinite(v)).toBe(true);
  });
});
