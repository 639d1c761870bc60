/**
 * One batch allocation cycle, the core of upstream's `HierarchicalAllocatorProcess::allocate`:
 * for each active agent, walk roles in DRF order and, within a role, frameworks in DRF order; the
 * first framework that is active, subscribed, not suppressed and not filtered gets one offer of
 * everything on the agent the role may use (its reservations, its parents' reservations, and
 * unreserved resources), provided that reaches the minimum allocatable size. Offers count as
 * allocations at once, so later agents see the updated shares.
 *
 * Pure: inputs are read, never written. Sorters are cloned before the first change and returned, so
 * the shell adopts the new ordering instead of recomputing it.
 */
import { Resources } from '../../protocol/resources/index.js';
import { isAllocatableTo } from '../../protocol/resources/role.js';
import type { DrfSorter } from './drf-sorter.js';
import { isFiltered, type FilterTable } from './filters.js';
import { isAllocatable, type MinAllocatable } from './min-allocatable.js';
import { quantityVector, type ResourceIndex } from './quantities.js';
import type { AgentView, AllocatorOffer, FrameworkView } from './types.js';

/** A snapshot of everything one cycle decides from. */
export interface CycleInput {
  readonly agents: Iterable<AgentView>;
  readonly frameworks: ReadonlyMap<string, FrameworkView>;
  readonly roleSorter: DrfSorter;
  readonly frameworkSorters: ReadonlyMap<string, DrfSorter>;
  readonly filters: FilterTable;
  readonly now: number;
  readonly minAllocatable: MinAllocatable;
  readonly index: ResourceIndex;
}

/** The decisions, plus the state they imply (new availability per touched agent, new orderings). */
export interface CycleResult {
  readonly offers: AllocatorOffer[];
  readonly remaining: Map<string, Resources>;
  readonly roleSorter: DrfSorter;
  readonly frameworkSorters: Map<string, DrfSorter>;
}

/** The part of `available` a framework in `role` may be offered; `available` itself when all of it. */
export function usableBy(available: Resources, role: string): Resources {
  const items = available.items();
  for (let i = 0; i < items.length; i++) {
    if (!isAllocatableTo(items[i]!.role, role)) return available.filter((r) => isAllocatableTo(r.role, role));
  }
  return available;
}

/** Runs one cycle over `input` and returns the offers it makes. */
export function runCycle(input: CycleInput): CycleResult {
  const { frameworks, filters, now, minAllocatable, index } = input;
  const offers: AllocatorOffer[] = [];
  const remaining = new Map<string, Resources>();
  const roleSorter = input.roleSorter.clone();
  const frameworkSorters = new Map(input.frameworkSorters);
  const cloned = new Set<string>();
  if (roleSorter.size === 0) return { offers, remaining, roleSorter, frameworkSorters };

  for (const agent of input.agents) {
    if (!agent.active || agent.available.isEmpty()) continue;
    let available = agent.available;
    const agentFilters = filters.forAgent(agent.id);
    for (const role of roleSorter.sorted()) {
      const candidate = usableBy(available, role);
      if (candidate.isEmpty() || !isAllocatable(candidate, minAllocatable)) continue;
      const sorter = frameworkSorters.get(role);
      if (sorter === undefined) continue;
      const frameworkId = sorter.find((id) => {
        const fw = frameworks.get(id);
        return fw !== undefined && fw.active && fw.roles.has(role) && !fw.suppressed.has(role)
          && !(agentFilters !== undefined && isFiltered(agentFilters.get(id), role, candidate, now));
      });
      if (frameworkId === undefined) continue;

      offers.push({ frameworkId, agentId: agent.id, role, resources: candidate.allocate(role) });
      available = candidate === available ? Resources.empty() : available.subtract(candidate);
      const delta = quantityVector(candidate, index);
      let writable = sorter;
      if (!cloned.has(role)) {
        writable = sorter.clone();
        frameworkSorters.set(role, writable);
        cloned.add(role);
      }
      writable.allocated(frameworkId, delta);
      roleSorter.allocated(role, delta);
      if (available.isEmpty()) break;
    }
    if (available !== agent.available) remaining.set(agent.id, available);
  }
  return { offers, remaining, roleSorter, frameworkSorters };
}
