/**
 * The agent (upstream `src/slave/slave.cpp`, in spirit): registers with the master, runs tasks through
 * its containerizers, sends reliable status updates, checkpoints for frameworks that ask for it, and
 * re-adopts running tasks after a restart. Launch, termination and recovery flows live in
 * `task-runner.ts` and `recovery.ts`; this class holds the state they share.
 */
import type { Logger } from '../lib/logger.js';
import { statusUuid } from '../lib/ids.js';
import { MESOS_VERSION } from '../lib/version.js';
import type { AgentEvent } from '../protocol/agent-protocol.js';
import type { Resources } from '../protocol/resources/index.js';
import { type AttributeV1, type FrameworkInfoV1, type TaskStatusV1, isTerminal } from '../protocol/v1/types.js';
import { CheckpointStore } from './checkpoint.js';
import type { Containerizer, ResourceStatistics } from './containerizer/types.js';
import type { HealthChecker } from './health/types.js';
import { MasterLink } from './master-link.js';
import type { AgentCounters, AgentExecutor, AgentFramework, AgentTask, AgentView } from './model.js';
import { recordAgentId } from './paths.js';
import { StatusUpdateManager } from './status-update-manager.js';

export interface AgentConfig {
  /** `http://host:port` of the master. */
  masterUrl: string;
  ip: string;
  port: number;
  hostname: string;
  workDir: string;
  resources: Resources;
  attributes: AttributeV1[];
  flags: Record<string, string>;
  switchUser: boolean;
  executorRegistrationTimeoutMs: number;
  backoffFactorMs: number;
  /** First status-update retry (upstream 10 s). */
  updateRetryMs?: number;
  logFile?: string;
}

/** Extra fields for a status the agent sends. */
export type StatusExtras = Partial<Pick<TaskStatusV1, 'message' | 'reason' | 'healthy' | 'check_status' | 'limitation'>>;

export class Agent implements AgentView {
  id?: string;
  readonly startTime = Date.now() / 1000;
  readonly frameworks = new Map<string, AgentFramework>();
  readonly completedFrameworks: AgentFramework[] = [];
  readonly counters: AgentCounters = { terminalTasks: {}, validStatusUpdates: 0, invalidStatusUpdates: 0, containerLaunchErrors: 0, recoveryErrors: 0 };
  readonly link: MasterLink;
  readonly updates: StatusUpdateManager;
  /** Health and generalized checks by task key. */
  readonly checks = new Map<string, HealthChecker[]>();
  /** Why a container is being killed, so its termination maps to the right state. */
  readonly kills = new Map<string, StatusExtras & { state?: 'TASK_KILLED' | 'TASK_FAILED' }>();
  /** Live task key `<fw>/<task>` → its container id. */
  readonly containerOf = new Map<string, string>();
  /** Containers handed to a containerizer (a kill before that only needs to cancel the launch). */
  readonly launched = new Set<string>();
  /** Executor run container id → its meta (checkpoint) directory. */
  readonly metaDirs = new Map<string, string>();
  /** Frameworks being shut down: their tasks' final updates are not sent. */
  readonly shuttingDown = new Set<string>();
  private store?: CheckpointStore;
  handler: (e: AgentEvent) => void = () => {};

  constructor(
    readonly config: AgentConfig,
    readonly containerizers: Containerizer[],
    readonly log: Logger,
  ) {
    this.updates = new StatusUpdateManager(
      (u) => this.link.post({ type: 'UPDATE', agent_id: { value: this.id ?? '' }, update: { framework_id: { value: u.frameworkId }, status: u.status } }),
      config.updateRetryMs ?? 10_000,
    );
    this.link = new MasterLink({
      masterUrl: config.masterUrl,
      log,
      backoffFactorMs: config.backoffFactorMs,
      subscribePayload: () => ({
        agent_info: { hostname: config.hostname, port: config.port, resources: config.resources.toV1(), attributes: config.attributes },
        version: MESOS_VERSION,
        capabilities: [{ type: 'MULTI_ROLE' }, { type: 'HIERARCHICAL_ROLE' }, { type: 'RESERVATION_REFINEMENT' }, { type: 'TASK_LABELS_FIELD' }],
        tasks: this.liveTasks().map((t) => ({ framework_id: { value: t.frameworkId }, task: t.info, state: t.state, status: t.statuses.at(-1), executor_id: { value: t.executorId } })),
        frameworks: [...this.frameworks.values()].map((f) => f.info),
      }),
      onSubscribed: (id) => this.onRegistered(id),
      onEvent: (e) => this.handler(e),
    });
  }

  get hostname(): string {
    return this.config.hostname;
  }
  get ip(): string {
    return this.config.ip;
  }
  get port(): number {
    return this.config.port;
  }
  get pid(): string {
    return `slave(1)@${this.config.ip}:${this.config.port}`;
  }
  get flags(): Record<string, string> {
    return this.config.flags;
  }
  get total(): Resources {
    return this.config.resources;
  }
  get attributes(): AttributeV1[] {
    return this.config.attributes;
  }
  get workDir(): string {
    return this.config.workDir;
  }
  get registered(): boolean {
    return this.link.connected && this.id !== undefined;
  }
  get masterHostname(): string | undefined {
    return new URL(this.config.masterUrl).host;
  }

  async usage(containerId: string): Promise<ResourceStatistics | undefined> {
    const ex = this.executorByContainer(containerId);
    return ex ? this.containerizerNamed(ex.containerizer)?.usage(containerId) : undefined;
  }

  containerizerNamed(name: string): Containerizer | undefined {
    return this.containerizers.find((c) => c.name === name);
  }

  executorByContainer(containerId: string): AgentExecutor | undefined {
    for (const fw of this.frameworks.values()) for (const ex of fw.executors.values()) if (ex.containerId === containerId) return ex;
    return undefined;
  }

  liveTasks(): AgentTask[] {
    const out: AgentTask[] = [];
    for (const fw of this.frameworks.values()) for (const ex of fw.executors.values()) out.push(...ex.tasks.values());
    return out;
  }

  /** The checkpoint store once we have an agent id. */
  checkpoints(): CheckpointStore | undefined {
    if (!this.store && this.id) this.store = new CheckpointStore(this.config.workDir, this.id);
    return this.store;
  }

  private onRegistered(id: string): void {
    if (this.id !== id) {
      this.id = id;
      this.store = undefined;
      recordAgentId(this.config.workDir, id);
    }
    this.updates.resendAll();
    this.log.info({ agentId: id }, 'registered with the master');
  }

  ensureFramework(info: FrameworkInfoV1): AgentFramework {
    const id = info.id!.value;
    let fw = this.frameworks.get(id);
    if (!fw) {
      fw = { id, info, executors: new Map(), completedExecutors: [] };
      this.frameworks.set(id, fw);
    } else {
      fw.info = info;
    }
    if (info.checkpoint) this.checkpoints()?.saveFramework(info);
    return fw;
  }

  /** Records and sends a status for `task` (reliably, with a fresh uuid) and checkpoints it. */
  sendStatus(task: AgentTask, ex: AgentExecutor, state: TaskStatusV1['state'], extras: StatusExtras = {}): void {
    const status: TaskStatusV1 = {
      task_id: { value: task.taskId },
      state,
      source: 'SOURCE_EXECUTOR',
      agent_id: { value: this.id ?? '' },
      executor_id: { value: ex.executorId },
      timestamp: Date.now() / 1000,
      uuid: statusUuid(),
      container_status: {
        container_id: { value: ex.containerId },
        network_infos: [{ ip_addresses: [{ ip_address: this.config.ip }] }],
      },
      ...extras,
    };
    task.state = state;
    task.statuses.push(status);
    if (isTerminal(state)) this.counters.terminalTasks[state] = (this.counters.terminalTasks[state] ?? 0) + 1;
    if (!this.shuttingDown.has(task.frameworkId)) this.updates.enqueue({ frameworkId: task.frameworkId, status });
    this.checkpointTask(task, ex);
  }

  /** Checkpoints an executor's run: which containerizer, where, and which task runs in which container. */
  saveRun(fw: AgentFramework, ex: AgentExecutor): void {
    if (!fw.info.checkpoint) return;
    const containers: Record<string, string> = {};
    for (const t of ex.tasks.values()) containers[t.taskId] = this.containerOf.get(`${fw.id}/${t.taskId}`) ?? ex.containerId;
    this.checkpoints()?.saveRun(fw.id, ex.executorId, {
      containerId: ex.containerId,
      containerizer: ex.containerizer,
      sandbox: ex.directory,
      metaDir: this.metaDirs.get(ex.containerId) ?? '',
      taskIds: Object.keys(containers),
      containers,
    });
  }

  checkpointTask(task: AgentTask, ex: AgentExecutor): void {
    const fw = this.frameworks.get(task.frameworkId);
    if (!fw?.info.checkpoint) return;
    this.checkpoints()?.saveTask(task.frameworkId, ex.executorId, ex.containerId, {
      info: task.info,
      state: task.state,
      statuses: task.statuses,
      pending: this.updates.pendingFor(task.frameworkId, task.taskId).map((u) => u.status),
    });
  }

  /** A framework acknowledged an update: stop re-sending it and retire finished tasks. */
  acknowledged(frameworkId: string, taskId: string, uuid: string): void {
    if (!this.updates.acknowledge(frameworkId, taskId, uuid)) return;
    const fw = this.frameworks.get(frameworkId);
    const found = fw && this.findTask(fw, taskId);
    if (!found) return;
    this.checkpointTask(found.task, found.ex);
    if (isTerminal(found.task.state) && this.updates.pendingFor(frameworkId, taskId).length === 0) this.retireTask(fw, found.ex, found.task);
  }

  /** The live task and its executor; command tasks' executor id is the task id, so look there first. */
  findTask(fw: AgentFramework, taskId: string): { ex: AgentExecutor; task: AgentTask } | undefined {
    const own = fw.executors.get(taskId)?.tasks.get(taskId);
    if (own) return { ex: fw.executors.get(taskId)!, task: own };
    for (const ex of fw.executors.values()) {
      const task = ex.tasks.get(taskId);
      if (task) return { ex, task };
    }
    return undefined;
  }

  /** Moves a finished task (and its executor, framework when empty) to the completed lists. */
  retireTask(fw: AgentFramework, ex: AgentExecutor, task: AgentTask): void {
    ex.tasks.delete(task.taskId);
    ex.completedTasks.push(task);
    if (ex.completedTasks.length > 1000) ex.completedTasks.shift();
    if (ex.tasks.size > 0) return;
    fw.executors.delete(ex.executorId);
    fw.completedExecutors.push(ex);
    if (fw.completedExecutors.length > 150) fw.completedExecutors.shift();
    if (fw.executors.size === 0 && this.shuttingDown.has(fw.id)) {
      this.frameworks.delete(fw.id);
      this.completedFrameworks.push(fw);
      if (this.completedFrameworks.length > 50) this.completedFrameworks.shift();
    }
  }

  start(): void {
    this.link.agentId = this.id;
    this.link.start();
  }

  async stop(): Promise<void> {
    this.link.stop();
    this.updates.stop();
    for (const list of this.checks.values()) for (const c of list) c.stop();
    await Promise.all(this.containerizers.map((c) => c.close()));
  }
}
