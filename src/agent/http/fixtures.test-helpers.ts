/**
 * Hand-built `AgentView` fixtures for the agent HTTP tests. Not a test file itself: the builders
 * return plain records so a test can tweak one field and see one effect, and `sandboxFixture`
 * creates real sandbox directories (with `runs/latest` links) so `/files/*` can be exercised.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resources } from '../../protocol/resources/index.js';
import type { TaskStateName, TaskStatusV1 } from '../../protocol/v1/types.js';
import type { ResourceStatistics } from '../containerizer/types.js';
import type { AgentCounters, AgentExecutor, AgentFramework, AgentTask, AgentView } from '../model.js';
import { createRun } from '../paths.js';

export const AGENT_ID = 'M1-S0';

export function status(taskId: string, state: TaskStateName, timestamp: number, extra: Partial<TaskStatusV1> = {}): TaskStatusV1 {
  return { task_id: { value: taskId }, state, timestamp, source: 'SOURCE_EXECUTOR', ...extra };
}

export function makeTask(o: Partial<AgentTask> & { taskId: string }): AgentTask {
  const frameworkId = o.frameworkId ?? 'M1-0000';
  const state = o.state ?? 'TASK_RUNNING';
  return {
    frameworkId,
    executorId: o.executorId ?? o.taskId,
    info: { name: `name-${o.taskId}`, task_id: { value: o.taskId }, agent_id: { value: AGENT_ID }, command: { value: 'sleep 100' } },
    resources: Resources.parse('cpus:0.5;mem:128'),
    state,
    statuses: [status(o.taskId, state, 1000)],
    ...o,
  };
}

export function makeExecutor(o: Partial<AgentExecutor> & { executorId: string; directory: string }): AgentExecutor {
  const frameworkId = o.frameworkId ?? 'M1-0000';
  return {
    frameworkId,
    info: { executor_id: { value: o.executorId }, framework_id: { value: frameworkId }, name: `Command Executor (Task: ${o.executorId})` },
    containerId: `c-${o.executorId}`,
    resources: Resources.parse('cpus:0.1;mem:32'),
    tasks: new Map(),
    completedTasks: [],
    containerizer: 'fake',
    ...o,
  };
}

export function makeFramework(o: Partial<AgentFramework> & { id: string }): AgentFramework {
  return {
    info: { user: 'root', name: `fw-${o.id}`, id: { value: o.id }, roles: ['dev'], hostname: 'sched1', failover_timeout: 60, checkpoint: true, capabilities: [{ type: 'MULTI_ROLE' }] },
    executors: new Map(),
    completedExecutors: [],
    ...o,
  };
}

export function zeroCounters(): AgentCounters {
  return { terminalTasks: {}, validStatusUpdates: 0, invalidStatusUpdates: 0, containerLaunchErrors: 0, recoveryErrors: 0 };
}

export interface ViewParts extends Partial<Omit<AgentView, 'usage'>> {
  /** Usage by container id; containers not listed report `undefined`. */
  usage?: Record<string, ResourceStatistics>;
}

export function makeView(o: ViewParts = {}): AgentView {
  const { usage = {}, ...rest } = o;
  return {
    id: AGENT_ID,
    hostname: 'agent1.example',
    ip: '127.0.0.1',
    port: 5051,
    pid: 'slave(1)@127.0.0.1:5051',
    startTime: 1_700_000_000.25,
    flags: { work_dir: '/var/lib/mesos', port: '5051' },
    total: Resources.parse('cpus:4;mem:4096;disk:10000;ports:[31000-32000];cpus(ads):2;mem(ads):512'),
    attributes: [{ name: 'rack', type: 'TEXT', text: { value: 'r1' } }, { name: 'zone', type: 'SCALAR', scalar: { value: 2 } }],
    workDir: '/var/lib/mesos',
    masterHostname: 'master1:5050',
    registered: true,
    frameworks: new Map(),
    completedFrameworks: [],
    counters: zeroCounters(),
    usage: async (containerId) => usage[containerId],
    ...rest,
  };
}

/** A view over real sandboxes: one live command executor, one completed one, one completed framework. */
export interface SandboxFixture {
  root: string;
  view: AgentView;
  /** The live executor's run directory (`…/runs/c-web.1`). */
  sandbox: string;
  completedSandbox: string;
  oldFrameworkSandbox: string;
  /** A file outside every sandbox, whose bytes must never be served. */
  secret: string;
  secretText: string;
  logFile: string;
  cleanup(): void;
}

export const STDOUT_TEXT = 'hello from the sandbox\nsecond line\n';

export function sandboxFixture(): SandboxFixture {
  const root = mkdtempSync(join(tmpdir(), 'tsmesos-agent-http-'));
  const workDir = join(root, 'work');
  const fwId = 'M1-0000';
  const old = createRun(workDir, AGENT_ID, fwId, 'old.1', 'c-old.1').sandbox;
  const live = createRun(workDir, AGENT_ID, fwId, 'web.1', 'c-web.1').sandbox;
  const gone = createRun(workDir, AGENT_ID, 'M1-0001', 'batch.1', 'c-batch.1').sandbox;
  writeFileSync(join(live, 'stdout'), STDOUT_TEXT);
  writeFileSync(join(live, 'stderr'), '');
  mkdirSync(join(live, 'logs'));
  writeFileSync(join(live, 'logs', 'app.log'), 'app log line\n');
  writeFileSync(join(old, 'stdout'), 'old run output\n');
  writeFileSync(join(gone, 'stdout'), 'batch output\n');
  const secretText = 'TOP-SECRET-7f3a9c0e-do-not-serve';
  const secret = join(root, 'secret.txt');
  writeFileSync(secret, `${secretText}\n`);
  const logFile = join(root, 'agent.log');
  writeFileSync(logFile, 'agent log line\n');

  const webTask = makeTask({ taskId: 'web.1', frameworkId: fwId });
  const web = makeExecutor({ executorId: 'web.1', frameworkId: fwId, directory: live, tasks: new Map([['web.1', webTask]]) });
  const oldExec = makeExecutor({ executorId: 'old.1', frameworkId: fwId, directory: old, completedTasks: [makeTask({ taskId: 'old.1', state: 'TASK_FINISHED' })] });
  const fw = makeFramework({ id: fwId, executors: new Map([['web.1', web]]), completedExecutors: [oldExec] });
  const batch = makeExecutor({ executorId: 'batch.1', frameworkId: 'M1-0001', directory: gone });
  const goneFw = makeFramework({ id: 'M1-0001', completedExecutors: [batch] });
  const view = makeView({
    workDir,
    frameworks: new Map([[fwId, fw]]),
    completedFrameworks: [goneFw],
    usage: { 'c-web.1': { timestamp: 1_700_000_100, cpus_user_time_secs: 1.5, cpus_system_time_secs: 0.25, mem_rss_bytes: 1_048_576 } },
  });
  return {
    root,
    view,
    sandbox: live,
    completedSandbox: old,
    oldFrameworkSandbox: gone,
    secret,
    secretText,
    logFile,
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}
