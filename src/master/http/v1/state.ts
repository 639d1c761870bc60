/**
 * Operator API v1 state calls (upstream `Master::Http::getState`, `getAgents`, `getFrameworks`,
 * `getTasks`, `getExecutors` in `src/master/http.cpp`; shapes from
 * `include/mesos/v1/master/master.proto` `Response`). Each `getX` returns the whole response
 * (`{type, get_x}`); the `*Body` builders return only the payload, which `GET_STATE` and the
 * operator `SUBSCRIBED` event embed.
 */
import type { FrameworkRecord, MasterView } from '../../model.js';
import { buildLedger } from '../legacy/accounting.js';
import { v1Agent } from './agent.js';
import { v1Framework } from './framework.js';
import { v1Task } from './task.js';
import { id } from './wire.js';

export function agentsBody(view: MasterView): Record<string, unknown> {
  const ledger = buildLedger(view);
  return {
    agents: [...view.agents.values()].map((a) => v1Agent(a, view, ledger)),
    // Agents known from a registry recovery but not yet re-registered (AgentInfo only).
    recovered_agents: [...(view.recoveredAgents?.values() ?? [])].map((a) => a.info),
  };
}

export function frameworksBody(view: MasterView): Record<string, unknown> {
  return {
    frameworks: [...view.frameworks.values()].map((f) => v1Framework(f, view)),
    completed_frameworks: view.completedFrameworks.map((f) => v1Framework(f, view)),
  };
}

function allFrameworks(view: MasterView): FrameworkRecord[] {
  return [...view.frameworks.values(), ...view.completedFrameworks];
}

/** Deprecated `pending_tasks` and `orphan_tasks` are left out: tsmesos never has either. */
export function tasksBody(view: MasterView): Record<string, unknown> {
  const frameworks = allFrameworks(view);
  return {
    tasks: frameworks.flatMap((f) => [...f.tasks.values()].map(v1Task)),
    unreachable_tasks: frameworks.flatMap((f) => [...f.unreachableTasks.values()].map(v1Task)),
    completed_tasks: frameworks.flatMap((f) => f.completedTasks.map(v1Task)),
  };
}

export function executorsBody(view: MasterView): Record<string, unknown> {
  const executors: Record<string, unknown>[] = [];
  for (const fw of view.frameworks.values()) {
    for (const [agentId, execs] of fw.executors) {
      for (const exec of execs.values()) {
        executors.push({ executor_info: { ...exec, framework_id: exec.framework_id ?? id(fw.id) }, agent_id: id(agentId) });
      }
    }
  }
  return { executors };
}

export function stateBody(view: MasterView): Record<string, unknown> {
  return {
    get_tasks: tasksBody(view),
    get_executors: executorsBody(view),
    get_frameworks: frameworksBody(view),
    get_agents: agentsBody(view),
  };
}

export function getState(view: MasterView): Record<string, unknown> {
  return { type: 'GET_STATE', get_state: stateBody(view) };
}

export function getAgents(view: MasterView): Record<string, unknown> {
  return { type: 'GET_AGENTS', get_agents: agentsBody(view) };
}

export function getFrameworks(view: MasterView): Record<string, unknown> {
  return { type: 'GET_FRAMEWORKS', get_frameworks: frameworksBody(view) };
}

export function getTasks(view: MasterView): Record<string, unknown> {
  return { type: 'GET_TASKS', get_tasks: tasksBody(view) };
}

export function getExecutors(view: MasterView): Record<string, unknown> {
  return { type: 'GET_EXECUTORS', get_executors: executorsBody(view) };
}
