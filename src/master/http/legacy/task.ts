/**
 * Legacy model JSON of one task (upstream `json(JSON::ObjectWriter*, const Task&)` and
 * `json(…, const TaskStatus&)` in `src/common/http.cpp`), as served inside `/master/state`,
 * `/master/frameworks` and `/master/tasks`. Strict clients (the `mesos` CLI, dashboards) index
 * `id`, `name`, `framework_id`, `executor_id`, `slave_id`, `state`, `resources` and `statuses`
 * directly, so those keys are always present.
 */
import type { TaskStatusV1 } from '../../../protocol/v1/types.js';
import type { MasterView, TaskRecord } from '../../model.js';
import { legacyLabels } from './labels.js';

/** One `statuses[]` entry: only the fields the model JSON carries (no message, no uuid, no data). */
export function renderStatus(s: TaskStatusV1): Record<string, unknown> {
  const out: Record<string, unknown> = { state: s.state, timestamp: s.timestamp ?? 0 };
  const labels = legacyLabels(s.labels);
  if (labels !== undefined) out.labels = labels;
  if (s.container_status !== undefined) out.container_status = s.container_status;
  if (s.healthy !== undefined) out.healthy = s.healthy;
  return out;
}

/**
 * Who the task runs as: the record's user, else the command's (task or executor), else the framework
 * user the agent would fall back to — so `mesos ps`-style listings always have something to show.
 */
function taskUser(task: TaskRecord, view: MasterView | undefined): string | undefined {
  return (
    task.user ??
    task.info.command?.user ??
    task.info.executor?.command?.user ??
    view?.frameworks.get(task.frameworkId)?.info.user ??
    view?.completedFrameworks.find((f) => f.id === task.frameworkId)?.info.user
  );
}

/** The legacy task object; `executor_id` is `""` for command tasks, as the master reports them. */
export function renderTask(task: TaskRecord, view?: MasterView): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: task.taskId,
    name: task.info.name,
    framework_id: task.frameworkId,
    executor_id: task.executorId ?? '',
    slave_id: task.agentId,
    state: task.state,
    resources: task.resources.toLegacy(),
    role: task.role,
    statuses: task.statuses.map(renderStatus),
  };
  if (task.info.limits !== undefined) out.limits = task.info.limits;
  const user = taskUser(task, view);
  if (user !== undefined) out.user = user;
  const labels = legacyLabels(task.info.labels);
  if (labels !== undefined) out.labels = labels;
  if (task.info.discovery !== undefined) out.discovery = task.info.discovery;
  if (task.info.container !== undefined) out.container = task.info.container;
  if (task.info.health_check !== undefined) out.health_check = task.info.health_check;
  return out;
}

/** Timestamp of the newest status, the sort key of `/master/tasks` (0 when none arrived yet). */
export function lastStatusTime(task: TaskRecord): number {
  return task.statuses.at(-1)?.timestamp ?? 0;
}
