/**
 * v1 agent shapes (upstream `AgentInfo` in `mesos.proto` and `Response.GetAgents.Agent` in
 * `include/mesos/v1/master/master.proto`), for `GET_AGENTS`, `GET_STATE` and `AGENT_ADDED`.
 */
import type { AgentRecord, MasterView } from '../../model.js';
import { agentOffered, agentUsed, buildLedger, type Ledger } from '../legacy/accounting.js';
import { id, timeInfo } from './wire.js';

const DEFAULT_AGENT_PORT = 5051;

/** AgentInfo with the id and the total resources the master knows (not the registration copy). */
export function v1AgentInfo(agent: AgentRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    hostname: agent.info.hostname,
    port: agent.info.port ?? DEFAULT_AGENT_PORT,
    id: id(agent.id),
    resources: agent.total.toV1(),
    attributes: agent.info.attributes ?? [],
  };
  if (agent.info.domain !== undefined) out.domain = agent.info.domain;
  return out;
}

/**
 * One `GetAgents.Agent`: info, liveness, times as `{nanoseconds}`, and the resource breakdown.
 * Pass one `ledger` when rendering many agents.
 */
export function v1Agent(agent: AgentRecord, view: MasterView, ledger: Ledger = buildLedger(view)): Record<string, unknown> {
  const out: Record<string, unknown> = {
    agent_info: v1AgentInfo(agent),
    active: agent.active,
    deactivated: !agent.active,
    version: agent.version,
    pid: agent.pid,
    registered_time: timeInfo(agent.registeredTime),
  };
  if (agent.reregisteredTime !== undefined) out.reregistered_time = timeInfo(agent.reregisteredTime);
  out.total_resources = agent.total.toV1();
  out.allocated_resources = agentUsed(view, agent, ledger).toV1();
  out.offered_resources = agentOffered(view, agent.id, ledger).toV1();
  out.capabilities = agent.capabilities.map((type) => ({ type }));
  out.resource_providers = [];
  return out;
}
