/**
 * Offer filters (upstream `RefusedOfferFilter`): a DECLINE, or the unused part of an ACCEPT, stops
 * the same resources being re-offered to that (framework, role, agent) for `refuse_seconds` —
 * default 5 s, negative values mean the default, capped at 365 days, 0 installs nothing. A filter
 * applies while the resources the agent could offer are contained in the filtered resources.
 */
import type { Resources } from '../../protocol/resources/index.js';

/** Upstream's `Filters.refuse_seconds` default. */
export const DEFAULT_REFUSE_SECONDS = 5;
/** Upstream caps filters at one year. */
export const MAX_REFUSE_SECONDS = 31_536_000;

/** One installed filter; active while `now < expiresAt` (ms). */
export interface OfferFilter {
  readonly role: string;
  readonly resources: Resources;
  expiresAt: number;
}

/** Filter duration in ms for a requested `refuse_seconds` (undefined → no filter). */
export function refuseMillis(refuseSeconds: number | undefined): number {
  if (refuseSeconds === undefined) return 0;
  const s = !Number.isFinite(refuseSeconds) && refuseSeconds > 0 ? MAX_REFUSE_SECONDS
    : !(refuseSeconds >= 0) ? DEFAULT_REFUSE_SECONDS : Math.min(refuseSeconds, MAX_REFUSE_SECONDS);
  return Math.round(s * 1000);
}

/** True when one of `filters` for `role` is live and covers `candidate`. */
export function isFiltered(filters: readonly OfferFilter[] | undefined, role: string, candidate: Resources, now: number): boolean {
  if (filters === undefined) return false;
  for (const f of filters) {
    if (f.role === role && now < f.expiresAt && f.resources.contains(candidate)) return true;
  }
  return false;
}

/**
 * Filters indexed by agent then framework, so the allocation loop pays one map lookup per agent and
 * nothing when the agent has none; a second index by framework keeps REVIVE cheap.
 */
export class FilterTable {
  private readonly byAgent = new Map<string, Map<string, OfferFilter[]>>();
  private readonly agentsOf = new Map<string, Set<string>>();
  private nextExpiry = Infinity;

  /** Filters at one agent, keyed by framework id (read-only view for the cycle). */
  forAgent(agentId: string): ReadonlyMap<string, readonly OfferFilter[]> | undefined {
    return this.byAgent.get(agentId);
  }

  install(agentId: string, frameworkId: string, role: string, resources: Resources, expiresAt: number): void {
    let perAgent = this.byAgent.get(agentId);
    if (perAgent === undefined) this.byAgent.set(agentId, (perAgent = new Map()));
    let list = perAgent.get(frameworkId);
    if (list === undefined) perAgent.set(frameworkId, (list = []));
    const same = list.find((f) => f.role === role && f.resources.equals(resources));
    if (same !== undefined) same.expiresAt = Math.max(same.expiresAt, expiresAt);
    else list.push({ role, resources, expiresAt });
    let agents = this.agentsOf.get(frameworkId);
    if (agents === undefined) this.agentsOf.set(frameworkId, (agents = new Set()));
    agents.add(agentId);
    if (expiresAt < this.nextExpiry) this.nextExpiry = expiresAt;
  }

  /** Removes a framework's filters, only for `roles` when given (REVIVE, role removal). */
  clear(frameworkId: string, roles?: ReadonlySet<string>): void {
    const agents = this.agentsOf.get(frameworkId);
    if (agents === undefined) return;
    for (const agentId of agents) {
      const perAgent = this.byAgent.get(agentId);
      const list = perAgent?.get(frameworkId);
      if (perAgent === undefined || list === undefined) continue;
      const kept = roles === undefined ? [] : list.filter((f) => !roles.has(f.role));
      if (kept.length > 0) perAgent.set(frameworkId, kept);
      else {
        perAgent.delete(frameworkId);
        agents.delete(agentId);
        if (perAgent.size === 0) this.byAgent.delete(agentId);
      }
    }
    if (agents.size === 0) this.agentsOf.delete(frameworkId);
  }

  removeAgent(agentId: string): void {
    const perAgent = this.byAgent.get(agentId);
    if (perAgent === undefined) return;
    for (const frameworkId of perAgent.keys()) this.agentsOf.get(frameworkId)?.delete(agentId);
    this.byAgent.delete(agentId);
  }

  /** Drops expired filters; a no-op until the earliest expiry has passed. */
  expire(now: number): void {
    if (now < this.nextExpiry) return;
    this.nextExpiry = Infinity;
    for (const [agentId, perAgent] of this.byAgent) {
      for (const [frameworkId, list] of perAgent) {
        const live = list.filter((f) => now < f.expiresAt);
        for (const f of live) if (f.expiresAt < this.nextExpiry) this.nextExpiry = f.expiresAt;
        if (live.length > 0) perAgent.set(frameworkId, live);
        else {
          perAgent.delete(frameworkId);
          this.agentsOf.get(frameworkId)?.delete(agentId);
        }
      }
      if (perAgent.size === 0) this.byAgent.delete(agentId);
    }
  }

  /** Number of live-or-not-yet-swept filters (for metrics and tests). */
  size(): number {
    let n = 0;
    for (const perAgent of this.byAgent.values()) for (const list of perAgent.values()) n += list.length;
    return n;
  }
}
