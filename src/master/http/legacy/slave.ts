/**
 * Legacy model JSON of an agent (upstream `SlaveWriter` in `src/master/readonly_handler.cpp` and
 * `json(SlaveInfo)` in `src/common/http.cpp`), as served in `/master/state`, `/master/slaves` and,
 * with task counts added, `/master/state-summary`. Legacy naming says "slave" throughout.
 */
import type { AgentRecord, MasterView, RecoveredAgent, UnreachableAgent } from '../../model.js';
import { agentOffered, agentUsed, buildLedger, reservedByRole, type Ledger } from './accounting.js';
import { flattenAttributes } from './labels.js';

/** Default agent port when the AgentInfo did not carry one (upstream `--port` default). */
const DEFAULT_AGENT_PORT = 5051;

/** `json(SlaveInfo)`: the identity part, also the whole of a `recovered_slaves[]` entry. */
export function slaveInfo(agent: AgentRecord | UnreachableAgent | RecoveredAgent): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: agent.id,
    hostname: agent.info.hostname,
    port: agent.info.port ?? DEFAULT_AGENT_PORT,
    attributes: flattenAttributes(agent.info.attributes),
  };
  if (agent.info.domain !== undefined) out.domain = agent.info.domain;
  return out;
}

/**
 * The full agent object: identity, times, resource breakdown and liveness. Pass one `ledger` when
 * rendering many agents (see {@link buildLedger}).
 */
export function renderSlave(agent: AgentRecord, view: MasterView, ledger: Ledger = buildLedger(view)): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ...slaveInfo(agent),
    pid: agent.pid,
    registered_time: agent.registeredTime,
  };
  if (agent.reregisteredTime !== undefined) out.reregistered_time = agent.reregisteredTime;
  out.resources = agent.total.toLegacy();
  out.used_resources = agentUsed(view, agent, ledger).toLegacy();
  out.offered_resources = agentOffered(view, agent.id, ledger).toLegacy();
  out.reserved_resources = reservedByRole(agent.total);
  out.unreserved_resources = agent.total.unreserved().toLegacy();
  out.active = agent.active;
  out.deactivated = !agent.active;
  out.version = agent.version;
  out.capabilities = [...agent.capabilities];
  return out;
}
