/**
 * Running tasks (mesos-api.md §5, upstream command and default executors): a command task gets its
 * own executor (id = task id) and container; a task group shares one executor, each task in its own
 * container under `<sandbox>/tasks/<taskId>`, and the group dies together when one task fails or is
 * killed. STARTING → RUNNING → FINISHED | FAILED | KILLED, with exit code and reason.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { uuid } from '../lib/ids.js';
import { Resources } from '../protocol/resources/index.js';
import type { ExecutorInfoV1, FrameworkInfoV1, TaskInfoV1 } from '../protocol/v1/types.js';
import type { Agent, StatusExtras } from './agent.js';
import type { ContainerTermination, Containerizer, LaunchSpec } from './containerizer/types.js';
import { startTaskChecks } from './task-checks.js';
import type { AgentExecutor, AgentFramework, AgentTask } from './model.js';
import { prepareRun, runPaths } from './paths.js';
import { taskEnvironment } from './task-env.js';

/** Kill policy grace (upstream command executor default 3 s). */
export function graceMs(policy?: TaskInfoV1['kill_policy']): number {
  const ns = policy?.grace_period?.nanoseconds;
  return typeof ns === 'number' && ns >= 0 ? ns / 1e6 : 3000;
}

export function pickContainerizer(agent: Agent, container: unknown): Containerizer | undefined {
  return agent.containerizers.find((c) => c.accepts(container));
}

/** Upstream's synthesised ExecutorInfo for a command task. */
function commandExecutorInfo(fwId: string, task: TaskInfoV1): ExecutorInfoV1 {
  const cmd = task.command?.value ?? task.command?.arguments?.join(' ') ?? '';
  return {
    executor_id: { value: task.task_id.value },
    framework_id: { value: fwId },
    name: `Command Executor (Task: ${task.task_id.value}) (Command: sh -c '${cmd.slice(0, 100)}')`,
    source: task.task_id.value,
    command: { value: 'mesos-executor' },
    resources: task.resources,
  } as ExecutorInfoV1;
}

function containerKey(fwId: string, containerId: string): string {
  return `${fwId}/${containerId}`;
}

export function launchTask(agent: Agent, fwInfo: FrameworkInfoV1, task: TaskInfoV1): void {
  const fw = agent.ensureFramework(fwInfo);
  if (task.executor) {
    failUnlaunched(agent, fw, task, task.executor, 'Custom executors are not supported by tsmesos yet', 'REASON_EXECUTOR_TERMINATED');
    return;
  }
  const exInfo = commandExecutorInfo(fw.id, task);
  const ex = newExecutor(agent, fw, exInfo, task.container);
  if (!ex) return void failUnlaunched(agent, fw, task, exInfo, containerizerMissing(agent, task.container), 'REASON_CONTAINER_LAUNCH_FAILED');
  startContainer(agent, fw, ex.ex, task, ex.ex.containerId, ex.ex.directory, agent.metaDirs.get(ex.ex.containerId)!, ex.ready);
}

export function launchGroup(agent: Agent, fwInfo: FrameworkInfoV1, executor: ExecutorInfoV1, tasks: TaskInfoV1[]): void {
  const fw = agent.ensureFramework(fwInfo);
  const ex = newExecutor(agent, fw, executor, tasks[0]?.container);
  if (!ex) {
    for (const t of tasks) failUnlaunched(agent, fw, t, executor, containerizerMissing(agent, tasks[0]?.container), 'REASON_CONTAINER_LAUNCH_FAILED');
    return;
  }
  for (const t of tasks) {
    const sandbox = join(ex.ex.directory, 'tasks', t.task_id.value);
    const cid = `${ex.ex.containerId}.${uuid()}`;
    const metaDir = join(agent.metaDirs.get(ex.ex.containerId)!, 'containers', cid);
    const ready = ex.ready.then(async () => {
      await Promise.all([mkdir(sandbox, { recursive: true }), mkdir(metaDir, { recursive: true })]);
    });
    startContainer(agent, fw, ex.ex, t, cid, sandbox, metaDir, ready);
  }
}

function containerizerMissing(agent: Agent, container: unknown): string {
  const type = (container as { type?: string } | undefined)?.type ?? 'MESOS';
  return `No containerizer of this agent (${agent.containerizers.map((c) => c.name).join(', ')}) runs ${type} containers; start the agent with --containerizers including ${type === 'DOCKER' ? 'docker' : 'mesos'}`;
}

/** Registers a new executor run at once; its directories are created asynchronously (`ready`). */
function newExecutor(agent: Agent, fw: AgentFramework, info: ExecutorInfoV1, container: unknown): { ex: AgentExecutor; ready: Promise<void> } | undefined {
  const containerizer = pickContainerizer(agent, container);
  if (!containerizer) return undefined;
  const containerId = uuid();
  const paths = runPaths(agent.config.workDir, agent.id ?? 'unregistered', fw.id, info.executor_id.value, containerId);
  const ex: AgentExecutor = {
    executorId: info.executor_id.value,
    frameworkId: fw.id,
    info,
    containerId,
    directory: paths.sandbox,
    resources: Resources.fromV1(info.resources ?? []),
    tasks: new Map(),
    completedTasks: [],
    containerizer: containerizer.name,
  };
  fw.executors.set(ex.executorId, ex);
  agent.metaDirs.set(containerId, paths.metaDir);
  if (fw.info.checkpoint) agent.checkpoints()?.saveExecutor(fw.id, info);
  return { ex, ready: prepareRun(paths) };
}

function failUnlaunched(agent: Agent, fw: AgentFramework, task: TaskInfoV1, exInfo: ExecutorInfoV1, message: string, reason: string): void {
  agent.counters.containerLaunchErrors++;
  const ex: AgentExecutor = { executorId: exInfo.executor_id.value, frameworkId: fw.id, info: exInfo, containerId: uuid(), directory: '', resources: Resources.empty(), tasks: new Map(), completedTasks: [], containerizer: 'none' };
  const t = newAgentTask(fw.id, ex.executorId, task);
  ex.tasks.set(t.taskId, t);
  fw.executors.set(ex.executorId, ex);
  agent.sendStatus(t, ex, 'TASK_FAILED', { message, reason });
}

function newAgentTask(fwId: string, exId: string, task: TaskInfoV1): AgentTask {
  return { taskId: task.task_id.value, frameworkId: fwId, executorId: exId, info: task, resources: Resources.fromV1(task.resources ?? []), state: 'TASK_STAGING', statuses: [] };
}

function startContainer(agent: Agent, fw: AgentFramework, ex: AgentExecutor, info: TaskInfoV1, containerId: string, sandbox: string, metaDir: string, ready: Promise<void>): void {
  const task = newAgentTask(fw.id, ex.executorId, info);
  ex.tasks.set(task.taskId, task);
  agent.containerOf.set(`${fw.id}/${task.taskId}`, containerId);
  agent.saveRun(fw, ex);
  agent.sendStatus(task, ex, 'TASK_STARTING');
  const containerizer = agent.containerizerNamed(ex.containerizer)!;
  const env = taskEnvironment({
    base: process.env,
    frameworkId: fw.id,
    executorId: ex.executorId,
    taskId: task.taskId,
    agentId: agent.id ?? '',
    agentEndpoint: `${agent.config.ip}:${agent.config.port}`,
    sandbox,
    checkpoint: !!fw.info.checkpoint,
    resources: task.resources,
    command: info.command,
  });
  const spec: LaunchSpec = {
    containerId,
    frameworkId: fw.id,
    executorId: ex.executorId,
    taskId: task.taskId,
    sandbox,
    metaDir,
    command: info.command ?? { value: '' },
    env,
    user: agent.config.switchUser ? (info.command?.user ?? fw.info.user) : undefined,
    limits: { cpus: task.resources.scalar('cpus') || 0.1, memMb: task.resources.scalar('mem') || 32, diskMb: task.resources.scalar('disk') || undefined },
    container: info.container,
  };
  const timeoutMs = agent.config.executorRegistrationTimeoutMs;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`Task did not start within ${timeoutMs / 1000} s (--executor_registration_timeout)`), { timeout: true })), timeoutMs);
    timer.unref();
  });
  // The container is launched once its directories exist; a kill that arrived meanwhile wins.
  const launched = ready.then(() => {
    if (agent.kills.has(containerKey(fw.id, containerId))) throw Object.assign(new Error('Task was killed before it started'), { killed: true });
    const started = containerizer.launch(spec);
    agent.launched.add(containerId);
    watchContainer(agent, fw, ex, task, containerizer, containerId);
    return started;
  });
  Promise.race([launched, timeout])
    .then(() => {
      clearTimeout(timer);
      if (task.state !== 'TASK_STARTING') return;
      agent.sendStatus(task, ex, 'TASK_RUNNING');
      startTaskChecks(agent, ex, task, sandbox, env);
    })
    .catch((err: Error & { timeout?: boolean; killed?: boolean }) => {
      clearTimeout(timer);
      if (err.killed) {
        finish(agent, fw, ex, task, containerId, { exitCode: null, signal: null, oom: false, message: err.message });
        return;
      }
      agent.counters.containerLaunchErrors++;
      if (err.timeout) void containerizer.kill(containerId, 0).catch(() => {});
      agent.kills.set(containerKey(fw.id, containerId), {
        state: 'TASK_FAILED',
        message: `Failed to launch container: ${err.message}`,
        reason: err.timeout ? 'REASON_EXECUTOR_REGISTRATION_TIMEOUT' : 'REASON_CONTAINER_LAUNCH_FAILED',
      });
      if (!err.timeout) finish(agent, fw, ex, task, containerId, { exitCode: null, signal: null, oom: false, message: err.message });
    });
}

/** Waits for the container to end and sends the task's terminal status. */
export function watchContainer(agent: Agent, fw: AgentFramework, ex: AgentExecutor, task: AgentTask, containerizer: Containerizer, containerId: string): void {
  containerizer.wait(containerId).then(
    (term) => finish(agent, fw, ex, task, containerId, term),
    // A failed launch rejects both launch() and wait(); deferring lets the launch failure's own
    // status (REASON_CONTAINER_LAUNCH_FAILED) win over this generic one.
    (err: Error) => setImmediate(() => finish(agent, fw, ex, task, containerId, { exitCode: null, signal: null, oom: false, message: `Container lost: ${err.message}` })),
  );
}

/** Maps a container's end to the task's terminal state (upstream command executor semantics). */
export function terminalStatus(term: ContainerTermination, kill?: StatusExtras & { state?: 'TASK_KILLED' | 'TASK_FAILED' }): { state: 'TASK_FINISHED' | 'TASK_FAILED' | 'TASK_KILLED'; extras: StatusExtras } {
  if (term.oom) {
    return { state: 'TASK_FAILED', extras: { message: term.message, reason: 'REASON_CONTAINER_LIMITATION_MEMORY', limitation: { resources: [{ name: 'mem', type: 'SCALAR' }] } } };
  }
  if (kill) return { state: kill.state ?? 'TASK_KILLED', extras: { message: kill.message ?? term.message, ...(kill.reason ? { reason: kill.reason } : {}), ...(kill.healthy !== undefined ? { healthy: kill.healthy } : {}) } };
  if (term.exitCode === 0) return { state: 'TASK_FINISHED', extras: { message: term.message } };
  if (term.exitCode === null && term.signal === null) return { state: 'TASK_FAILED', extras: { message: term.message, reason: 'REASON_EXECUTOR_TERMINATED' } };
  return { state: 'TASK_FAILED', extras: { message: term.message, reason: 'REASON_COMMAND_EXECUTOR_FAILED' } };
}

function finish(agent: Agent, fw: AgentFramework, ex: AgentExecutor, task: AgentTask, containerId: string, term: ContainerTermination): void {
  if (!ex.tasks.has(task.taskId) || ['TASK_FINISHED', 'TASK_FAILED', 'TASK_KILLED'].includes(task.state)) return;
  for (const c of agent.checks.get(`${fw.id}/${task.taskId}`) ?? []) c.stop();
  agent.checks.delete(`${fw.id}/${task.taskId}`);
  const key = containerKey(fw.id, containerId);
  const { state, extras } = terminalStatus(term, agent.kills.get(key));
  agent.kills.delete(key);
  agent.sendStatus(task, ex, state, extras);
  agent.containerOf.delete(`${fw.id}/${task.taskId}`);
  agent.launched.delete(containerId);
  if (agent.shuttingDown.has(fw.id) || agent.updates.pendingFor(fw.id, task.taskId).length === 0) agent.retireTask(fw, ex, task);
  // A task group dies together when one of its tasks fails or is killed.
  if (state !== 'TASK_FINISHED' && ex.info.type === 'DEFAULT') {
    for (const other of ex.tasks.values()) {
      if (other !== task && !['TASK_FINISHED', 'TASK_FAILED', 'TASK_KILLED'].includes(other.state)) {
        killTask(agent, fw.id, other.taskId, 0, { message: `Killed because task group member ${task.taskId} ended with ${state}` });
      }
    }
  }
}

/** Kills one task: TASK_KILLING first for frameworks that asked for it, then SIGTERM → grace → SIGKILL. */
export function killTask(agent: Agent, fwId: string, taskId: string, grace?: number, why: StatusExtras & { state?: 'TASK_KILLED' | 'TASK_FAILED' } = {}): void {
  const fw = agent.frameworks.get(fwId);
  const containerId = agent.containerOf.get(`${fwId}/${taskId}`);
  const found = fw && containerId ? agent.findTask(fw, taskId) : undefined;
  if (!found) return;
  const { ex, task } = found;
  const key = containerKey(fwId, containerId!);
  if (agent.kills.has(key)) return;
  agent.kills.set(key, why);
  if (fw!.info.capabilities?.some((c) => c.type === 'TASK_KILLING_STATE') && task.state === 'TASK_RUNNING') agent.sendStatus(task, ex, 'TASK_KILLING');
  // A container still being prepared is not launched at all: its pending launch sees the kill.
  if (task.state === 'TASK_STARTING' && !agent.launched.has(containerId!)) return;
  const containerizer = agent.containerizerNamed(ex.containerizer);
  void containerizer?.kill(containerId!, grace ?? graceMs(task.info.kill_policy)).catch((err: Error) => agent.log.error({ err, taskId }, 'kill failed'));
}

/** SHUTDOWN_FRAMEWORK: kill every task of the framework; nobody will acknowledge their updates. */
export function shutdownFramework(agent: Agent, fwId: string): void {
  const fw = agent.frameworks.get(fwId);
  if (!fw) return;
  agent.shuttingDown.add(fwId);
  agent.updates.dropFramework(fwId);
  for (const ex of [...fw.executors.values()]) for (const t of [...ex.tasks.values()]) killTask(agent, fwId, t.taskId);
  if (fw.executors.size === 0) {
    agent.frameworks.delete(fwId);
    agent.completedFrameworks.push(fw);
  }
}
