/**
 * Resource accounting behind the agent's `/state` resource keys and `slave/*_used` metrics
 * (upstream `Executor::allocatedResources()` and the `reserved_resources*` writers in
 * `src/slave/http.cpp`): what each executor holds, what the agent has handed out, split by the
 * reservation role dashboards group on.
 */
import { Resources } from '../../protocol/resources/index.js';
import type { AgentExecutor, AgentView } from '../model.js';

/** An executor's own resources plus those of its live tasks: what it holds on this agent. */
export function executorAllocated(exec: AgentExecutor): Resources {
  let out = exec.resources;
  for (const t of exec.tasks.values()) out = out.add(t.resources);
  return out;
}

/** Everything held by live executors of live frameworks. */
export function agentAllocated(view: AgentView): Resources {
  let out = Resources.empty();
  for (const fw of view.frameworks.values()) {
    for (const e of fw.executors.values()) out = out.add(executorAllocated(e));
  }
  return out;
}

/** Reservation roles present in `r` (never `*`), in first-seen order. */
function reservedRoles(r: Resources): string[] {
  const roles: string[] = [];
  for (const item of r.items()) if (item.role !== '*' && !roles.includes(item.role)) roles.push(item.role);
  return roles;
}

/** `{role: render(reserved for role)}` — the shape of `reserved_resources` and friends. */
export function byReservationRole<T>(r: Resources, render: (x: Resources) => T): Record<string, T> {
  const out: Record<string, T> = {};
  for (const role of reservedRoles(r)) out[role] = render(r.reserved(role));
  return out;
}
