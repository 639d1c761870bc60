/**
 * Where a task's files live, found the way the upstream web UI finds them (mesos-api.md §4):
 * master `/master/state` → the task's agent and its `pid` (`slave(1)@ip:port`, where the agent
 * really listens) → agent `/state` → the `directory` of the executor that owns the task → the
 * agent's `/files/*` under that directory. This is the lookup users complained about doing by
 * hand (mesos-api.md §9, complaint 4); `tsmesos task cat|tail|ls` share it.
 */
import { posix } from 'node:path';
import { AgentClient, agentBaseUrl } from '../client/agent-client.js';
import { AgentFilesClient } from '../client/agent-files.js';
import type { AgentExecutor, AgentState } from '../client/agent-types.js';
import { ClientError } from '../client/client-error.js';
import type { LegacyTask, MasterState } from '../client/legacy-types.js';
import type { CliContext } from './context.js';
import { UsageError, UserError } from './errors.js';
import { asUserError, masterClient } from './master-address.js';
import { type ResolvedTask, resolveTask } from './task-resolve.js';

/** Options every sandbox command takes. */
export interface TaskTargetOptions {
  master?: string;
  framework?: string;
}

export interface TaskSandbox {
  ref: ResolvedTask;
  /** `http://ip:port` of the agent, from its pid. */
  agentUrl: string;
  agentHostname: string;
  /** The task's sandbox on the agent (absolute; `/files/*` takes it as is). */
  directory: string;
  files: AgentFilesClient;
}

export const FRAMEWORK_OPTION_HELP = 'only consider tasks of this framework (id, unique id prefix, or name)';

/**
 * The executor whose sandbox holds `task`: one that lists the task (a task group shares one
 * executor, whose id is not the task id), else one whose id is the task's executor id (a command
 * task's executor id IS its task id). Live executors before completed ones, newest run first.
 */
export function findExecutor(agent: AgentState, task: Pick<LegacyTask, 'id' | 'framework_id' | 'executor_id'>): AgentExecutor | undefined {
  const ordered: AgentExecutor[] = [];
  for (const fw of [...(agent.frameworks ?? []), ...(agent.completed_frameworks ?? [])]) {
    if (fw.id !== task.framework_id) continue;
    ordered.push(...(fw.executors ?? []), ...[...(fw.completed_executors ?? [])].reverse());
  }
  const lists = (e: AgentExecutor) => [...(e.tasks ?? []), ...(e.queued_tasks ?? []), ...(e.completed_tasks ?? [])];
  const executorId = task.executor_id || task.id;
  return ordered.find((e) => lists(e).some((t) => t.id === task.id)) ?? ordered.find((e) => e.id === executorId);
}

/** `rel` inside `directory`; absolute paths and `..` escapes are refused before asking the agent. */
export function sandboxPath(directory: string, rel = ''): string {
  const clean = posix.normalize(rel === '' ? '.' : rel);
  if (posix.isAbsolute(rel) || clean === '..' || clean.startsWith('../')) {
    throw new UsageError(`${JSON.stringify(rel)} is not inside the sandbox`, 'give a path relative to the sandbox, e.g. stdout or logs/app.log');
  }
  return clean === '.' ? directory : posix.join(directory, clean);
}

/** Resolves the task on the master and finds its sandbox; throws a `UserError` on every miss. */
export async function locateTask(ctx: CliContext, query: string, opts: TaskTargetOptions): Promise<TaskSandbox> {
  const { state, ref } = await resolveOnMaster(ctx, query, opts);
  const found = await findSandbox(state, ref);
  if (found) return found;
  throw noSandboxError(ref);
}

/** One `/master/state` read and the task `query` names in it. */
export async function resolveOnMaster(ctx: CliContext, query: string, opts: TaskTargetOptions): Promise<{ state: MasterState; ref: ResolvedTask }> {
  const state = await masterClient(opts.master, ctx).state().catch(asUserError);
  return { state, ref: resolveTask(state, query, { framework: opts.framework }) };
}

export function noSandboxError(ref: ResolvedTask): UserError {
  return new UserError(
    `the agent running task ${ref.task.id} has no sandbox for it${ref.completed ? ' any more' : ' yet'}`,
    ref.completed ? 'agents delete finished sandboxes after their --gc_delay' : 'the task may still be staging; try again in a moment, or use `tsmesos task tail -f`',
  );
}

/** The sandbox of `ref`, or `undefined` while the agent has no executor for it (yet or any more). */
export async function findSandbox(state: MasterState, ref: ResolvedTask): Promise<TaskSandbox | undefined> {
  const slave = (state.slaves ?? []).find((s) => s.id === ref.task.slave_id);
  if (!slave) {
    throw new UserError(
      `task ${ref.task.id} ran on agent ${ref.task.slave_id}, which the master no longer lists, so its sandbox can not be reached`,
      'see `tsmesos agent list` for the agents the master knows',
    );
  }
  const agentUrl = agentBaseUrl(slave);
  const hint = `is the agent on ${slave.hostname} (${agentUrl}) running and reachable from here? check \`tsmesos agent list\``;
  const agentState = await new AgentClient(agentUrl, { unreachableHint: hint }).state().catch(asUserError);
  const executor = findExecutor(agentState, ref.task);
  if (!executor?.directory) return undefined;
  const files = new AgentFilesClient(agentUrl, { unreachableHint: hint });
  const directory = await taskDirectory(files, executor, ref.task.id);
  return { ref, agentUrl, agentHostname: slave.hostname, directory, files };
}

/**
 * The default executor runs each task of a group in a nested container whose sandbox appears as
 * `<executor sandbox>/tasks/<task id>`; that is where the task's own stdout is. Agents that lay
 * task groups out differently keep the executor's sandbox.
 */
async function taskDirectory(files: AgentFilesClient, executor: AgentExecutor, taskId: string): Promise<string> {
  if (executor.type !== 'DEFAULT') return executor.directory;
  const nested = posix.join(executor.directory, 'tasks', taskId);
  try {
    await files.browse(nested);
    return nested;
  } catch (e) {
    if (e instanceof ClientError && e.status === 404) return executor.directory;
    return asUserError(e);
  }
}

/**
 * Turns an agent's answer about one sandbox path into an operator message: a 404 names the path
 * and suggests `task ls`; a 400 on a directory says so; anything else is the client's own wording.
 */
export function sandboxFileError(e: unknown, sb: TaskSandbox, rel: string, path: string): never {
  if (e instanceof ClientError && e.status === 404) {
    const gone = sb.ref.completed ? '; the agent may have removed the sandbox of this finished task (--gc_delay)' : '';
    throw new UserError(
      `no ${JSON.stringify(rel || '.')} in the sandbox of task ${sb.ref.task.id} (${path} on agent ${sb.agentHostname}, ${sb.agentUrl})`,
      `run \`tsmesos task ls ${sb.ref.task.id}\` to see the files there${gone}`,
    );
  }
  if (e instanceof ClientError && e.status === 400 && /directory/i.test(e.body ?? '')) {
    throw new UserError(`${JSON.stringify(rel)} is a directory in the sandbox of task ${sb.ref.task.id}`, `list it with \`tsmesos task ls ${sb.ref.task.id} ${rel}\``);
  }
  return asUserError(e);
}
