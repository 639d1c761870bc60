/**
 * Derived rows for the views, computed from `TopState` alone (pure; the hooks memoise them by
 * state reference). Usage is summed from live tasks because the stream has no "agent updated"
 * event: the allocated resources inside `AGENT_ADDED` go stale at the first launch.
 */
import { isTerminal, type TaskStateName } from '../../protocol/v1/types.js';
import { type Scalars, addScalars, dominantShare } from './resources.js';
import type { AgentEntry, FrameworkEntry, OfferEntry, TaskEntry, TopState } from './types.js';

export interface Usage {
  byAgent: Map<string, { used: Record<string, number>; tasks: number }>;
  byFramework: Map<string, { used: Record<string, number>; tasks: number }>;
  clusterTotal: Record<string, number>;
  clusterUsed: Record<string, number>;
}

export function usage(state: TopState): Usage {
  const byAgent: Usage['byAgent'] = new Map();
  const byFramework: Usage['byFramework'] = new Map();
  const clusterUsed: Record<string, number> = {};
  for (const t of state.tasks.values()) {
    if (isLive(t)) {
      for (const [map, id] of [[byAgent, t.agentId], [byFramework, t.frameworkId]] as const) {
        const u = map.get(id) ?? { used: {}, tasks: 0 };
        addScalars(u.used, t.resources, u.used);
        u.tasks++;
        map.set(id, u);
      }
      addScalars(clusterUsed, t.resources, clusterUsed);
    }
  }
  const clusterTotal: Record<string, number> = {};
  for (const a of state.agents.values()) addScalars(clusterTotal, a.total, clusterTotal);
  return { byAgent, byFramework, clusterTotal, clusterUsed };
}

export function isLive(t: TaskEntry): boolean {
  return !isTerminal(t.state as TaskStateName);
}

export interface AgentRow extends AgentEntry {
  used: Scalars;
  tasks: number;
  /** Resources offered to frameworks right now. */
  offers: number;
}

export function agentRows(state: TopState, u: Usage = usage(state)): AgentRow[] {
  const offers = countBy(state.offers.open.values(), (o) => o.agentId);
  return [...state.agents.values()]
    .map((a) => ({ ...a, used: u.byAgent.get(a.id)?.used ?? {}, tasks: u.byAgent.get(a.id)?.tasks ?? 0, offers: offers.get(a.id) ?? 0 }))
    .sort((a, b) => a.hostname.localeCompare(b.hostname) || a.id.localeCompare(b.id));
}

export interface FrameworkRow extends FrameworkEntry {
  used: Scalars;
  tasks: number;
  /** DRF dominant share of the cluster, 0..1, and the resource it is dominant in. */
  share: number;
  shareResource?: string;
  offersHeld: number;
}

export function frameworkRows(state: TopState, u: Usage = usage(state)): FrameworkRow[] {
  const held = countBy(state.offers.open.values(), (o) => o.frameworkId);
  return [...state.frameworks.values()]
    .map((f) => {
      const used = u.byFramework.get(f.id)?.used ?? {};
      const { share, resource } = dominantShare(used, u.clusterTotal);
      return { ...f, used, tasks: u.byFramework.get(f.id)?.tasks ?? 0, share, ...(resource ? { shareResource: resource } : {}), offersHeld: held.get(f.id) ?? 0 };
    })
    .sort((a, b) => b.share - a.share || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

export interface TaskRow extends TaskEntry {
  framework: string;
  agent: string;
  live: boolean;
}

/** Rows are rebuilt only for tasks that changed (or whose framework or agent name did). */
const taskRowCache = new WeakMap<TaskEntry, TaskRow>();

function taskRow(state: TopState, t: TaskEntry): TaskRow {
  const framework = frameworkName(state, t.frameworkId);
  const agent = state.agents.get(t.agentId)?.hostname ?? t.agentId;
  const cached = taskRowCache.get(t);
  if (cached && cached.framework === framework && cached.agent === agent) return cached;
  const row = { ...t, framework, agent, live: isLive(t) };
  taskRowCache.set(t, row);
  return row;
}

/**
 * Live tasks first (by name), then finished ones newest first. `filter` keeps rows whose id,
 * name, state, framework or agent contains it, ignoring case: what the user typed after `/`.
 */
export function taskRows(state: TopState, filter = ''): TaskRow[] {
  const needle = filter.trim().toLowerCase();
  const rows: TaskRow[] = [];
  for (const t of state.tasks.values()) {
    const row = taskRow(state, t);
    if (needle && ![row.id, row.name, row.state, row.framework, row.agent].some((s) => s.toLowerCase().includes(needle))) continue;
    rows.push(row);
  }
  return rows.sort((a, b) => Number(b.live) - Number(a.live) || (a.live ? byText(a.name, b.name) || byText(a.id, b.id) : b.updatedAt - a.updatedAt));
}

/**
 * Plain code-unit order: sorting 10,000 rows with `localeCompare` several times a second cost
 * most of a core (bench/tui); task names are ids in practice, where the two orders agree.
 */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface OfferRow extends OfferEntry {
  framework: string;
  agent: string;
  /** Milliseconds since sent (held offers) or how long it was held (closed ones). */
  ageMs: number;
}

export function offerRows(state: TopState, now: number): OfferRow[] {
  return state.offers.recent.map((o) => ({
    ...o,
    framework: frameworkName(state, o.frameworkId),
    agent: o.hostname || state.agents.get(o.agentId)?.hostname || o.agentId,
    ageMs: Math.max(0, (o.closedAt ?? now) - o.sentAt),
  }));
}

/** The framework's name, or its id when the framework is gone (torn down) or not yet known. */
export function frameworkName(state: TopState, id: string): string {
  return state.frameworks.get(id)?.name ?? id;
}

function countBy<T>(items: Iterable<T>, key: (x: T) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const x of items) out.set(key(x), (out.get(key(x)) ?? 0) + 1);
  return out;
}
