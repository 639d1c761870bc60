/**
 * Body of `/master/state-summary` (upstream `Master::Http::stateSummary`, `TaskStateSummaries` in
 * `src/master/http.cpp`): agents and frameworks without task lists, but with per-state task counts
 * and the cross references (`framework_ids`, `slave_ids`). Dashboards poll this instead of `/state`
 * because it stays small on big clusters.
 */
import type { TaskStateName } from '../../../protocol/v1/types.js';
import type { FrameworkRecord, MasterView, TaskRecord } from '../../model.js';
import { buildLedger } from './accounting.js';
import { frameworkSummary } from './framework.js';
import { renderSlave } from './slave.js';

/** The states upstream counts, in its order; other states are folded away as upstream does. */
export const SUMMARY_STATES = [
  'TASK_STAGING',
  'TASK_STARTING',
  'TASK_RUNNING',
  'TASK_KILLING',
  'TASK_FINISHED',
  'TASK_KILLED',
  'TASK_FAILED',
  'TASK_LOST',
  'TASK_ERROR',
  'TASK_UNREACHABLE',
] as const satisfies readonly TaskStateName[];

type Counts = Record<string, number>;

function zeroCounts(): Counts {
  return Object.fromEntries(SUMMARY_STATES.map((s) => [s, 0]));
}

function allTasks(fw: FrameworkRecord): TaskRecord[] {
  return [...fw.tasks.values(), ...fw.unreachableTasks.values(), ...fw.completedTasks];
}

interface Tally {
  counts: Counts;
  peers: Set<string>;
}

function tally(map: Map<string, Tally>, key: string): Tally {
  let t = map.get(key);
  if (t === undefined) {
    t = { counts: zeroCounts(), peers: new Set() };
    map.set(key, t);
  }
  return t;
}

/** Counts live, unreachable and completed tasks of registered frameworks, by framework and by agent. */
function countTasks(view: MasterView): { byFramework: Map<string, Tally>; byAgent: Map<string, Tally> } {
  const byFramework = new Map<string, Tally>();
  const byAgent = new Map<string, Tally>();
  for (const fw of view.frameworks.values()) {
    const f = tally(byFramework, fw.id);
    for (const task of allTasks(fw)) {
      const a = tally(byAgent, task.agentId);
      if (task.state in f.counts) {
        f.counts[task.state]! += 1;
        a.counts[task.state]! += 1;
      }
      f.peers.add(task.agentId);
      a.peers.add(fw.id);
    }
  }
  return { byFramework, byAgent };
}

export function renderStateSummary(view: MasterView): Record<string, unknown> {
  const { byFramework, byAgent } = countTasks(view);
  const out: Record<string, unknown> = { hostname: view.info.hostname };
  const cluster = view.flags.cluster;
  if (cluster !== undefined && cluster !== '') out.cluster = cluster;
  const ledger = buildLedger(view);
  out.slaves = [...view.agents.values()].map((agent) => {
    const t = byAgent.get(agent.id);
    return { ...renderSlave(agent, view, ledger), ...(t?.counts ?? zeroCounts()), framework_ids: [...(t?.peers ?? [])].sort() };
  });
  out.frameworks = [...view.frameworks.values()].map((fw) => {
    const t = byFramework.get(fw.id);
    return { ...frameworkSummary(fw, view), ...(t?.counts ?? zeroCounts()), slave_ids: [...(t?.peers ?? [])].sort() };
  });
  return out;
}
