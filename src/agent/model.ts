/**
 * The agent's in-memory records (upstream `src/slave/slave.hpp` Framework, Executor, Task) and the
 * read-only `AgentView` that its HTTP endpoints render (`/state`, `/monitor/statistics`, `/files/*`).
 */
import type { Resources } from '../protocol/resources/index.js';
import type { AttributeV1, ExecutorInfoV1, FrameworkInfoV1, TaskInfoV1, TaskStateName, TaskStatusV1 } from '../protocol/v1/types.js';
import type { ResourceStatistics } from './containerizer/types.js';

export interface AgentTask {
  taskId: string;
  frameworkId: string;
  executorId: string;
  info: TaskInfoV1;
  resources: Resources;
  state: TaskStateName;
  /** Statuses sent for this task, oldest first. */
  statuses: TaskStatusV1[];
}

export interface AgentExecutor {
  executorId: string;
  frameworkId: string;
  /** ExecutorInfo; synthesised (id = task id) for command tasks, as upstream. */
  info: ExecutorInfoV1;
  /** The current run's container id. */
  containerId: string;
  /** Absolute sandbox path `<work_dir>/slaves/<agentId>/frameworks/<fw>/executors/<ex>/runs/<containerId>`. */
  directory: string;
  /**
   * The executor's own resources (ExecutorInfo.resources; for a command executor the synthesised
   * overhead), not counting its tasks': `/state` and `/metrics/snapshot` add the tasks' on top.
   */
  resources: Resources;
  /** Live tasks (non-terminal) by id. */
  tasks: Map<string, AgentTask>;
  completedTasks: AgentTask[];
  /** Containerizer that runs it (`mesos`, `docker`, `fake`). */
  containerizer: string;
}

export interface AgentFramework {
  id: string;
  info: FrameworkInfoV1;
  executors: Map<string, AgentExecutor>;
  completedExecutors: AgentExecutor[];
}

export interface AgentView {
  /** Undefined until the master has registered us. */
  readonly id?: string;
  readonly hostname: string;
  readonly ip: string;
  readonly port: number;
  /** `slave(1)@ip:port`. */
  readonly pid: string;
  readonly startTime: number;
  readonly flags: Record<string, string>;
  readonly total: Resources;
  readonly attributes: AttributeV1[];
  readonly workDir: string;
  /**
   * Capabilities the agent advertises to the master (`MULTI_ROLE`, `HIERARCHICAL_ROLE`, …), echoed by
   * `/state`. Optional so older views still type-check; the HTTP layer falls back to its own list.
   */
  readonly capabilities?: readonly string[];
  /** `host:port` of the master we are registered with, when known. */
  readonly masterHostname?: string;
  readonly registered: boolean;
  readonly frameworks: ReadonlyMap<string, AgentFramework>;
  readonly completedFrameworks: readonly AgentFramework[];
  /** Live resource usage of one container (undefined when unknown). */
  usage(containerId: string): Promise<ResourceStatistics | undefined>;
  /** Counters behind `/metrics/snapshot` (`slave/*` names). */
  readonly counters: AgentCounters;
}

export interface AgentCounters {
  /** Terminal task counts by state. */
  terminalTasks: Partial<Record<TaskStateName, number>>;
  validStatusUpdates: number;
  invalidStatusUpdates: number;
  containerLaunchErrors: number;
  recoveryErrors: number;
}
