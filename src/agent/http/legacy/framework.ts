/**
 * Legacy model JSON of the agent's frameworks and executors (upstream `FrameworkWriter` and
 * `ExecutorWriter` in `src/slave/http.cpp`), as nested in `/state`. The executor's `directory` is
 * the absolute sandbox path clients feed to `/files/read` — the second hop of "find a task's
 * stdout" (mesos-api.md §4).
 */
import { legacyLabels } from '../../../master/http/legacy/labels.js';
import type { LabelsV1 } from '../../../protocol/v1/types.js';
import type { AgentExecutor, AgentFramework } from '../../model.js';
import { executorAllocated } from '../allocation.js';
import { renderAgentTask } from './task.js';

/**
 * ExecutorInfo `source`, else — for a command executor, whose id is its task's id — that id, which
 * is what upstream puts in the ExecutorInfo it synthesises; else `""`.
 */
export function executorSource(exec: AgentExecutor): string {
  const source = exec.info.source;
  if (typeof source === 'string') return source;
  const commandTask = exec.tasks.has(exec.executorId) || exec.completedTasks.some((t) => t.taskId === exec.executorId);
  return commandTask ? exec.executorId : '';
}

export function executorName(exec: AgentExecutor): string {
  return exec.info.name ?? '';
}

/**
 * `queued_tasks` is always empty: upstream queues tasks while their executor registers, but the
 * tsmesos agent hands a task to its container at once, so none ever waits in that state.
 */
export function renderAgentExecutor(exec: AgentExecutor, agentId: string): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: exec.executorId,
    name: executorName(exec),
    source: executorSource(exec),
    container: exec.containerId,
    directory: exec.directory,
    resources: executorAllocated(exec).toLegacy(),
  };
  const labels = legacyLabels(exec.info.labels as LabelsV1 | undefined);
  if (labels !== undefined) out.labels = labels;
  if (exec.info.type !== undefined) out.type = exec.info.type;
  out.tasks = [...exec.tasks.values()].map((t) => renderAgentTask(t, agentId));
  out.queued_tasks = [];
  out.completed_tasks = exec.completedTasks.map((t) => renderAgentTask(t, agentId));
  return out;
}

/** Frameworks that opted into MULTI_ROLE report `roles`; the rest report a single `role`. */
function roleFields(fw: AgentFramework): Record<string, unknown> {
  const info = fw.info;
  const multi = (info.capabilities ?? []).some((c) => c.type === 'MULTI_ROLE');
  if (multi) return { roles: info.roles ?? (info.role !== undefined ? [info.role] : ['*']) };
  return { role: info.role ?? info.roles?.[0] ?? '*' };
}

export function renderAgentFramework(fw: AgentFramework, agentId: string): Record<string, unknown> {
  const info = fw.info;
  const out: Record<string, unknown> = {
    id: fw.id,
    name: info.name,
    user: info.user,
    failover_timeout: info.failover_timeout ?? 0,
    checkpoint: info.checkpoint ?? false,
    hostname: info.hostname ?? '',
  };
  if (info.principal !== undefined) out.principal = info.principal;
  Object.assign(out, roleFields(fw));
  out.capabilities = (info.capabilities ?? []).map((c) => c.type);
  out.executors = [...fw.executors.values()].map((e) => renderAgentExecutor(e, agentId));
  out.completed_executors = fw.completedExecutors.map((e) => renderAgentExecutor(e, agentId));
  return out;
}
