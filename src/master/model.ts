/**
 * The master's in-memory records (upstream `src/master/master.hpp` Framework, Slave, Task, Offer).
 * Renderers (legacy JSON, v1 operator API, metrics) read them through `MasterView` and never mutate.
 * Times are float seconds since the epoch, the unit both JSON dialects use.
 */
import type { Resources } from '../protocol/resources/index.js';
import type {
  AgentInfoV1,
  ExecutorInfoV1,
  FrameworkInfoV1,
  MasterInfoV1,
  TaskInfoV1,
  TaskStateName,
  TaskStatusV1,
} from '../protocol/v1/types.js';

export interface TaskRecord {
  taskId: string;
  frameworkId: string;
  agentId: string;
  /** The TaskInfo as launched (v1 JSON), minus nothing: renderers pick fields from it. */
  info: TaskInfoV1;
  resources: Resources;
  /** The role the task's resources were allocated to. */
  role: string;
  /** Latest state known to the master. */
  state: TaskStateName;
  /** Every status the master has seen for the task, oldest first (legacy `statuses[]`). */
  statuses: TaskStatusV1[];
  /** Executor id for tasks with a custom or default (task group) executor; absent for command tasks. */
  executorId?: string;
  user?: string;
  /** uuid of the terminal update; the task moves to completed once it is acknowledged. */
  terminalUuid?: string;
  /** Seconds since epoch when it became unreachable. */
  unreachableTime?: number;
}

export interface FrameworkRecord {
  id: string;
  info: FrameworkInfoV1;
  roles: string[];
  capabilities: Set<string>;
  active: boolean;
  connected: boolean;
  /** Known only from an agent's re-registration, not (yet) from a SUBSCRIBE. */
  recovered: boolean;
  registeredTime: number;
  reregisteredTime?: number;
  unregisteredTime?: number;
  suppressedRoles: Set<string>;
  /** Live tasks (non-terminal, or terminal but not yet acknowledged), by task id. */
  tasks: Map<string, TaskRecord>;
  unreachableTasks: Map<string, TaskRecord>;
  /** Newest last; bounded by --max_completed_tasks_per_framework. */
  completedTasks: TaskRecord[];
  /** Outstanding offer ids. */
  offers: Set<string>;
  /** Executors known to run on agents: agentId → executorId → ExecutorInfo. */
  executors: Map<string, Map<string, ExecutorInfoV1>>;
}

export interface AgentRecord {
  id: string;
  info: AgentInfoV1;
  /** `slave(1)@ip:port` as upstream prints it. */
  pid: string;
  total: Resources;
  registeredTime: number;
  reregisteredTime?: number;
  /** Offers are made from an active agent only (a disconnected agent is deactivated). */
  active: boolean;
  connected: boolean;
  version: string;
  capabilities: string[];
  /** Task keys `<frameworkId>/<taskId>` of live tasks on this agent. */
  taskKeys: Set<string>;
}

export interface UnreachableAgent {
  id: string;
  info: AgentInfoV1;
  pid: string;
  unreachableTime: number;
}

/** An admitted agent read back from the registry after a failover, until it re-registers. */
export interface RecoveredAgent {
  id: string;
  info: AgentInfoV1;
  pid: string;
}

export interface OfferRecord {
  id: string;
  frameworkId: string;
  agentId: string;
  role: string;
  resources: Resources;
  createdAt: number;
}

/** Cumulative counters behind `/metrics/snapshot` (upstream metric names in metrics.ts). */
export interface MasterCounters {
  slaveRegistrations: number;
  slaveReregistrations: number;
  slaveRemovals: number;
  validStatusUpdates: number;
  invalidStatusUpdates: number;
  allocationRuns: number;
  /** Terminal task counts by state, e.g. TASK_FINISHED → 3. */
  terminalTasks: Partial<Record<TaskStateName, number>>;
  /** Calls received, by scheduler call type (`master/messages_*`). */
  calls: Record<string, number>;
}

/** Counters at zero, for a new (or newly elected) master. */
export function emptyCounters(): MasterCounters {
  return {
    slaveRegistrations: 0,
    slaveReregistrations: 0,
    slaveRemovals: 0,
    validStatusUpdates: 0,
    invalidStatusUpdates: 0,
    allocationRuns: 0,
    terminalTasks: {},
    calls: {},
  };
}

/** Read-only view of the master for renderers. */
export interface MasterView {
  readonly info: MasterInfoV1;
  readonly flags: Record<string, string>;
  /** Seconds since epoch. */
  readonly startTime: number;
  readonly electedTime?: number;
  /** Whether this master leads (always without `--zk`; with it, while ZooKeeper says so). */
  readonly elected: boolean;
  readonly frameworks: ReadonlyMap<string, FrameworkRecord>;
  readonly completedFrameworks: readonly FrameworkRecord[];
  readonly agents: ReadonlyMap<string, AgentRecord>;
  readonly unreachableAgents: ReadonlyMap<string, UnreachableAgent>;
  /** Agents from the registry that have not re-registered since this master was elected. */
  readonly recoveredAgents?: ReadonlyMap<string, RecoveredAgent>;
  readonly offers: ReadonlyMap<string, OfferRecord>;
  readonly weights: Readonly<Record<string, number>>;
  readonly counters: MasterCounters;
  readonly operatorSubscribers: number;
  /** Task record by key `<frameworkId>/<taskId>`. */
  task(key: string): TaskRecord | undefined;
}

/** A framework record with empty collections; `info.id` is set to `id`. */
export function newFrameworkRecord(
  id: string,
  info: FrameworkInfoV1,
  roles: string[],
  state: { active: boolean; connected: boolean; recovered: boolean },
): FrameworkRecord {
  return {
    id,
    info: { ...info, id: { value: id } },
    roles,
    capabilities: new Set((info.capabilities ?? []).map((c) => c.type)),
    ...state,
    registeredTime: Date.now() / 1000,
    suppressedRoles: new Set(),
    tasks: new Map(),
    unreachableTasks: new Map(),
    completedTasks: [],
    offers: new Set(),
    executors: new Map(),
  };
}

export function taskKey(frameworkId: string, taskId: string): string {
  return `${frameworkId}/${taskId}`;
}
