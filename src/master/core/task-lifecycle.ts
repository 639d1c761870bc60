/**
 * Task bookkeeping shared by every flow: recording a status, releasing resources on a terminal
 * state, and moving a task to the completed list (upstream `Master::updateTask`, `removeTask`).
 */
import { isTerminal, type TaskStateName, type TaskStatusV1 } from '../../protocol/v1/types.js';
import { taskAddedEvent, taskUpdatedEvent } from '../http/v1/index.js';
import type { Master } from '../master.js';
import { type FrameworkRecord, type TaskRecord, taskKey } from '../model.js';

export function frameworkOf(m: Master, id: string): FrameworkRecord | undefined {
  return m.frameworks.get(id) ?? m.completedFrameworks.find((f) => f.id === id);
}

export function isPartitionAware(fw: FrameworkRecord | undefined): boolean {
  return fw?.capabilities.has('PARTITION_AWARE') ?? false;
}

/** A status the master itself generates (no uuid: it must not be acknowledged). */
export function masterStatus(
  task: { taskId: string; agentId?: string },
  state: TaskStateName,
  reason: string,
  message: string,
): TaskStatusV1 {
  const status: TaskStatusV1 = {
    task_id: { value: task.taskId },
    state,
    source: 'SOURCE_MASTER',
    reason,
    message,
    timestamp: Date.now() / 1000,
  };
  if (task.agentId) status.agent_id = { value: task.agentId };
  return status;
}

/** Adds a freshly launched or re-registered task to every index. */
export function addTask(m: Master, fw: FrameworkRecord, task: TaskRecord): void {
  const key = taskKey(task.frameworkId, task.taskId);
  m.tasks.set(key, task);
  fw.tasks.set(task.taskId, task);
  fw.unreachableTasks.delete(task.taskId);
  m.agents.get(task.agentId)?.taskKeys.add(key);
  m.channels.toOperators(taskAddedEvent(task));
}

/** Records `status` as the task's latest and tells operator subscribers. */
export function recordStatus(m: Master, task: TaskRecord, status: TaskStatusV1): void {
  task.state = status.state;
  const kept: TaskStatusV1 = { ...status };
  delete kept.data;
  task.statuses.push(kept);
  m.channels.toOperators(taskUpdatedEvent(task, status));
}

/** Gives a terminal task's resources back to the allocator, once. */
export function releaseResources(m: Master, task: TaskRecord): void {
  if ((task as TaskRecord & { released?: boolean }).released) return;
  (task as TaskRecord & { released?: boolean }).released = true;
  if (m.agents.has(task.agentId) && m.frameworks.has(task.frameworkId)) {
    m.allocator.recoverResources(task.frameworkId, task.agentId, task.resources);
  }
}

/** Moves a task out of the live indexes into its framework's bounded completed list. */
export function completeTask(m: Master, task: TaskRecord): void {
  const key = taskKey(task.frameworkId, task.taskId);
  releaseResources(m, task);
  m.tasks.delete(key);
  m.agents.get(task.agentId)?.taskKeys.delete(key);
  const fw = frameworkOf(m, task.frameworkId);
  if (!fw) return;
  fw.tasks.delete(task.taskId);
  fw.unreachableTasks.delete(task.taskId);
  fw.completedTasks.push(task);
  const excess = fw.completedTasks.length - m.config.maxCompletedTasksPerFramework;
  if (excess > 0) fw.completedTasks.splice(0, excess);
  m.counters.terminalTasks[task.state] = (m.counters.terminalTasks[task.state] ?? 0) + 1;
}

/**
 * Applies a master-generated state to a task, tells the framework (no uuid, so no ack expected)
 * and retires the task if the state is terminal.
 */
export function transitionByMaster(m: Master, task: TaskRecord, status: TaskStatusV1): void {
  recordStatus(m, task, status);
  m.channels.toFramework(task.frameworkId, { type: 'UPDATE', update: { status } });
  if (isTerminal(status.state)) completeTask(m, task);
}

/** Sends an UPDATE for a task that never became a record (invalid launch). */
export function rejectTask(
  m: Master,
  frameworkId: string,
  taskId: string,
  agentId: string | undefined,
  state: TaskStateName,
  reason: string,
  message: string,
): void {
  const status = masterStatus({ taskId, agentId }, state, reason, message);
  m.channels.toFramework(frameworkId, { type: 'UPDATE', update: { status } });
  m.counters.terminalTasks[state] = (m.counters.terminalTasks[state] ?? 0) + 1;
}
