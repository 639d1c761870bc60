/**
 * The legacy "model" JSON the master's `/master/state`, `/master/frameworks`, `/master/slaves`,
 * `/master/tasks` and `/master/state-summary` return, and the agent's `/monitor/statistics`
 * (mesos-api.md §1.1, §1.2, §4). Plain string ids, "slave" naming, flat resources. Only what the CLI
 * and TUI read is typed, and every field a real master may omit is optional, so a client never
 * crashes on an older or partial answer. Unknown keys pass through untouched.
 */
import type { TaskStateName } from '../protocol/v1/types.js';

/** Flat legacy resources; `cpus/gpus/mem/disk` are always present on a conforming master. */
export interface LegacyResources {
  cpus?: number;
  gpus?: number;
  /** Megabytes. */
  mem?: number;
  /** Megabytes. */
  disk?: number;
  /** Ranges as text, e.g. `"[31000-32000]"`. */
  ports?: string;
  [name: string]: number | string | undefined;
}

export interface LegacyTaskStatus {
  state: TaskStateName;
  /** Float seconds since the epoch. */
  timestamp: number;
  healthy?: boolean;
  container_status?: { container_id?: { value: string } };
  [key: string]: unknown;
}

export interface LegacyTask {
  id: string;
  name: string;
  framework_id: string;
  /** `""` for command tasks: their executor id equals the task id on the agent. */
  executor_id: string;
  slave_id: string;
  state: TaskStateName;
  resources: LegacyResources;
  role?: string;
  user?: string;
  statuses: LegacyTaskStatus[];
  [key: string]: unknown;
}

export interface LegacyFramework {
  id: string;
  name: string;
  user?: string;
  hostname: string;
  active: boolean;
  connected?: boolean;
  pid?: string;
  principal?: string;
  webui_url?: string;
  role?: string;
  roles?: string[];
  registered_time?: number;
  unregistered_time?: number;
  used_resources?: LegacyResources;
  offered_resources?: LegacyResources;
  resources?: LegacyResources;
  tasks?: LegacyTask[];
  unreachable_tasks?: LegacyTask[];
  completed_tasks?: LegacyTask[];
  [key: string]: unknown;
}

export interface LegacySlave {
  id: string;
  hostname: string;
  port?: number;
  /** `"slave(1)@10.0.0.5:5051"`: where the agent's HTTP API really listens. */
  pid?: string;
  active: boolean;
  deactivated?: boolean;
  attributes?: Record<string, string | number>;
  registered_time?: number;
  resources?: LegacyResources;
  used_resources?: LegacyResources;
  offered_resources?: LegacyResources;
  version?: string;
  [key: string]: unknown;
}

/** `/master/state` (only the parts clients read). */
export interface MasterState {
  id?: string;
  pid?: string;
  hostname?: string;
  version?: string;
  leader?: string;
  leader_info?: { id?: string; pid?: string; hostname?: string; port?: number };
  cluster?: string;
  slaves?: LegacySlave[];
  recovered_slaves?: Array<Pick<LegacySlave, 'id' | 'hostname' | 'port' | 'attributes'>>;
  frameworks?: LegacyFramework[];
  completed_frameworks?: LegacyFramework[];
  [key: string]: unknown;
}

/** `/master/frameworks`. */
export interface MasterFrameworks {
  frameworks?: LegacyFramework[];
  completed_frameworks?: LegacyFramework[];
  unregistered_frameworks?: unknown[];
}

/** `/master/slaves`. */
export interface MasterSlaves {
  slaves?: LegacySlave[];
  recovered_slaves?: Array<Pick<LegacySlave, 'id' | 'hostname' | 'port' | 'attributes'>>;
}

/** `/master/tasks`. */
export interface MasterTasks {
  tasks?: LegacyTask[];
}

/** `/master/state-summary`: per-state task counts instead of task arrays. */
export interface MasterStateSummary {
  hostname?: string;
  cluster?: string;
  slaves?: Array<LegacySlave & Partial<Record<TaskStateName, number>> & { framework_ids?: string[] }>;
  frameworks?: Array<Omit<LegacyFramework, 'tasks'> & Partial<Record<TaskStateName, number>> & { slave_ids?: string[] }>;
}

/** `/metrics/snapshot`: flat name → number. */
export type MetricsSnapshot = Record<string, number>;

/** One entry of the agent's `/monitor/statistics` (ResourceStatistics). */
export interface ExecutorStatistics {
  executor_id: string;
  executor_name?: string;
  framework_id: string;
  source?: string;
  statistics: {
    timestamp?: number;
    cpus_user_time_secs?: number;
    cpus_system_time_secs?: number;
    cpus_limit?: number;
    mem_rss_bytes?: number;
    mem_limit_bytes?: number;
    [key: string]: number | undefined;
  };
}
