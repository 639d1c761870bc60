/**
 * Reliable status updates (mesos-api.md §2.1 rule 6): the agent sends an update with a uuid, the
 * master records it and forwards it to the framework; the framework's ACKNOWLEDGE goes back to the
 * agent, which stops re-sending. A terminal task leaves the live set once its terminal update is acked.
 */
import { HttpError } from '../../http/http-error.js';
import { isTerminal, type TaskStatusV1 } from '../../protocol/v1/types.js';
import type { Master } from '../master.js';
import { taskKey } from '../model.js';
import { completeTask, frameworkOf, recordStatus, releaseResources } from './task-lifecycle.js';

/** An agent's status update for a task of `frameworkId`. */
export function agentStatusUpdate(m: Master, agentId: string, frameworkId: string, status: TaskStatusV1): void {
  const task = m.tasks.get(taskKey(frameworkId, status.task_id.value));
  if (!task || task.agentId !== agentId) {
    // Unknown to us (e.g. a task launched before a master restart whose agent has not re-registered it):
    // forward anyway so the framework can acknowledge it and the agent stops retrying.
    m.counters.invalidStatusUpdates++;
    m.log.warn({ agentId, frameworkId, taskId: status.task_id.value }, 'status update for an unknown task');
  } else {
    m.counters.validStatusUpdates++;
    const stamped: TaskStatusV1 = { ...status, agent_id: { value: agentId }, timestamp: status.timestamp ?? Date.now() / 1000 };
    recordStatus(m, task, stamped);
    if (isTerminal(status.state)) {
      task.terminalUuid = status.uuid;
      releaseResources(m, task);
      if (!status.uuid) completeTask(m, task);
    }
  }
  const forwarded: TaskStatusV1 = { ...status, agent_id: { value: agentId } };
  m.channels.toFramework(frameworkId, { type: 'UPDATE', update: { status: forwarded } });
}

/** The scheduler's ACKNOWLEDGE: forward to the agent; retire an acknowledged terminal task. */
export function acknowledge(m: Master, frameworkId: string, ack: { agent_id: { value: string }; task_id: { value: string }; uuid: string }): void {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(ack.uuid) || Buffer.from(ack.uuid, 'base64').length !== 16) {
    throw new HttpError(400, "Failed to validate scheduler::Call: 'acknowledge.uuid' is not a valid UUID");
  }
  const agentId = ack.agent_id.value;
  const taskId = ack.task_id.value;
  m.channels.toAgent(agentId, {
    type: 'ACKNOWLEDGE',
    acknowledge: { framework_id: { value: frameworkId }, task_id: { value: taskId }, uuid: ack.uuid },
  });
  const task = m.tasks.get(taskKey(frameworkId, taskId));
  if (task && task.terminalUuid && task.terminalUuid === ack.uuid) completeTask(m, task);
}

/** KILL: forward to the agent; an unknown task is answered by reconciliation, as upstream does. */
export function killTask(
  m: Master,
  frameworkId: string,
  kill: { task_id: { value: string }; agent_id?: { value: string }; kill_policy?: unknown },
): void {
  const task = m.tasks.get(taskKey(frameworkId, kill.task_id.value));
  if (!task) {
    reconcileOne(m, frameworkId, kill.task_id.value, kill.agent_id?.value);
    return;
  }
  if (!m.agents.get(task.agentId)?.connected) {
    m.log.info({ taskId: task.taskId }, 'kill for a task on a disconnected or unreachable agent deferred');
    return;
  }
  m.channels.toAgent(task.agentId, {
    type: 'KILL_TASK',
    kill_task: {
      framework_id: { value: frameworkId },
      task_id: { value: task.taskId },
      kill_policy: (kill.kill_policy as never) ?? task.info.kill_policy,
    },
  });
}

function reconcileAnswer(frameworkId: string, taskId: string, agentId: string | undefined, state: TaskStatusV1['state'], m: Master): void {
  const status: TaskStatusV1 = {
    task_id: { value: taskId },
    state,
    source: 'SOURCE_MASTER',
    reason: 'REASON_RECONCILIATION',
    message: 'Reconciliation: ' + (state === 'TASK_UNKNOWN' || state === 'TASK_LOST' ? 'Task is unknown' : 'Latest task state'),
    timestamp: Date.now() / 1000,
  };
  if (agentId) status.agent_id = { value: agentId };
  m.channels.toFramework(frameworkId, { type: 'UPDATE', update: { status } });
}

/** Explicit reconciliation of one task (mesos-api.md §2.3 "Reconciliation"). */
export function reconcileOne(m: Master, frameworkId: string, taskId: string, agentId?: string): void {
  const fw = frameworkOf(m, frameworkId);
  const pa = fw?.capabilities.has('PARTITION_AWARE') ?? false;
  const task = m.tasks.get(taskKey(frameworkId, taskId));
  if (task) {
    const latest = task.statuses[task.statuses.length - 1];
    const status: TaskStatusV1 = {
      ...(latest ?? { task_id: { value: taskId }, state: task.state }),
      state: task.state,
      reason: 'REASON_RECONCILIATION',
      source: 'SOURCE_MASTER',
      agent_id: { value: task.agentId },
      timestamp: Date.now() / 1000,
    };
    delete status.uuid;
    delete status.data;
    delete status.message;
    if (task.unreachableTime !== undefined) status.unreachable_time = { nanoseconds: Math.round(task.unreachableTime * 1e9) };
    m.channels.toFramework(frameworkId, { type: 'UPDATE', update: { status } });
    return;
  }
  let state: TaskStatusV1['state'];
  if (agentId && m.agents.has(agentId)) state = pa ? 'TASK_GONE' : 'TASK_LOST';
  else if (agentId && m.unreachableAgents.has(agentId)) state = pa ? 'TASK_UNREACHABLE' : 'TASK_LOST';
  else state = pa ? 'TASK_UNKNOWN' : 'TASK_LOST';
  reconcileAnswer(frameworkId, taskId, agentId, state, m);
}

/** RECONCILE: explicit for the listed tasks, implicit (every non-terminal task) when the list is empty. */
export function reconcile(m: Master, frameworkId: string, tasks: Array<{ task_id: { value: string }; agent_id?: { value: string } }>): void {
  if (tasks.length > 0) {
    for (const t of tasks) reconcileOne(m, frameworkId, t.task_id.value, t.agent_id?.value);
    return;
  }
  const fw = m.frameworks.get(frameworkId);
  if (!fw) return;
  for (const task of [...fw.tasks.values(), ...fw.unreachableTasks.values()]) {
    if (!isTerminal(task.state) || task.terminalUuid) reconcileOne(m, frameworkId, task.taskId, task.agentId);
  }
}
