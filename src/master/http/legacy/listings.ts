/**
 * Bodies of `/master/frameworks`, `/master/slaves` and `/master/flags` (upstream
 * `Master::Http::frameworks`, `slaves` and `flags` in `src/master/http.cpp`). The first two return
 * the same objects as `/master/state`, optionally narrowed to one id.
 */
import type { MasterView } from '../../model.js';
import { renderFramework } from './framework.js';
import { buildLedger } from './accounting.js';
import { renderSlave, slaveInfo } from './slave.js';

export interface FrameworksQuery {
  /** `?framework_id=`: only this framework, live or completed. */
  frameworkId?: string;
}

export interface SlavesQuery {
  /** `?slave_id=`: only this agent. */
  slaveId?: string;
}

export function renderFrameworks(view: MasterView, query: FrameworksQuery = {}): Record<string, unknown> {
  const wanted = (id: string): boolean => query.frameworkId === undefined || query.frameworkId === id;
  return {
    frameworks: [...view.frameworks.values()].filter((f) => wanted(f.id)).map((f) => renderFramework(f, view)),
    completed_frameworks: view.completedFrameworks.filter((f) => wanted(f.id)).map((f) => renderFramework(f, view)),
    unregistered_frameworks: [],
  };
}

/** `recovered_slaves`: agents read from the registry after a failover that have not re-registered yet. */
export function renderSlaves(view: MasterView, query: SlavesQuery = {}): Record<string, unknown> {
  const wanted = (id: string): boolean => query.slaveId === undefined || query.slaveId === id;
  const ledger = buildLedger(view);
  return {
    slaves: [...view.agents.values()].filter((a) => wanted(a.id)).map((a) => renderSlave(a, view, ledger)),
    recovered_slaves: [...(view.recoveredAgents?.values() ?? [])].filter((a) => wanted(a.id)).map(slaveInfo),
  };
}

/** Every flag as a string, the way upstream stringifies its flag values. */
export function renderFlags(view: MasterView): { flags: Record<string, string> } {
  return { flags: { ...view.flags } };
}
