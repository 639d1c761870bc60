/**
 * The master's `/metrics/snapshot` numbers (upstream `src/master/metrics.cpp`,
 * `src/master/allocator/mesos/metrics.cpp`, libprocess `system.hpp`; names per `docs/monitoring.md`).
 * Gauges are computed from the view on every call; counters come from `view.counters`. Names are
 * kept exactly upstream's because alerting rules and dashboards key on them.
 */
import { systemMetrics } from '../lib/system-metrics.js';
import type { TaskStateName } from '../protocol/v1/types.js';
import type { Resources } from '../protocol/resources/index.js';
import { agentOffered, agentUsed, buildLedger, sum } from './http/legacy/accounting.js';
import type { MasterView } from './model.js';

export interface MetricsExtra {
  /** Allocator passes; overrides `view.counters.allocationRuns` when the allocator keeps its own. */
  allocationRuns?: number;
  /** Messages waiting in the master's event queue. */
  eventQueue?: number;
  /** Float seconds "now" for `uptime_secs`; tests pin it. */
  now?: number;
}

/** Live states are gauges of current tasks; the rest are cumulative counters. */
const LIVE_STATES: TaskStateName[] = ['TASK_STAGING', 'TASK_STARTING', 'TASK_RUNNING', 'TASK_KILLING'];
const TERMINAL_STATES: TaskStateName[] = [
  'TASK_FINISHED',
  'TASK_FAILED',
  'TASK_KILLED',
  'TASK_LOST',
  'TASK_ERROR',
  'TASK_DROPPED',
  'TASK_GONE',
  'TASK_GONE_BY_OPERATOR',
];

/** v1 scheduler/agent call types → upstream's message counter names (which predate v1). */
const MESSAGE_NAMES: Record<string, string> = {
  SUBSCRIBE: 'register_framework',
  TEARDOWN: 'unregister_framework',
  ACCEPT: 'launch_tasks',
  DECLINE: 'decline_offers',
  REVIVE: 'revive_offers',
  SUPPRESS: 'suppress_offers',
  KILL: 'kill_task',
  SHUTDOWN: 'shutdown_executor',
  ACKNOWLEDGE: 'status_update_acknowledgement',
  RECONCILE: 'reconcile_tasks',
  MESSAGE: 'framework_to_executor',
  REQUEST: 'resource_request',
  UPDATE: 'status_update',
  UPDATE_FRAMEWORK: 'update_framework',
  REGISTER_AGENT: 'register_slave',
  REREGISTER_AGENT: 'reregister_slave',
  UNREGISTER_AGENT: 'unregister_slave',
};

function metricName(state: TaskStateName): string {
  return `master/tasks_${state.slice('TASK_'.length).toLowerCase()}`;
}

function percent(used: number, total: number): number {
  return total > 0 ? used / total : 0;
}

function taskMetrics(view: MasterView, out: Record<string, number>): void {
  for (const s of LIVE_STATES) out[metricName(s)] = 0;
  let unreachable = 0;
  for (const fw of view.frameworks.values()) {
    for (const task of fw.tasks.values()) {
      const name = metricName(task.state);
      if (LIVE_STATES.includes(task.state)) out[name] = (out[name] ?? 0) + 1;
    }
    unreachable += fw.unreachableTasks.size;
  }
  out['master/tasks_unreachable'] = unreachable;
  for (const s of TERMINAL_STATES) out[metricName(s)] = view.counters.terminalTasks[s] ?? 0;
}

function resourceMetrics(view: MasterView, out: Record<string, number>): void {
  const agents = [...view.agents.values()];
  const total = sum(agents.map((a) => a.total));
  const ledger = buildLedger(view);
  const used = sum(agents.map((a) => agentUsed(view, a, ledger)));
  const offered = sum(agents.map((a) => agentOffered(view, a.id, ledger)));
  const held: Resources = used.add(offered);
  for (const name of ['cpus', 'gpus', 'mem', 'disk']) {
    const t = total.scalar(name);
    const u = used.scalar(name);
    out[`master/${name}_total`] = t;
    out[`master/${name}_used`] = u;
    out[`master/${name}_percent`] = percent(u, t);
  }
  for (const name of ['cpus', 'mem', 'disk']) {
    out[`allocator/mesos/resources/${name}/total`] = total.scalar(name);
    out[`allocator/mesos/resources/${name}/offered_or_allocated`] = held.scalar(name);
  }
}

function messageMetrics(view: MasterView, out: Record<string, number>): void {
  for (const name of Object.values(MESSAGE_NAMES)) out[`master/messages_${name}`] = 0;
  for (const [call, count] of Object.entries(view.counters.calls)) {
    const key = `master/messages_${MESSAGE_NAMES[call] ?? call.toLowerCase()}`;
    out[key] = (out[key] ?? 0) + count;
  }
}


/** Flat name → number map, the body of `/metrics/snapshot` and the source of v1 `GET_METRICS`. */
export function renderMetrics(view: MasterView, extra: MetricsExtra = {}): Record<string, number> {
  const now = extra.now ?? Date.now() / 1000;
  const agents = [...view.agents.values()];
  const frameworks = [...view.frameworks.values()];
  const c = view.counters;
  const out: Record<string, number> = {
    'master/elected': view.elected ? 1 : 0,
    'master/uptime_secs': Math.max(0, now - view.startTime),
    'master/slaves_active': agents.filter((a) => a.active).length,
    'master/slaves_inactive': agents.filter((a) => !a.active).length,
    'master/slaves_connected': agents.filter((a) => a.connected).length,
    'master/slaves_disconnected': agents.filter((a) => !a.connected).length,
    'master/slaves_unreachable': view.unreachableAgents.size,
    'master/slave_registrations': c.slaveRegistrations,
    'master/slave_reregistrations': c.slaveReregistrations,
    'master/slave_removals': c.slaveRemovals,
    'master/frameworks_active': frameworks.filter((f) => f.active).length,
    'master/frameworks_inactive': frameworks.filter((f) => !f.active).length,
    'master/frameworks_connected': frameworks.filter((f) => f.connected).length,
    'master/frameworks_disconnected': frameworks.filter((f) => !f.connected).length,
    'master/outstanding_offers': view.offers.size,
    'master/valid_status_updates': c.validStatusUpdates,
    'master/invalid_status_updates': c.invalidStatusUpdates,
    'master/operator_event_stream_subscribers': view.operatorSubscribers,
    'master/event_queue_messages': extra.eventQueue ?? 0,
    'master/event_queue_dispatches': 0,
    'master/event_queue_http_requests': 0,
    'master/dropped_messages': 0,
    'allocator/mesos/allocation_runs': extra.allocationRuns ?? c.allocationRuns,
    'registrar/registry_size_bytes': 0,
    'registrar/state_fetch_ms': 0,
    'registrar/state_store_ms': 0,
  };
  taskMetrics(view, out);
  resourceMetrics(view, out);
  messageMetrics(view, out);
  systemMetrics(out);
  return out;
}
