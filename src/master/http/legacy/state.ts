/**
 * Body of `/master/state` (upstream `ReadOnlyHandler::state` in `src/master/readonly_handler.cpp`):
 * build and identity fields, agent counts, leader, flags and the full agent and framework lists.
 * `orphan_tasks` and `unregistered_frameworks` are always empty; upstream keeps them for old clients.
 */
import type { MasterView } from '../../model.js';
import { versionInfo } from '../version-info.js';
import { renderFramework } from './framework.js';
import { buildLedger } from './accounting.js';
import { renderSlave, slaveInfo } from './slave.js';

/** The master pid as legacy JSON prints it: `master@ip:port`. */
export function masterPid(view: MasterView): string {
  return view.info.pid !== '' ? view.info.pid : `master@${view.info.address.ip ?? view.info.hostname}:${view.info.port}`;
}

export function renderState(view: MasterView): Record<string, unknown> {
  const agents = [...view.agents.values()];
  const active = agents.filter((a) => a.active).length;
  const out: Record<string, unknown> = { ...versionInfo(), start_time: view.startTime };
  if (view.electedTime !== undefined) out.elected_time = view.electedTime;
  Object.assign(out, {
    id: view.info.id,
    pid: masterPid(view),
    hostname: view.info.hostname,
    capabilities: view.info.capabilities.map((c) => c.type),
    activated_slaves: active,
    deactivated_slaves: agents.length - active,
    unreachable_slaves: view.unreachableAgents.size,
  });
  if (view.info.domain !== undefined) out.domain = view.info.domain;
  if (view.elected) {
    out.leader = masterPid(view);
    out.leader_info = view.info;
  }
  for (const key of ['cluster', 'log_dir', 'external_log_file'] as const) {
    const value = view.flags[key];
    if (value !== undefined && value !== '') out[key] = value;
  }
  out.flags = { ...view.flags };
  const ledger = buildLedger(view);
  out.slaves = agents.map((a) => renderSlave(a, view, ledger));
  out.recovered_slaves = [...(view.recoveredAgents?.values() ?? [])].map(slaveInfo);
  out.frameworks = [...view.frameworks.values()].map((f) => renderFramework(f, view));
  out.completed_frameworks = view.completedFrameworks.map((f) => renderFramework(f, view));
  out.orphan_tasks = [];
  out.unregistered_frameworks = [];
  return out;
}
