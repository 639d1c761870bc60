/**
 * Legacy model JSON of a task as the agent's `/state` serves it (upstream `json(JSON::ObjectWriter*,
 * const Task&)` in `src/common/http.cpp`, used by the executor writer of `src/slave/http.cpp`).
 * `id`, `name`, `framework_id`, `executor_id`, `slave_id`, `state`, `resources` and `statuses` are
 * always present because strict clients index them directly. Statuses reuse the master's renderer:
 * the model JSON of a TaskStatus is the same on both daemons.
 */
import { legacyLabels } from '../../../master/http/legacy/labels.js';
import { renderStatus } from '../../../master/http/legacy/task.js';
import type { AgentTask } from '../../model.js';

/**
 * `executor_id` is the executor the task runs under. On the agent every task has one: command
 * tasks run under a synthesised executor whose id is the task id (mesos-api.md §4), and that is
 * the id `/monitor/statistics` and the sandbox path use, so clients can join on it.
 */
export function renderAgentTask(task: AgentTask, agentId: string): Record<string, unknown> {
  const info = task.info;
  const out: Record<string, unknown> = {
    id: task.taskId,
    name: info.name,
    framework_id: task.frameworkId,
    executor_id: task.executorId,
    slave_id: agentId,
    state: task.state,
    resources: task.resources.toLegacy(),
    statuses: task.statuses.map(renderStatus),
  };
  const user = info.command?.user ?? info.executor?.command?.user;
  if (user !== undefined) out.user = user;
  const labels = legacyLabels(info.labels);
  if (labels !== undefined) out.labels = labels;
  if (info.discovery !== undefined) out.discovery = info.discovery;
  if (info.container !== undefined) out.container = info.container;
  if (info.health_check !== undefined) out.health_check = info.health_check;
  if (info.limits !== undefined) out.limits = info.limits;
  return out;
}
