/**
 * Body of the agent's `/state` (`/slave(1)/state`; upstream `Http::state` in `src/slave/http.cpp`):
 * build and identity fields, total/reserved/allocated resources in the legacy flat form (and the
 * `_full` v1 arrays), attributes, the master, flags, and every framework with its executors.
 * Keys per mesos-api.md §4 "Agent `/state` keys".
 */
import { flattenAttributes } from '../../../master/http/legacy/labels.js';
import { versionInfo } from '../../../master/http/version-info.js';
import type { AgentView } from '../../model.js';
import { agentAllocated, byReservationRole } from '../allocation.js';
import { renderAgentFramework } from './framework.js';

/**
 * What the agent reports when the view does not say: the capabilities the tsmesos agent speaks
 * (upstream `AGENT_CAPABILITIES()` in `src/slave/constants.cpp` lists more; we claim only these).
 */
export const DEFAULT_AGENT_CAPABILITIES: readonly string[] = ['MULTI_ROLE', 'HIERARCHICAL_ROLE', 'TASK_LABELS_FIELD'];

/** The agent id as tasks and executors carry it; `""` before the first registration. */
export function agentIdOf(view: AgentView): string {
  return view.id ?? '';
}

function resourceFields(view: AgentView): Record<string, unknown> {
  const total = view.total;
  const used = agentAllocated(view);
  return {
    resources: total.toLegacy(),
    reserved_resources: byReservationRole(total, (r) => r.toLegacy()),
    unreserved_resources: total.unreserved().toLegacy(),
    reserved_resources_full: byReservationRole(total, (r) => r.toV1()),
    unreserved_resources_full: total.unreserved().toV1(),
    reserved_resources_allocated: byReservationRole(used, (r) => r.toLegacy()),
    unreserved_resources_allocated: used.unreserved().toLegacy(),
    resource_providers: [],
  };
}

export function renderAgentState(view: AgentView): Record<string, unknown> {
  const agentId = agentIdOf(view);
  const out: Record<string, unknown> = { ...versionInfo(), start_time: view.startTime };
  if (view.id !== undefined) out.id = view.id;
  Object.assign(out, {
    pid: view.pid,
    hostname: view.hostname,
    capabilities: [...(view.capabilities ?? DEFAULT_AGENT_CAPABILITIES)],
    ...resourceFields(view),
    attributes: flattenAttributes(view.attributes),
  });
  if (view.masterHostname !== undefined) out.master_hostname = view.masterHostname;
  for (const key of ['log_dir', 'external_log_file'] as const) {
    const value = view.flags[key];
    if (value !== undefined && value !== '') out[key] = value;
  }
  out.flags = { ...view.flags };
  out.frameworks = [...view.frameworks.values()].map((f) => renderAgentFramework(f, agentId));
  out.completed_frameworks = view.completedFrameworks.map((f) => renderAgentFramework(f, agentId));
  return out;
}

/** `/flags`: every flag as a string, the shape scripts diff between agents. */
export function renderAgentFlags(view: AgentView): { flags: Record<string, string> } {
  return { flags: { ...view.flags } };
}
