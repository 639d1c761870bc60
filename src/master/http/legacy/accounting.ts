/**
 * Resource accounting shared by the legacy model JSON, the v1 operator API and `/metrics/snapshot`
 * (upstream keeps these sums on `Slave`/`Framework` in `src/master/master.hpp`; we derive them from
 * the records on every render so the three views can never disagree).
 */
import { Resources } from '../../../protocol/resources/index.js';
import type { AgentRecord, FrameworkRecord, MasterView, OfferRecord, TaskRecord } from '../../model.js';

/** Sum of a list of resource values, starting from nothing. */
export function sum(list: Iterable<Resources>): Resources {
  let total = Resources.empty();
  for (const r of list) total = total.add(r);
  return total;
}

/** ExecutorInfo resources arrive as v1 JSON; a malformed one must not break a status page. */
function executorResources(raw: unknown[] | undefined): Resources {
  if (raw === undefined || raw.length === 0) return Resources.empty();
  try {
    return Resources.fromV1(raw);
  } catch {
    return Resources.empty();
  }
}

/** Live tasks on an agent, resolved through the view (keys whose task vanished are skipped). */
export function agentTasks(view: MasterView, agent: AgentRecord): TaskRecord[] {
  const out: TaskRecord[] = [];
  for (const key of agent.taskKeys) {
    const task = view.task(key);
    if (task !== undefined) out.push(task);
  }
  return out;
}

/**
 * Per-render index of offers and executor resources by agent. `/master/state` on a big cluster
 * renders every agent, and scanning all offers and frameworks per agent would be quadratic; build
 * one ledger per render and pass it to each agent's accounting.
 */
export interface Ledger {
  offersByAgent: Map<string, OfferRecord[]>;
  executorsByAgent: Map<string, Resources>;
}

export function buildLedger(view: MasterView): Ledger {
  const offersByAgent = new Map<string, OfferRecord[]>();
  for (const offer of view.offers.values()) {
    const list = offersByAgent.get(offer.agentId);
    if (list === undefined) offersByAgent.set(offer.agentId, [offer]);
    else list.push(offer);
  }
  const executorsByAgent = new Map<string, Resources>();
  for (const fw of view.frameworks.values()) {
    for (const [agentId, execs] of fw.executors) {
      let total = executorsByAgent.get(agentId) ?? Resources.empty();
      for (const exec of execs.values()) total = total.add(executorResources(exec.resources));
      executorsByAgent.set(agentId, total);
    }
  }
  return { offersByAgent, executorsByAgent };
}

/** Used = live tasks plus tracked executors, as upstream's `Slave::usedResources`. */
export function agentUsed(view: MasterView, agent: AgentRecord, ledger: Ledger = buildLedger(view)): Resources {
  const executors = ledger.executorsByAgent.get(agent.id) ?? Resources.empty();
  return sum(agentTasks(view, agent).map((t) => t.resources)).add(executors);
}

/** Sum of the outstanding offers on an agent. */
export function agentOffered(view: MasterView, agentId: string, ledger: Ledger = buildLedger(view)): Resources {
  return sum((ledger.offersByAgent.get(agentId) ?? []).map((o) => o.resources));
}

/** A framework's outstanding offers (ids whose offer is already gone are skipped). */
export function frameworkOffers(view: MasterView, fw: FrameworkRecord): OfferRecord[] {
  const out: OfferRecord[] = [];
  for (const id of fw.offers) {
    const offer = view.offers.get(id);
    if (offer !== undefined) out.push(offer);
  }
  return out;
}

/** Used by a framework: its live tasks plus its executors on every agent. */
export function frameworkUsed(fw: FrameworkRecord): Resources {
  const parts: Resources[] = [...fw.tasks.values()].map((t) => t.resources);
  for (const execs of fw.executors.values()) {
    for (const exec of execs.values()) parts.push(executorResources(exec.resources));
  }
  return sum(parts);
}

export function frameworkOffered(view: MasterView, fw: FrameworkRecord): Resources {
  return sum(frameworkOffers(view, fw).map((o) => o.resources));
}

/** The roles a framework subscribes to: `roles` for MULTI_ROLE, else the single legacy `role`. */
export function frameworkRoles(fw: FrameworkRecord): string[] {
  if (fw.roles.length > 0) return fw.roles;
  return [fw.info.role ?? '*'];
}

/** Roles holding a static or dynamic reservation in `r`. */
export function reservationRoles(r: Resources): string[] {
  const roles = new Set<string>();
  for (const item of r.items()) if (item.role !== '*') roles.add(item.role);
  return [...roles].sort();
}

/** Flat legacy `{role: resources}` map of an agent's reservations. */
export function reservedByRole(r: Resources): Record<string, Record<string, number | string>> {
  const out: Record<string, Record<string, number | string>> = {};
  for (const role of reservationRoles(r)) out[role] = r.reserved(role).toLegacy();
  return out;
}

/** Scalar quantities by name in plain units (quota "consumed" style), zeros omitted. */
export function scalarQuantities(r: Resources): Record<string, number> {
  return Object.fromEntries([...r.toQuantities()].filter(([, v]) => v !== 0));
}
