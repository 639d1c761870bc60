/**
 * What `tsmesos top` knows about the cluster: everything is rebuilt from the operator stream
 * (the `SUBSCRIBED` snapshot, then deltas), never polled. Maps are keyed by id; the reducer
 * treats every value here as immutable, so React can compare references.
 */
import type { OfferAction } from '../../client/operator-types.js';
import type { ChunkedMap } from './chunked-map.js';
import type { Scalars } from './resources.js';

export interface AgentEntry {
  id: string;
  hostname: string;
  port: number;
  active: boolean;
  /** `rack:r1 zone:2`, already formatted: attributes never change while an agent is registered. */
  attributes: string;
  total: Scalars;
}

export interface FrameworkEntry {
  id: string;
  name: string;
  roles: string[];
  user: string;
  active: boolean;
  connected: boolean;
}

export interface TaskEntry {
  /** `frameworkId/taskId`: task ids are unique only within a framework. */
  key: string;
  id: string;
  name: string;
  frameworkId: string;
  agentId: string;
  state: string;
  resources: Scalars;
  /** From the latest status that carried `healthy`; undefined when the task has no health check result. */
  healthy?: boolean;
  /** Local time (ms) of the last change, for pruning old terminal tasks. */
  updatedAt: number;
}

export interface OfferEntry {
  id: string;
  frameworkId: string;
  agentId: string;
  hostname: string;
  role: string;
  resources: Scalars;
  /** The latest step: SENT while the framework holds it. */
  action: OfferAction;
  /** Local time (ms) the offer was seen sent; ages are measured from here. */
  sentAt: number;
  /** Local time (ms) of the accept, decline or rescind. */
  closedAt?: number;
}

export interface OfferLog {
  /** Newest first, capped: what the Offers view lists. */
  recent: readonly OfferEntry[];
  /** Offers held by frameworks right now, by offer id. */
  open: ReadonlyMap<string, OfferEntry>;
  totals: Readonly<Record<OfferAction, number>>;
  /** Offers sent per local second (`[second, count]`, oldest first), for the rate sparkline. */
  perSecond: ReadonlyArray<readonly [number, number]>;
}

export type Connection =
  | { state: 'connecting'; url?: string; since: number }
  | { state: 'connected'; url: string; since: number }
  | { state: 'retrying'; error: string; hint?: string; retryAt: number; since: number };

export interface TopState {
  connection: Connection;
  agents: ReadonlyMap<string, AgentEntry>;
  frameworks: ReadonlyMap<string, FrameworkEntry>;
  /** By `frameworkId/taskId`; copied chunk-wise per batch (chunked-map.ts). */
  tasks: ChunkedMap<TaskEntry>;
  /** Non-terminal tasks in `tasks`, kept by the reducer (counting 10,000 tasks per batch is not free). */
  liveTasks: number;
  offers: OfferLog;
  /** Events applied since start (all connections), and when the last one arrived. */
  events: number;
  lastEventAt?: number;
  /** True once a `SUBSCRIBED` snapshot has been applied: before it, empty tables mean "unknown". */
  synced: boolean;
}
