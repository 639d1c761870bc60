/**
 * The agent's `/metrics/snapshot` (upstream `src/slave/metrics.cpp` and libprocess `system.hpp`;
 * names per `docs/monitoring.md`). Names are exactly upstream's because alerting rules and
 * dashboards key on them. Live task and executor numbers are gauges read from the view; terminal
 * task counts and update/error totals are counters the agent keeps in `view.counters`.
 */
import { systemMetrics } from '../../lib/system-metrics.js';
import type { TaskStateName } from '../../protocol/v1/types.js';
import type { AgentView } from '../model.js';
import { agentAllocated } from './allocation.js';

const LIVE_STATES: TaskStateName[] = ['TASK_STAGING', 'TASK_STARTING', 'TASK_RUNNING', 'TASK_KILLING'];
const TERMINAL_STATES: TaskStateName[] = ['TASK_FINISHED', 'TASK_FAILED', 'TASK_KILLED', 'TASK_LOST', 'TASK_GONE', 'TASK_DROPPED', 'TASK_ERROR'];

function metricName(state: TaskStateName): string {
  return `slave/tasks_${state.slice('TASK_'.length).toLowerCase()}`;
}

function taskMetrics(view: AgentView, out: Record<string, number>): void {
  for (const s of LIVE_STATES) out[metricName(s)] = 0;
  for (const fw of view.frameworks.values()) {
    for (const e of fw.executors.values()) {
      for (const t of e.tasks.values()) {
        if (LIVE_STATES.includes(t.state)) out[metricName(t.state)] = (out[metricName(t.state)] ?? 0) + 1;
      }
    }
  }
  for (const s of TERMINAL_STATES) out[metricName(s)] = view.counters.terminalTasks[s] ?? 0;
}

/**
 * Executors in the view are running (the agent adds them once their container started) or
 * completed; the transient registering/terminating phases are not modelled, so they read 0.
 */
function executorMetrics(view: AgentView, out: Record<string, number>): void {
  let running = 0;
  let terminated = 0;
  for (const fw of view.frameworks.values()) {
    running += fw.executors.size;
    terminated += fw.completedExecutors.length;
  }
  for (const fw of view.completedFrameworks) terminated += fw.completedExecutors.length + fw.executors.size;
  out['slave/executors_registering'] = 0;
  out['slave/executors_running'] = running;
  out['slave/executors_terminating'] = 0;
  out['slave/executors_terminated'] = terminated;
  out['slave/executors_preempted'] = 0;
}

function resourceMetrics(view: AgentView, out: Record<string, number>): void {
  const used = agentAllocated(view);
  for (const name of ['cpus', 'gpus', 'mem', 'disk']) {
    const t = view.total.scalar(name);
    const u = used.scalar(name);
    out[`slave/${name}_total`] = t;
    out[`slave/${name}_used`] = u;
    out[`slave/${name}_percent`] = t > 0 ? u / t : 0;
  }
}


/** Flat name → number map: the body of `/metrics/snapshot` and the source of v1 `GET_METRICS`. */
export function renderAgentMetrics(view: AgentView, now = Date.now() / 1000): Record<string, number> {
  const c = view.counters;
  const out: Record<string, number> = {
    'slave/registered': view.registered ? 1 : 0,
    'slave/uptime_secs': Math.max(0, now - view.startTime),
    'slave/frameworks_active': view.frameworks.size,
    'slave/recovery_errors': c.recoveryErrors,
    'slave/container_launch_errors': c.containerLaunchErrors,
    'slave/valid_status_updates': c.validStatusUpdates,
    'slave/invalid_status_updates': c.invalidStatusUpdates,
  };
  taskMetrics(view, out);
  executorMetrics(view, out);
  resourceMetrics(view, out);
  systemMetrics(out);
  return out;
}
