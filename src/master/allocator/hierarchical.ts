/**
 * The stateful shell around the pure DRF core, with the call surface of upstream's
 * `HierarchicalAllocatorProcess` (addSlave/removeSlave, addFramework, recoverResources with
 * filters, suppress/revive, updateWeights, batch allocate). It keeps the books — agent
 * availability, per-agent allocations, sorters, filters — and applies what `runCycle` decides.
 */
import { Resources } from '../../protocol/resources/index.js';
import { AllocatorError } from './allocator-error.js';
import { fillAllocationRole, splitByAllocationRole, withAllocationRoles } from './allocation-roles.js';
import { runCycle } from './cycle.js';
import { FilterTable, refuseMillis } from './filters.js';
import { compileMinAllocatable, type MinAllocatable } from './min-allocatable.js';
import { computeShares, type AllocatorShares } from './shares.js';
import { SorterBooks } from './sorter-books.js';
import { checkWeight, newFramework, type AgentState, type AllocatorOptions, type FrameworkState } from './state.js';
import type { AllocatorOffer } from './types.js';

/**
 * Hierarchical weighted DRF allocator. Offers returned by `allocate()` count as allocated until
 * the master hands them back through `recoverResources`, as upstream does.
 */
export class HierarchicalAllocator {
  private readonly agents = new Map<string, AgentState>();
  private readonly frameworks = new Map<string, FrameworkState>();
  private readonly books = new SorterBooks();
  private readonly filters = new FilterTable();
  private readonly min: MinAllocatable;
  private readonly now: () => number;

  constructor(opts: AllocatorOptions = {}) {
    for (const [role, w] of Object.entries(opts.weights ?? {})) this.books.setWeight(role, checkWeight(role, w));
    this.min = compileMinAllocatable(opts.minAllocatable);
    this.now = opts.now ?? Date.now;
  }

  /** Adds an agent with what it already runs (`used`, e.g. after a master failover). */
  addAgent(agentId: string, total: Resources, used: Array<{ frameworkId: string; resources: Resources }> = []): void {
    if (this.agents.has(agentId)) throw new AllocatorError(`agent ${agentId} was already added`);
    const plain = total.unallocate();
    const allocations = new Map<string, Resources>();
    let available = plain;
    for (const { frameworkId, resources } of used) {
      if (resources.isEmpty()) continue;
      const firstRole = this.frameworks.get(frameworkId)?.roles.values().next().value;
      const res = withAllocationRoles(resources, firstRole ?? '*');
      available = available.subtract(res.unallocate());
      allocations.set(frameworkId, (allocations.get(frameworkId) ?? Resources.empty()).add(res));
    }
    this.books.changeTotals(plain, 1);
    this.agents.set(agentId, { id: agentId, active: true, total: plain, available, allocations });
    for (const [frameworkId, res] of allocations) {
      const fw = this.frameworks.get(frameworkId) ?? this.placeholder(frameworkId);
      fw.agents.add(agentId);
      this.book(fw, res, 1);
    }
  }

  removeAgent(agentId: string): void {
    const agent = this.agents.get(agentId);
    if (agent === undefined) return;
    for (const [frameworkId, res] of agent.allocations) {
      const fw = this.frameworks.get(frameworkId)!;
      fw.agents.delete(agentId);
      this.book(fw, res, -1);
    }
    this.books.changeTotals(agent.total, -1);
    this.filters.removeAgent(agentId);
    this.agents.delete(agentId);
  }

  activateAgent(agentId: string): void {
    const agent = this.agents.get(agentId);
    if (agent !== undefined) agent.active = true;
  }

  deactivateAgent(agentId: string): void {
    const agent = this.agents.get(agentId);
    if (agent !== undefined) agent.active = false;
  }

  addFramework(frameworkId: string, info: { roles: string[]; suppressedRoles?: string[]; active?: boolean }): void {
    const known = this.frameworks.get(frameworkId);
    if (known?.registered === true) throw new AllocatorError(`framework ${frameworkId} was already added`);
    const fw = known ?? this.placeholder(frameworkId);
    fw.registered = true;
    fw.active = info.active ?? true;
    this.updateFramework(frameworkId, info);
  }

  /** New role set and suppression; filters of dropped roles go with them. */
  updateFramework(frameworkId: string, info: { roles: string[]; suppressedRoles?: string[] }): void {
    const fw = this.frameworks.get(frameworkId);
    if (fw === undefined) throw new AllocatorError(`unknown framework ${frameworkId}`);
    const roles = new Set(info.roles);
    const dropped = [...fw.roles].filter((r) => !roles.has(r));
    fw.roles = roles;
    fw.suppressed = new Set((info.suppressedRoles ?? []).filter((r) => roles.has(r)));
    for (const role of roles) this.books.track(frameworkId, role);
    if (dropped.length > 0) this.filters.clear(frameworkId, new Set(dropped));
    for (const role of dropped) this.books.untrackIfIdle(frameworkId, role, false);
  }

  /** Releases everything the framework holds or has been offered. */
  removeFramework(frameworkId: string): void {
    const fw = this.frameworks.get(frameworkId);
    if (fw === undefined) return;
    fw.roles.clear();
    for (const agentId of fw.agents) {
      const agent = this.agents.get(agentId)!;
      const res = agent.allocations.get(frameworkId)!;
      agent.allocations.delete(frameworkId);
      agent.available = agent.available.add(res.unallocate());
      this.book(fw, res, -1);
    }
    for (const role of this.books.rolesOf(frameworkId)) this.books.untrackIfIdle(frameworkId, role, false);
    this.filters.clear(frameworkId);
    this.frameworks.delete(frameworkId);
  }

  activateFramework(frameworkId: string): void {
    const fw = this.frameworks.get(frameworkId);
    if (fw !== undefined) fw.active = true;
  }

  /** Stops offers; like upstream, a deactivated framework's filters are dropped. */
  deactivateFramework(frameworkId: string): void {
    const fw = this.frameworks.get(frameworkId);
    if (fw === undefined) return;
    fw.active = false;
    this.filters.clear(frameworkId);
  }

  /**
   * Hands back offered or used resources (unknown framework or agent: ignored, as upstream does).
   * `refuseSeconds` follows `Filters.refuse_seconds`: undefined or 0 installs no filter, negative
   * or NaN means 5 s, more than a year is capped. Throws ResourceError if they were not held.
   */
  recoverResources(frameworkId: string, agentId: string, resources: Resources, refuseSeconds?: number): void {
    const fw = this.frameworks.get(frameworkId);
    const agent = this.agents.get(agentId);
    if (fw === undefined || agent === undefined || resources.isEmpty()) return;
    const held = agent.allocations.get(frameworkId) ?? Resources.empty();
    const heldRoles = new Set(held.items().map((r) => r.allocationRole));
    const only = heldRoles.size === 1 ? [...heldRoles][0] : undefined;
    const res = only === undefined ? resources : fillAllocationRole(resources, only);
    const rest = held.subtract(res);
    if (rest.isEmpty()) {
      agent.allocations.delete(frameworkId);
      fw.agents.delete(agentId);
    } else {
      agent.allocations.set(frameworkId, rest);
    }
    agent.available = agent.available.add(res.unallocate());
    this.book(fw, res, -1);
    const ms = refuseMillis(refuseSeconds);
    if (ms === 0) return;
    const expiresAt = this.now() + ms;
    for (const [role, part] of splitByAllocationRole(res, '*')) {
      this.filters.install(agentId, frameworkId, role, part.unallocate(), expiresAt);
    }
  }

  /** SUPPRESS: no offers for `roles` (all of the framework's roles when empty) until REVIVE. */
  suppressOffers(frameworkId: string, roles?: string[]): void {
    const fw = this.frameworks.get(frameworkId);
    if (fw === undefined) return;
    for (const role of roles?.length ? roles : fw.roles) if (fw.roles.has(role)) fw.suppressed.add(role);
  }

  /** REVIVE: clears filters for `roles` (all when empty) and lifts their suppression. */
  reviveOffers(frameworkId: string, roles?: string[]): void {
    const fw = this.frameworks.get(frameworkId);
    if (fw === undefined) return;
    const selected = roles?.length ? new Set(roles) : undefined;
    for (const role of selected ?? [...fw.suppressed]) fw.suppressed.delete(role);
    this.filters.clear(frameworkId, selected);
  }

  /** UPDATE_WEIGHTS: sets the given roles' weights; other roles keep theirs. */
  setWeights(weights: Record<string, number>): void {
    const checked = Object.entries(weights).map(([role, w]) => [role, checkWeight(role, w)] as const);
    for (const [role, w] of checked) this.books.setWeight(role, w);
  }

  /** One batch cycle; the returned offers are booked as allocated. */
  allocate(): AllocatorOffer[] {
    const now = this.now();
    this.filters.expire(now);
    const { books } = this;
    const result = runCycle({
      agents: this.agents.values(), frameworks: this.frameworks, roleSorter: books.roleSorter,
      frameworkSorters: books.frameworkSorters, filters: this.filters, now, minAllocatable: this.min, index: books.index,
    });
    books.adopt(result);
    for (const [agentId, available] of result.remaining) this.agents.get(agentId)!.available = available;
    for (const offer of result.offers) {
      const agent = this.agents.get(offer.agentId)!;
      const prev = agent.allocations.get(offer.frameworkId);
      agent.allocations.set(offer.frameworkId, prev === undefined ? offer.resources : prev.add(offer.resources));
      this.frameworks.get(offer.frameworkId)!.agents.add(offer.agentId);
    }
    return result.offers;
  }

  shares(): AllocatorShares {
    return computeShares([...this.agents.values()].map((a) => a.allocations), this.frameworks.keys(), this.books);
  }

  /** Free resources on the agent: neither offered nor used. */
  available(agentId: string): Resources {
    return this.agents.get(agentId)?.available ?? Resources.empty();
  }

  private placeholder(frameworkId: string): FrameworkState {
    const fw = newFramework(frameworkId);
    this.frameworks.set(frameworkId, fw);
    return fw;
  }

  private book(fw: FrameworkState, res: Resources, sign: 1 | -1): void {
    this.books.book(fw.id, res, sign, (role) => fw.roles.has(role));
  }
}
