/**
 * Agent operator API v1 state calls (upstream `Http::getFrameworks`, `getExecutors`, `getTasks`,
 * `getState`, `getAgent`, `getContainers` in `src/slave/http.cpp`; shapes from
 * `include/mesos/v1/agent/agent.proto` `Response`): ids as `{value}`, resources as v1 arrays,
 * enums as strings. The `*Body` builders return only the payload so `GET_STATE` can embed them.
 */
import type { TaskStatusV1 } from '../../../protocol/v1/types.js';
import type { AgentExecutor, AgentFramework, AgentTask, AgentView } from '../../model.js';
import { agentIdOf } from '../legacy/state.js';
import { executorName } from '../legacy/framework.js';
import type { ExecutorUsage } from '../monitor.js';

const id = (value: string) => ({ value });

/** Stored statuses drop `data` (as upstream's status history does): it can be large and is private. */
function storedStatus(s: TaskStatusV1): TaskStatusV1 {
  const { data: _data, ...rest } = s;
  return rest;
}

export function v1AgentTask(task: AgentTask, agentId: string): Record<string, unknown> {
  const info = task.info;
  const out: Record<string, unknown> = {
    name: info.name,
    task_id: id(task.taskId),
    framework_id: id(task.frameworkId),
    executor_id: id(task.executorId),
    agent_id: id(agentId),
    state: task.state,
    resources: task.resources.toV1(),
    statuses: task.statuses.map(storedStatus),
  };
  for (const key of ['labels', 'discovery', 'container', 'health_check', 'check', 'kill_policy', 'limits'] as const) {
    if (info[key] !== undefined) out[key] = info[key];
  }
  const user = info.command?.user ?? info.executor?.command?.user;
  if (user !== undefined) out.user = user;
  return out;
}

function v1ExecutorInfo(e: AgentExecutor): Record<string, unknown> {
  return { ...e.info, executor_id: id(e.executorId), framework_id: id(e.frameworkId) };
}

const frameworkEntry = (fw: AgentFramework) => ({ framework_info: { ...fw.info, id: id(fw.id) } });
const allFrameworks = (view: AgentView) => [...view.frameworks.values(), ...view.completedFrameworks];

export function frameworksBody(view: AgentView): Record<string, unknown> {
  return {
    frameworks: [...view.frameworks.values()].map(frameworkEntry),
    completed_frameworks: view.completedFrameworks.map(frameworkEntry),
  };
}

/** Live executors of live frameworks are `executors`; every other one is completed. */
export function executorsBody(view: AgentView): Record<string, unknown> {
  const live = [...view.frameworks.values()].flatMap((fw) => [...fw.executors.values()]);
  const done = [
    ...[...view.frameworks.values()].flatMap((fw) => fw.completedExecutors),
    ...view.completedFrameworks.flatMap((fw) => [...fw.completedExecutors, ...fw.executors.values()]),
  ];
  return {
    executors: live.map((e) => ({ executor_info: v1ExecutorInfo(e) })),
    completed_executors: done.map((e) => ({ executor_info: v1ExecutorInfo(e) })),
  };
}

/**
 * `launched_tasks` are the live ones; finished tasks are `completed_tasks`. `pending_tasks`,
 * `queued_tasks` and `terminated_tasks` (terminal but not yet acknowledged) stay empty: the
 * tsmesos agent does not hold tasks in those intermediate states.
 */
export function tasksBody(view: AgentView): Record<string, unknown> {
  const agentId = agentIdOf(view);
  const launched: AgentTask[] = [];
  const completed: AgentTask[] = [];
  for (const fw of allFrameworks(view)) {
    for (const e of [...fw.executors.values(), ...fw.completedExecutors]) {
      launched.push(...e.tasks.values());
      completed.push(...e.completedTasks);
    }
  }
  return {
    pending_tasks: [],
    queued_tasks: [],
    launched_tasks: launched.map((t) => v1AgentTask(t, agentId)),
    terminated_tasks: [],
    completed_tasks: completed.map((t) => v1AgentTask(t, agentId)),
  };
}

export function stateBody(view: AgentView): Record<string, unknown> {
  return { get_tasks: tasksBody(view), get_executors: executorsBody(view), get_frameworks: frameworksBody(view) };
}

/** AgentInfo as the master would see it: id once registered, total resources, raw attributes. */
export function agentBody(view: AgentView): Record<string, unknown> {
  const info: Record<string, unknown> = { hostname: view.hostname, port: view.port };
  if (view.id !== undefined) info.id = id(view.id);
  info.resources = view.total.toV1();
  info.attributes = view.attributes;
  return { agent_info: info, resource_providers: [] };
}

export function containersBody(usage: readonly ExecutorUsage[]): Record<string, unknown> {
  return {
    containers: usage.map(({ executor: e, statistics }) => {
      const out: Record<string, unknown> = {
        framework_id: id(e.frameworkId),
        executor_id: id(e.executorId),
        executor_name: executorName(e),
        container_id: id(e.containerId),
        container_status: { container_id: id(e.containerId) },
      };
      if (statistics !== undefined) out.resource_statistics = statistics;
      return out;
    }),
  };
}
