/**
 * ACCEPT with LAUNCH / LAUNCH_GROUP (mesos-api.md §2.3): validate the offers, then each task
 * against what is left of them; valid tasks become TASK_STAGING and go to the agent, invalid ones
 * get TASK_ERROR, and tasks on invalid offers TASK_DROPPED (partition-aware) or TASK_LOST.
 * Resources left unused are declined with the call's filter (default 5 s).
 */
import { Resources, ResourceError } from '../../protocol/resources/index.js';
import type { ExecutorInfoV1, TaskInfoV1 } from '../../protocol/v1/types.js';
import { offerEvent } from '../http/v1/index.js';
import type { OperationV1 } from '../http/scheduler-call.js';
import type { Master } from '../master.js';
import type { FrameworkRecord, OfferRecord, TaskRecord } from '../model.js';
import { refuseSeconds, takeOffer } from './offers.js';
import { addTask, isPartitionAware, rejectTask } from './task-lifecycle.js';

/** Upstream `common::validation::validateID`: non-empty, ≤ 255, not `.`/`..`, no control chars or slashes. */
export function validateId(id: string): string | undefined {
  if (id.length === 0) return 'ID must not be empty';
  if (id.length > 255) return 'ID must not be greater than 255 characters';
  if (id === '.' || id === '..') return `'${id}' is disallowed`;
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f/\\]/.test(id)) return `'${id}' contains invalid characters`;
  return undefined;
}

interface AcceptCall {
  offer_ids: Array<{ value: string }>;
  operations?: OperationV1[];
  filters?: { refuse_seconds?: number };
}

export function accept(m: Master, fw: FrameworkRecord, call: AcceptCall): void {
  const offers: OfferRecord[] = [];
  let invalid: string | undefined;
  for (const { value } of call.offer_ids) {
    const o = m.offers.get(value);
    if (!o) invalid ??= `Offer ${value} is no longer valid`;
    else if (o.frameworkId !== fw.id) invalid ??= `Offer ${value} has invalid framework`;
    else if (offers.some((x) => x.id === o.id)) invalid ??= `Offer ${value} is duplicated`;
    else if (offers.length && offers[0]!.agentId !== o.agentId) invalid ??= 'Aggregated offers must belong to one single agent';
    else offers.push(o);
  }
  if (offers.length === 0 && !invalid) invalid = 'No offers specified';
  const launches = (call.operations ?? []).flatMap((op) => tasksOf(op));
  if (invalid) {
    // Upstream: every task of an ACCEPT on invalid offers is dropped; valid offers stay outstanding.
    const state = isPartitionAware(fw) ? 'TASK_DROPPED' : 'TASK_LOST';
    for (const t of launches) {
      rejectTask(m, fw.id, t.task_id?.value ?? '', t.agent_id?.value, state, 'REASON_INVALID_OFFERS', `Task launched with invalid offers: ${invalid}`);
    }
    return;
  }
  for (const o of offers) {
    takeOffer(m, o.id);
    m.channels.toOperators(offerEvent('ACCEPTED', o, m), true);
  }
  const agentId = offers[0]!.agentId;
  let remaining = offers.reduce((acc, o) => acc.add(o.resources), Resources.empty());
  const role = offers[0]!.role;
  for (const op of call.operations ?? []) {
    if (op.type === 'LAUNCH') {
      for (const t of op.launch?.task_infos ?? []) remaining = launchOne(m, fw, agentId, role, remaining, t as TaskInfoV1);
    } else if (op.type === 'LAUNCH_GROUP' && op.launch_group) {
      remaining = launchGroup(m, fw, agentId, role, remaining, op.launch_group.executor as ExecutorInfoV1, op.launch_group.task_group.tasks as TaskInfoV1[]);
    } else {
      m.log.warn({ type: op.type }, 'offer operation not supported; ignored');
      if (op.id) {
        m.channels.toFramework(fw.id, {
          type: 'UPDATE_OPERATION_STATUS',
          update_operation_status: { status: { operation_id: op.id, state: 'OPERATION_ERROR', message: `Operation ${op.type} is not supported by tsmesos` } },
        });
      }
    }
  }
  if (!remaining.isEmpty()) m.allocator.recoverResources(fw.id, agentId, remaining, refuseSeconds(call.filters));
}

function tasksOf(op: OperationV1): Array<{ task_id?: { value: string }; agent_id?: { value: string } }> {
  if (op.type === 'LAUNCH') return op.launch?.task_infos ?? [];
  if (op.type === 'LAUNCH_GROUP') return op.launch_group?.task_group.tasks ?? [];
  return [];
}

/** Checks one task against the framework and the remaining offered resources; returns its resources or an error. */
function validateTask(m: Master, fw: FrameworkRecord, agentId: string, role: string, remaining: Resources, t: TaskInfoV1, groupExecutor?: boolean): Resources | string {
  const idError = validateId(t.task_id.value);
  if (idError) return `Task ID is invalid: ${idError}`;
  if (fw.tasks.has(t.task_id.value) || fw.unreachableTasks.has(t.task_id.value)) return `Task has duplicate ID: ${t.task_id.value}`;
  if (t.agent_id.value !== agentId) return `Task uses invalid agent: ${t.agent_id.value}`;
  if (!groupExecutor && !!t.executor === !!t.command) return 'Task should have at least one (but not both) of CommandInfo or ExecutorInfo present';
  if (groupExecutor && t.executor) return "'TaskInfo.executor' must not be set for tasks in a task group";
  let res: Resources;
  try {
    res = Resources.fromV1(t.resources ?? []).unallocate().allocate(role);
    if (t.executor?.resources) res = res.add(Resources.fromV1(t.executor.resources).unallocate().allocate(role));
  } catch (e) {
    if (e instanceof ResourceError) return `Task uses invalid resources: ${e.message}`;
    throw e;
  }
  if (res.isEmpty() && !groupExecutor) return 'Task uses no resources';
  if (!remaining.contains(res)) return `Task uses more resources ${res.toString()} than available ${remaining.toString()}`;
  if (m.config.roles && !m.config.roles.has(role) && role !== '*') return `Role '${role}' is not in the --roles whitelist`;
  return res;
}

function newTask(fw: FrameworkRecord, agentId: string, role: string, t: TaskInfoV1, res: Resources, executorId?: string): TaskRecord {
  return {
    taskId: t.task_id.value,
    frameworkId: fw.id,
    agentId,
    info: t,
    resources: res,
    role,
    state: 'TASK_STAGING',
    statuses: [],
    executorId: executorId ?? t.executor?.executor_id.value,
    user: t.command?.user ?? fw.info.user,
  };
}

function launchOne(m: Master, fw: FrameworkRecord, agentId: string, role: string, remaining: Resources, t: TaskInfoV1): Resources {
  const res = validateTask(m, fw, agentId, role, remaining, t);
  if (typeof res === 'string') {
    rejectTask(m, fw.id, t.task_id.value, agentId, 'TASK_ERROR', 'REASON_TASK_INVALID', res);
    return remaining;
  }
  addTask(m, fw, newTask(fw, agentId, role, t, res));
  m.channels.toAgent(agentId, { type: 'RUN_TASK', run_task: { framework: fw.info, task: t } });
  return remaining.subtract(res);
}

function launchGroup(m: Master, fw: FrameworkRecord, agentId: string, role: string, remaining: Resources, executor: ExecutorInfoV1, tasks: TaskInfoV1[]): Resources {
  let left = remaining;
  const accepted: Array<{ t: TaskInfoV1; res: Resources }> = [];
  let error: string | undefined = executor.type !== undefined && executor.type !== 'DEFAULT' ? "'ExecutorInfo.type' must be 'DEFAULT'" : undefined;
  if (!error && tasks.length === 0) error = 'Task group is empty';
  if (!error) {
    try {
      const execRes = Resources.fromV1(executor.resources ?? []).unallocate().allocate(role);
      if (!left.contains(execRes)) error = 'Executor uses more resources than available';
      else left = left.subtract(execRes);
    } catch (e) {
      if (!(e instanceof ResourceError)) throw e;
      error = `Executor uses invalid resources: ${e.message}`;
    }
  }
  for (const t of tasks) {
    if (error) break;
    const res = validateTask(m, fw, agentId, role, left, t, true);
    if (typeof res === 'string') error = res;
    else {
      accepted.push({ t, res });
      left = left.subtract(res);
    }
  }
  if (error) {
    for (const t of tasks) rejectTask(m, fw.id, t.task_id.value, agentId, 'TASK_ERROR', 'REASON_TASK_GROUP_INVALID', error);
    return remaining;
  }
  const execId = executor.executor_id.value;
  let perAgent = fw.executors.get(agentId);
  if (!perAgent) fw.executors.set(agentId, (perAgent = new Map()));
  perAgent.set(execId, { ...executor, framework_id: { value: fw.id } });
  // The executor's own resources ride on the first task so they are released with the group.
  const execRes = remaining.subtract(left).subtract(accepted.reduce((a, x) => a.add(x.res), Resources.empty()));
  accepted.forEach(({ t, res }, i) => addTask(m, fw, newTask(fw, agentId, role, t, i === 0 ? res.add(execRes) : res, execId)));
  m.channels.toAgent(agentId, {
    type: 'RUN_TASK_GROUP',
    run_task_group: { framework: fw.info, executor: { ...executor, framework_id: { value: fw.id } }, task_group: { tasks } },
  });
  return left;
}
