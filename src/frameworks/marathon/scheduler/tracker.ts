/**
 * Task status updates from the driver (upstream `InstanceTracker` + `TaskStatusUpdateProcessor`):
 * the instance's state follows the update; events go out; a terminal task is forgotten, its
 * failure kept for `lastTaskFailure` and counted for the launch backoff, and the next scheduler
 * pass replaces it. Updates for tasks we do not know: a running one is killed (left over from a
 * launch we never recorded), a terminal one is reported as unknown_instance_terminated_event.
 * @module
 */
import { isTerminal, type TaskStatusV1 } from '../../../protocol/v1/types.js';
import { conditionOf } from '../event-bus.js';
import { instanceIdOf } from '../health/health-state.js';
import { appIdOfTask } from '../launch/task-builder.js';
import type { Instance } from './instance.js';
import type { MarathonScheduler } from './marathon-scheduler.js';

/** Terminal states that count as a failure of the app (TASK_KILLED only when we did not ask for it). */
const FAILURES = new Set(['TASK_FAILED', 'TASK_ERROR', 'TASK_LOST', 'TASK_DROPPED', 'TASK_GONE', 'TASK_GONE_BY_OPERATOR', 'TASK_UNKNOWN', 'TASK_FINISHED']);

export class Tracker {
  constructor(private readonly s: MarathonScheduler) {}

  onUpdate(status: TaskStatusV1): void {
    const s = this.s;
    const taskId = status.task_id.value;
    const i = s.store.instances.get(taskId);
    const terminal = isTerminal(status.state) || status.state === 'TASK_UNKNOWN';
    if (!i) {
      const appId = appIdOfTask(taskId);
      if (terminal) {
        s.bus.publish('unknown_instance_terminated_event', { instanceId: instanceIdOf(taskId), runSpecId: appId ?? '', condition: conditionOf(status.state) });
      } else if (status.state !== 'TASK_UNREACHABLE') {
        s.log.warn({ taskId, state: status.state }, 'a task this service does not know is alive: killing it');
        void s.driver?.kill(taskId, status.agent_id?.value);
      }
      return;
    }
    const now = s.now();
    const changed = i.state !== status.state;
    i.state = status.state;
    if (status.message) i.message = status.message;
    if (status.state === 'TASK_RUNNING' && !i.startedAt) i.startedAt = new Date(now).toISOString();
    const ip = ipOf(status);
    if (ip && !i.ipAddresses.some((a) => a.ipAddress === ip)) i.ipAddresses = [{ ipAddress: ip, protocol: ip.includes(':') ? 'IPv6' : 'IPv4' }];
    s.bus.publish('status_update_event', {
      slaveId: i.agentId,
      taskId,
      taskStatus: status.state,
      message: status.message ?? '',
      appId: i.appId,
      host: i.host,
      ipAddresses: i.ipAddresses,
      ports: i.hostPorts,
      version: i.version,
    });
    if (changed) {
      s.bus.publish('instance_changed_event', { instanceId: instanceIdOf(taskId), condition: conditionOf(status.state), runSpecId: i.appId, agentId: i.agentId, host: i.host, runSpecVersion: i.version });
    }
    if (status.healthy !== undefined && !terminal) {
      i.mesosHealthy = status.healthy;
      s.health.onMesosHealth(i, status.healthy, status.message);
    }
    if (terminal) this.gone(i, status);
    else {
      // Stored on the way to RUNNING (startedAt) only: STARTING/health changes are re-learnt by reconciliation.
      if (changed && (status.state === 'TASK_RUNNING' || status.state === 'TASK_UNREACHABLE')) s.store.putInstance(i);
      if (status.state === 'TASK_RUNNING' && !i.killing) s.health.track(i);
    }
    s.schedule();
  }

  private gone(i: Instance, status: TaskStatusV1): void {
    const s = this.s;
    s.store.deleteInstance(i.taskId);
    s.health.untrack(i.taskId);
    s.readiness.forget(i.taskId);
    const app = s.appFor(i);
    const mesosHealthKill = status.state === 'TASK_KILLED' && status.healthy === false && !i.killing;
    const failed = i.killing ? i.killing.failure === true : FAILURES.has(status.state) || status.state === 'TASK_KILLED';
    if (!failed) return;
    let message = status.message ?? status.state;
    if (mesosHealthKill) {
      const hc = app?.healthChecks.find((h) => !['HTTP', 'HTTPS', 'TCP'].includes(h.protocol));
      message = `killed by the agent after failing ${hc?.protocol ?? 'Mesos'} health checks${hc ? ` (maxConsecutiveFailures ${hc.maxConsecutiveFailures})` : ''}: ${status.message ?? 'unhealthy'}`;
      s.bus.publish('unhealthy_instance_kill_event', { appId: i.appId, taskId: i.taskId, instanceId: instanceIdOf(i.taskId), version: i.version, reason: message, host: i.host, slaveId: i.agentId });
    } else if (i.killing?.reason) message = i.killing.reason;
    s.store.putFailure({ appId: i.appId, host: i.host, message, state: status.state, taskId: i.taskId, timestamp: new Date(s.now()).toISOString(), version: i.version, slaveId: i.agentId });
    const current = s.store.apps.get(i.appId);
    if (current && (status.state !== 'TASK_KILLED' || mesosHealthKill || i.killing?.failure)) s.launchDelay.failure(current);
  }
}

function ipOf(status: TaskStatusV1): string | undefined {
  const cs = status.container_status as { network_infos?: Array<{ ip_addresses?: Array<{ ip_address?: string }> }> } | undefined;
  return cs?.network_infos?.[0]?.ip_addresses?.[0]?.ip_address;
}
