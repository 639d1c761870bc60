/**
 * v1 `Task` message (upstream `include/mesos/v1/mesos.proto` `Task`, built by
 * `protobuf::createTask` in `src/common/protobuf_utils.cpp`) for `GET_TASKS`, `GET_STATE` and the
 * operator `TASK_ADDED` event: ids wrapped, resources as v1 arrays, statuses as v1 TaskStatus with
 * float-second timestamps.
 */
import type { TaskStatusV1 } from '../../../protocol/v1/types.js';
import type { TaskRecord } from '../../model.js';
import { id } from './wire.js';

/**
 * Stored statuses drop `data`: the master keeps status history without payloads (upstream clears it
 * to bound memory), and it can be large base64 that no operator view needs.
 */
export function storedStatus(s: TaskStatusV1): TaskStatusV1 {
  const { data: _data, ...rest } = s;
  return rest;
}

export function v1Task(task: TaskRecord): Record<string, unknown> {
  const info = task.info;
  const out: Record<string, unknown> = {
    name: info.name,
    task_id: id(task.taskId),
    framework_id: id(task.frameworkId),
  };
  if (task.executorId !== undefined) out.executor_id = id(task.executorId);
  out.agent_id = id(task.agentId);
  out.state = task.state;
  out.resources = task.resources.toV1();
  out.statuses = task.statuses.map(storedStatus);
  // The newest update still awaiting acknowledgement, as far as the master can tell.
  const last = task.statuses.at(-1);
  if (last?.uuid !== undefined) {
    out.status_update_state = last.state;
    out.status_update_uuid = last.uuid;
  }
  if (info.labels !== undefined) out.labels = info.labels;
  if (info.discovery !== undefined) out.discovery = info.discovery;
  if (info.container !== undefined) out.container = info.container;
  if (info.health_check !== undefined) out.health_check = info.health_check;
  if (info.check !== undefined) out.check = info.check;
  if (info.kill_policy !== undefined) out.kill_policy = info.kill_policy;
  if (info.limits !== undefined) out.limits = info.limits;
  const user = task.user ?? info.command?.user ?? info.executor?.command?.user;
  if (user !== undefined) out.user = user;
  return out;
}
