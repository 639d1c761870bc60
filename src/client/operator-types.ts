/**
 * The operator `SUBSCRIBE` stream as a watcher reads it (master `POST /api/v1`, mesos-api.md §3, and
 * the tsmesos `TSMESOS_OFFER` extension of `?x_tsmesos_offers=true`). Only the fields a watcher uses
 * are typed, in the wire's own snake_case; anything else passes through. Unknown event types are
 * allowed on purpose: a newer master may send events this client does not know yet.
 */

export interface V1Id {
  value: string;
}

/** A v1 `Resource`; only scalar, ranges and set values matter to a watcher. */
export interface V1Resource {
  name: string;
  type?: 'SCALAR' | 'RANGES' | 'SET' | string;
  scalar?: { value: number };
  ranges?: { range?: Array<{ begin: number; end: number }> };
  set?: { item?: string[] };
  role?: string;
  allocation_info?: { role?: string };
}

export interface V1Attribute {
  name: string;
  type?: string;
  scalar?: { value: number };
  ranges?: { range?: Array<{ begin: number; end: number }> };
  set?: { item?: string[] };
  text?: { value: string };
}

export interface V1TaskStatus {
  task_id: V1Id;
  state: string;
  agent_id?: V1Id;
  timestamp?: number;
  healthy?: boolean;
  message?: string;
  reason?: string;
}

export interface V1Task {
  name: string;
  task_id: V1Id;
  framework_id: V1Id;
  agent_id: V1Id;
  state: string;
  resources?: V1Resource[];
  statuses?: V1TaskStatus[];
  health_check?: unknown;
}

export interface V1AgentInfo {
  hostname: string;
  port?: number;
  id?: V1Id;
  resources?: V1Resource[];
  attributes?: V1Attribute[];
}

export interface V1Agent {
  agent_info: V1AgentInfo;
  active?: boolean;
  deactivated?: boolean;
  registered_time?: { nanoseconds: number };
  total_resources?: V1Resource[];
  allocated_resources?: V1Resource[];
}

export interface V1FrameworkInfo {
  name: string;
  user?: string;
  id?: V1Id;
  role?: string;
  roles?: string[];
  principal?: string;
  hostname?: string;
}

export interface V1Offer {
  id: V1Id;
  framework_id: V1Id;
  agent_id: V1Id;
  hostname?: string;
  allocation_info?: { role?: string };
  resources?: V1Resource[];
}

export interface V1Framework {
  framework_info: V1FrameworkInfo;
  active?: boolean;
  connected?: boolean;
  registered_time?: { nanoseconds: number };
  offers?: V1Offer[];
}

export interface V1State {
  get_tasks?: { tasks?: V1Task[]; unreachable_tasks?: V1Task[]; completed_tasks?: V1Task[] };
  get_frameworks?: { frameworks?: V1Framework[]; completed_frameworks?: V1Framework[] };
  get_agents?: { agents?: V1Agent[] };
}

/** The four steps of an offer's life the tsmesos master reports. */
export type OfferAction = 'SENT' | 'ACCEPTED' | 'DECLINED' | 'RESCINDED';

export type OperatorEvent =
  | { type: 'SUBSCRIBED'; subscribed: { get_state?: V1State; heartbeat_interval_seconds?: number } }
  | { type: 'TASK_ADDED'; task_added: { task: V1Task } }
  | { type: 'TASK_UPDATED'; task_updated: { framework_id: V1Id; status: V1TaskStatus; state: string } }
  | { type: 'AGENT_ADDED'; agent_added: { agent: V1Agent } }
  | { type: 'AGENT_REMOVED'; agent_removed: { agent_id: V1Id } }
  | { type: 'FRAMEWORK_ADDED'; framework_added: { framework: V1Framework } }
  | { type: 'FRAMEWORK_UPDATED'; framework_updated: { framework: V1Framework } }
  | { type: 'FRAMEWORK_REMOVED'; framework_removed: { framework_info: V1FrameworkInfo } }
  | { type: 'HEARTBEAT' }
  | {
      type: 'TSMESOS_OFFER';
      tsmesos_offer: { action: OfferAction; offer: V1Offer; framework_id: V1Id; agent_id: V1Id; timestamp: number };
    };

export type OperatorEventType = OperatorEvent['type'];
