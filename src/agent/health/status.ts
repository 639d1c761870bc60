/**
 * What the agent core puts in TaskStatus for health and check results — the fields upstream's
 * command executor (`src/launcher/executor.cpp`) sends. The agent supplies `uuid`, `timestamp`,
 * `agent_id`, `executor_id` and `container_status` as for any other update.
 *
 * 1. Health report (`HealthEvents.onHealthChange`): TASK_RUNNING, `healthy`, reason
 *    REASON_TASK_HEALTH_CHECK_STATUS_UPDATED, no message; built from the task's latest status so
 *    a `check_status` already reported stays on it.
 * 2. Check report (`startCheck`'s `onStatus`): TASK_RUNNING, `check_status`, reason
 *    REASON_TASK_CHECK_STATUS_UPDATED, built the same way, so a known `healthy` stays on it.
 * 3. Kill after failed health checks (`onUnhealthyKill`): first the TASK_RUNNING `healthy: false`
 *    report of that failure (already sent through case 1), then the ordinary kill (TASK_KILLING
 *    if the framework has TASK_KILLING_STATE, SIGTERM, SIGKILL after the kill policy's grace).
 *    The terminal update is TASK_KILLED — whatever the exit status — with `healthy: false`, the
 *    termination's message (e.g. "Command terminated with signal Terminated"), and *no reason*:
 *    upstream leaves the reason unset there (a TODO in its executor), and frameworks recognise
 *    this kill by `healthy: false` on TASK_KILLED.
 * 4. A task that has a `check`: every status built from scratch (STARTING, the first RUNNING,
 *    KILLING, the terminal one) carries the empty `check_status` of its type.
 * 5. No health or check update is sent once the task is being killed or has ended.
 */
import type { TaskStatusV1 } from '../../protocol/v1/types.js';
import { emptyCheckStatus } from './check-core.js';
import type { CheckInfoV1, CheckStatusInfoV1 } from './types.js';

export const REASON_TASK_HEALTH_CHECK_STATUS_UPDATED = 'REASON_TASK_HEALTH_CHECK_STATUS_UPDATED';
export const REASON_TASK_CHECK_STATUS_UPDATED = 'REASON_TASK_CHECK_STATUS_UPDATED';

function fromLatest(latest: TaskStatusV1): TaskStatusV1 {
  const { uuid: _uuid, timestamp: _timestamp, ...rest } = latest;
  return { ...rest, state: 'TASK_RUNNING', source: 'SOURCE_EXECUTOR' };
}

/** Case 1: the health update, from the task's latest status (uuid and timestamp dropped). */
export function healthUpdate(latest: TaskStatusV1, healthy: boolean): TaskStatusV1 {
  return { ...fromLatest(latest), reason: REASON_TASK_HEALTH_CHECK_STATUS_UPDATED, healthy };
}

/** Case 2: the check update, from the task's latest status (uuid and timestamp dropped). */
export function checkUpdate(latest: TaskStatusV1, checkStatus: CheckStatusInfoV1): TaskStatusV1 {
  return { ...fromLatest(latest), reason: REASON_TASK_CHECK_STATUS_UPDATED, check_status: checkStatus };
}

/** Case 3: fields to lay over the terminal status of a task killed for failing its health check. */
export function unhealthyKillTerminal(message: string): Pick<TaskStatusV1, 'state' | 'healthy' | 'message'> {
  return { state: 'TASK_KILLED', healthy: false, message };
}

/** Case 4: the `check_status` for statuses built from scratch, or undefined if there is no valid check. */
export function initialCheckStatus(check: CheckInfoV1 | undefined): CheckStatusInfoV1 | undefined {
  const t = check?.type;
  return t === 'COMMAND' || t === 'HTTP' || t === 'TCP' ? emptyCheckStatus(t) : undefined;
}
