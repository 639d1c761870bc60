/**
 * What the Marathon service remembers about each task it launched (upstream `Instance` with one
 * `Task`): enough to answer /v2/tasks, to reconcile with the master after a restart, to place the
 * next instance under constraints, and to kill it. Persisted under `instances/<task id>`.
 * @module
 */
import type { TaskStateName } from '../../../protocol/v1/types.js';

export interface Instance {
  taskId: string;
  appId: string;
  /** The app version this task runs. */
  version: string;
  agentId: string;
  host: string;
  /** Agent attributes as Marathon strings (for constraints). */
  attributes: Record<string, string>;
  hostPorts: number[];
  servicePorts: number[];
  state: TaskStateName;
  stagedAt: string;
  startedAt?: string;
  /** Mesos-level health (TaskStatus.healthy), when the task has a Mesos-level check. */
  mesosHealthy?: boolean;
  /** Set once we asked the master to kill it. */
  killing?: { at: string; reason?: string; /** kill without replacement and forget it when gone */ wipe?: boolean; /** counts as a failure (health kill, launch timeout) */ failure?: boolean };
  role: string;
  ipAddresses: Array<{ ipAddress: string; protocol: 'IPv4' | 'IPv6' }>;
  /** The last status message (for lastTaskFailure). */
  message?: string;
}

/** The `lastTaskFailure` of an app (types/taskFailure.raml). */
export interface TaskFailure {
  appId: string;
  host: string;
  message: string;
  state: string;
  taskId: string;
  timestamp: string;
  version: string;
  slaveId: string;
}

/** Non-terminal instances count toward `instances`; those being killed do not. */
export function isActive(i: Instance): boolean {
  return i.killing === undefined;
}

export function isRunning(i: Instance): boolean {
  return i.state === 'TASK_RUNNING';
}
