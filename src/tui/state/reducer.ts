/**
 * The pure core of `tsmesos top`: operator stream events in, cluster state out (style-guide
 * convention 1). Events arrive in batches (the hook flushes them a few times a second), and each
 * batch copies only the maps it touches, once: with ten thousand tasks and a thousand offers a
 * second, copying per event would cost more than rendering.
 */
import type { OperatorEvent } from '../../client/operator-types.js';
import type { WatchStatus } from '../../client/operator-watch.js';
import { isTerminal, type TaskStateName } from '../../protocol/v1/types.js';
import { ChunkedMap, type ChunkedMapDraft } from './chunked-map.js';
import { agentEntry, frameworkEntry, taskEntry, taskKey } from './entries.js';
import { type OfferDraft, applyOffer, draftOffers, emptyOfferLog, finishOffers, resetOpenOffers } from './offers.js';
import type { AgentEntry, FrameworkEntry, TaskEntry, TopState } from './types.js';

export type TopAction =
  | { type: 'events'; events: readonly OperatorEvent[]; now: number }
  | { type: 'status'; status: WatchStatus; now: number };

/** Finished tasks kept for the Tasks view (newest); live tasks are never dropped. */
export const FINISHED_TASKS_KEPT = 1000;

export function initialState(now: number): TopState {
  return {
    connection: { state: 'connecting', since: now },
    agents: new Map(),
    frameworks: new Map(),
    tasks: ChunkedMap.empty(),
    liveTasks: 0,
    offers: emptyOfferLog(),
    events: 0,
    synced: false,
  };
}

export function topReducer(state: TopState, action: TopAction): TopState {
  if (action.type === 'status') return { ...state, connection: connectionOf(action.status, action.now, state) };
  if (action.events.length === 0) return state;
  const d = new Draft(state);
  for (const e of action.events) d.apply(e, action.now);
  return d.finish(action.now, action.events.length);
}

function connectionOf(s: WatchStatus, now: number, state: TopState): TopState['connection'] {
  const since = state.connection.state === s.state ? state.connection.since : now;
  if (s.state === 'connected') return { state: 'connected', url: s.url, since };
  if (s.state === 'connecting') return { state: 'connecting', url: s.url, since };
  return { state: 'retrying', error: s.error, hint: s.hint, retryAt: now + s.retryInMs, since };
}

function terminal(state: string): boolean {
  return isTerminal(state as TaskStateName);
}

/** Copy-on-first-write view of one state, for one batch of events. */
class Draft {
  private agentsCopy?: Map<string, AgentEntry>;
  private frameworksCopy?: Map<string, FrameworkEntry>;
  private tasksCopy?: ChunkedMapDraft<TaskEntry>;
  private offersCopy?: OfferDraft;
  private synced: boolean;
  private finishedAdded = false;
  private liveTasks: number;

  constructor(private readonly base: TopState) {
    this.synced = base.synced;
    this.liveTasks = base.liveTasks;
  }

  /** Sets a task, keeping the live count. */
  private setTask(t: TaskEntry): void {
    const before = this.tasks.get(t.key);
    this.liveTasks += Number(!terminal(t.state)) - (before ? Number(!terminal(before.state)) : 0);
    this.tasks.set(t.key, t);
  }

  private get agents() {
    return (this.agentsCopy ??= new Map(this.base.agents));
  }
  private get frameworks() {
    return (this.frameworksCopy ??= new Map(this.base.frameworks));
  }
  private get tasks() {
    return (this.tasksCopy ??= this.base.tasks.edit());
  }
  private get offers() {
    return (this.offersCopy ??= draftOffers(this.base.offers));
  }

  apply(e: OperatorEvent, now: number): void {
    switch (e.type) {
      case 'SUBSCRIBED': {
        const s = e.subscribed.get_state ?? {};
        const frameworks = s.get_frameworks?.frameworks ?? [];
        this.agentsCopy = new Map((s.get_agents?.agents ?? []).map((a) => [agentEntry(a).id, agentEntry(a)]));
        this.frameworksCopy = new Map(frameworks.map((f) => [frameworkEntry(f).id, frameworkEntry(f)]));
        const t = s.get_tasks ?? {};
        const all = [...(t.completed_tasks ?? []), ...(t.unreachable_tasks ?? []), ...(t.tasks ?? [])];
        const tasks = ChunkedMap.from(all.map((x) => taskEntry(x, now)).map((x) => [x.key, x] as const));
        this.tasksCopy = tasks.edit();
        this.liveTasks = [...tasks.values()].filter((x) => !terminal(x.state)).length;
        this.finishedAdded = true;
        resetOpenOffers(this.offers, frameworks, now);
        this.synced = true;
        return;
      }
      case 'TASK_ADDED': {
        this.setTask(taskEntry(e.task_added.task, now));
        return;
      }
      case 'TASK_UPDATED': {
        const u = e.task_updated;
        const key = taskKey(u.framework_id.value, u.status.task_id.value);
        const before = this.tasks.get(key);
        const base: TaskEntry = before ?? {
          key, id: u.status.task_id.value, name: u.status.task_id.value, frameworkId: u.framework_id.value,
          agentId: u.status.agent_id?.value ?? '', state: u.state, resources: {}, updatedAt: now,
        };
        const healthy = u.status.healthy ?? base.healthy;
        this.setTask({ ...base, state: u.state, ...(healthy === undefined ? {} : { healthy }), updatedAt: now });
        if (terminal(u.state)) this.finishedAdded = true;
        return;
      }
      case 'AGENT_ADDED': {
        const a = agentEntry(e.agent_added.agent);
        this.agents.set(a.id, a);
        return;
      }
      case 'AGENT_REMOVED':
        this.agents.delete(e.agent_removed.agent_id.value);
        return;
      case 'FRAMEWORK_ADDED':
      case 'FRAMEWORK_UPDATED': {
        const f = frameworkEntry(e.type === 'FRAMEWORK_ADDED' ? e.framework_added.framework : e.framework_updated.framework);
        this.frameworks.set(f.id, f);
        return;
      }
      case 'FRAMEWORK_REMOVED':
        this.frameworks.delete(e.framework_removed.framework_info.id?.value ?? '');
        return;
      case 'TSMESOS_OFFER':
        applyOffer(this.offers, e.tsmesos_offer.action, e.tsmesos_offer.offer, now);
        return;
      default:
        return; // HEARTBEAT, and event types a newer master may add
    }
  }

  finish(now: number, count: number): TopState {
    if (this.finishedAdded && this.tasksCopy) pruneFinished(this.tasksCopy);
    return {
      ...this.base,
      agents: this.agentsCopy ?? this.base.agents,
      frameworks: this.frameworksCopy ?? this.base.frameworks,
      tasks: this.tasksCopy?.finish() ?? this.base.tasks,
      liveTasks: this.liveTasks,
      offers: this.offersCopy ? finishOffers(this.offersCopy, now) : this.base.offers,
      events: this.base.events + count,
      lastEventAt: now,
      synced: this.synced,
    };
  }
}

/** Drops the oldest finished tasks beyond `FINISHED_TASKS_KEPT` (ties: by key, so it is deterministic). */
function pruneFinished(tasks: ChunkedMapDraft<TaskEntry>): void {
  const finished = [...tasks.values()].filter((t) => terminal(t.state));
  if (finished.length <= FINISHED_TASKS_KEPT) return;
  finished.sort((a, b) => a.updatedAt - b.updatedAt || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const t of finished.slice(0, finished.length - FINISHED_TASKS_KEPT)) tasks.delete(t.key);
}
