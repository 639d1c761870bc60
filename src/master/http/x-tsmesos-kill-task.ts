/**
 * tsmesos operator extension `X_TSMESOS_KILL_TASK` on `POST /api/v1` (the `x_tsmesos_` prefix marks
 * it as ours, like `?x_tsmesos_offers=true`): the operator kills one task the way its framework's
 * scheduler `KILL` would. The master sends `KILL_TASK` to the task's agent; the agent kills it and
 * the framework receives `TASK_KILLED` as an ordinary status update (and operator subscribers see
 * `TASK_UPDATED`). Upstream's operator API has no such call: an operator could only tear down the
 * whole framework.
 *
 * ```json
 * {"type":"X_TSMESOS_KILL_TASK","x_tsmesos_kill_task":{"task_id":{"value":"web.1"},
 *   "framework_id":{"value":"…-0000"}, "agent_id":{"value":"…-S0"}, "kill_policy":{…}}}
 * ```
 * `framework_id` and `agent_id` are optional narrowing (task ids are unique only per framework).
 * Answers `202 Accepted` (the kill is asynchronous, like the scheduler's KILL), `400` for a bad call
 * or an ambiguous id, `404` for an unknown task, `409` for a task already finished, and `503` when
 * the task's agent is disconnected (nothing was sent; upstream would defer a framework's kill).
 */
import { HttpError } from '../../http/http-error.js';
import { isTerminal } from '../../protocol/v1/types.js';
import { killTask } from '../core/status-updates.js';
import type { Master } from '../master.js';
import type { TaskRecord } from '../model.js';

export const X_TSMESOS_KILL_TASK = 'X_TSMESOS_KILL_TASK';

type Json = Record<string, unknown>;

export interface KillTaskCall {
  taskId: string;
  frameworkId?: string;
  agentId?: string;
  killPolicy?: unknown;
}

const INVALID = 'Failed to validate master::Call: ';

/** Reads the call's payload; throws the operator API's 400 for anything malformed. */
export function parseKillTaskCall(body: Json): KillTaskCall {
  const payload = body.x_tsmesos_kill_task;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new HttpError(400, `${INVALID}Expecting 'x_tsmesos_kill_task' to be present`);
  }
  const p = payload as Json;
  const id = (name: string, required: boolean): string | undefined => {
    const v = p[name];
    if (v === undefined && !required) return undefined;
    const value = typeof v === 'object' && v !== null ? (v as Json).value : undefined;
    if (typeof value !== 'string' || value === '') throw new HttpError(400, `${INVALID}Expecting 'x_tsmesos_kill_task.${name}.value' to be a non-empty string`);
    return value;
  };
  const call: KillTaskCall = { taskId: id('task_id', true)! };
  const frameworkId = id('framework_id', false);
  const agentId = id('agent_id', false);
  if (frameworkId) call.frameworkId = frameworkId;
  if (agentId) call.agentId = agentId;
  if (p.kill_policy !== undefined) call.killPolicy = p.kill_policy;
  return call;
}

/** The task the call names, among live and recently completed ones; throws 400/404/409 otherwise. */
export function findTaskToKill(m: Master, call: KillTaskCall): TaskRecord {
  const matches = (t: TaskRecord) =>
    t.taskId === call.taskId && (!call.frameworkId || t.frameworkId === call.frameworkId) && (!call.agentId || t.agentId === call.agentId);
  const live = [...m.tasks.values()].filter(matches);
  if (live.length > 1) {
    const fws = live.map((t) => t.frameworkId).join(', ');
    throw new HttpError(400, `Task '${call.taskId}' exists in ${live.length} frameworks (${fws}); specify 'x_tsmesos_kill_task.framework_id'`);
  }
  const task = live[0] ?? completedTask(m, matches);
  if (!task) throw new HttpError(404, `No task found with specified ID '${call.taskId}'`);
  if (isTerminal(task.state)) throw new HttpError(409, `Task '${call.taskId}' has already finished (${task.state})`);
  return task;
}

function completedTask(m: Master, matches: (t: TaskRecord) => boolean): TaskRecord | undefined {
  for (const fw of [...m.frameworks.values(), ...m.completedFrameworks]) {
    const t = fw.completedTasks.find(matches);
    if (t) return t;
  }
  return undefined;
}

/** Handles the call: validates, finds the task, and sends the kill to its agent. */
export function xTsmesosKillTask(m: Master, body: Json): TaskRecord {
  const call = parseKillTaskCall(body);
  const task = findTaskToKill(m, call);
  const agent = m.agents.get(task.agentId);
  if (!agent?.connected || !m.channels.agentStreamId(task.agentId)) {
    throw new HttpError(503, `The agent ${task.agentId} running task '${task.taskId}' is disconnected; try again when it re-registers`);
  }
  m.log.info({ taskId: task.taskId, frameworkId: task.frameworkId, agentId: task.agentId }, 'operator kill of a task');
  killTask(m, task.frameworkId, { task_id: { value: task.taskId }, ...(call.killPolicy === undefined ? {} : { kill_policy: call.killPolicy }) });
  return task;
}
