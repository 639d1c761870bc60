/**
 * v1 protobuf-JSON shapes (mesos `include/mesos/v1/mesos.proto`, `scheduler/scheduler.proto`,
 * `master/master.proto`) as they cross the wire: snake_case names, ids as `{value}`, enums as strings.
 * Only the fields tsmesos reads are typed; everything else passes through untouched.
 */
export interface IdV1 {
  value: string;
}

export type TaskStateName =
  | 'TASK_STAGING'
  | 'TASK_STARTING'
  | 'TASK_RUNNING'
  | 'TASK_KILLING'
  | 'TASK_FINISHED'
  | 'TASK_FAILED'
  | 'TASK_KILLED'
  | 'TASK_ERROR'
  | 'TASK_LOST'
  | 'TASK_DROPPED'
  | 'TASK_UNREACHABLE'
  | 'TASK_GONE'
  | 'TASK_GONE_BY_OPERATOR'
  | 'TASK_UNKNOWN';

export const TASK_STATES: readonly TaskStateName[] = [
  'TASK_STAGING',
  'TASK_STARTING',
  'TASK_RUNNING',
  'TASK_KILLING',
  'TASK_FINISHED',
  'TASK_FAILED',
  'TASK_KILLED',
  'TASK_ERROR',
  'TASK_LOST',
  'TASK_DROPPED',
  'TASK_UNREACHABLE',
  'TASK_GONE',
  'TASK_GONE_BY_OPERATOR',
  'TASK_UNKNOWN',
];

const TERMINAL = new Set<TaskStateName>([
  'TASK_FINISHED',
  'TASK_FAILED',
  'TASK_KILLED',
  'TASK_ERROR',
  'TASK_LOST',
  'TASK_DROPPED',
  'TASK_GONE',
  'TASK_GONE_BY_OPERATOR',
]);

/** Terminal as the master counts it (TASK_LOST included, as upstream `protobuf::isTerminalState`). */
export function isTerminal(state: TaskStateName): boolean {
  return TERMINAL.has(state);
}

export interface LabelsV1 {
  labels?: Array<{ key: string; value?: string }>;
}

export interface FrameworkInfoV1 {
  user: string;
  name: string;
  id?: IdV1;
  failover_timeout?: number;
  checkpoint?: boolean;
  role?: string;
  roles?: string[];
  hostname?: string;
  principal?: string;
  webui_url?: string;
  capabilities?: Array<{ type: string }>;
  labels?: LabelsV1;
  offer_filters?: Record<string, unknown>;
  [k: string]: unknown;
}

export interface CommandInfoV1 {
  value?: string;
  shell?: boolean;
  arguments?: string[];
  user?: string;
  environment?: { variables?: Array<{ name: string; type?: string; value?: string }> };
  uris?: Array<{ value: string; executable?: boolean; extract?: boolean; cache?: boolean; output_file?: string }>;
  [k: string]: unknown;
}

export interface ExecutorInfoV1 {
  executor_id: IdV1;
  type?: 'DEFAULT' | 'CUSTOM' | 'UNKNOWN';
  framework_id?: IdV1;
  command?: CommandInfoV1;
  resources?: unknown[];
  name?: string;
  container?: unknown;
  [k: string]: unknown;
}

export interface TaskInfoV1 {
  name: string;
  task_id: IdV1;
  agent_id: IdV1;
  resources?: unknown[];
  executor?: ExecutorInfoV1;
  command?: CommandInfoV1;
  container?: unknown;
  health_check?: unknown;
  check?: unknown;
  kill_policy?: { grace_period?: { nanoseconds: number } };
  data?: string;
  labels?: LabelsV1;
  discovery?: unknown;
  limits?: Record<string, unknown>;
  [k: string]: unknown;
}

export interface TaskStatusV1 {
  task_id: IdV1;
  state: TaskStateName;
  message?: string;
  source?: 'SOURCE_MASTER' | 'SOURCE_AGENT' | 'SOURCE_EXECUTOR';
  reason?: string;
  data?: string;
  agent_id?: IdV1;
  executor_id?: IdV1;
  timestamp?: number;
  uuid?: string;
  healthy?: boolean;
  check_status?: unknown;
  labels?: LabelsV1;
  container_status?: unknown;
  unreachable_time?: { nanoseconds: number };
  limitation?: unknown;
  [k: string]: unknown;
}

export interface AttributeV1 {
  name: string;
  type: 'SCALAR' | 'RANGES' | 'SET' | 'TEXT';
  scalar?: { value: number };
  ranges?: { range: Array<{ begin: number; end: number }> };
  set?: { item: string[] };
  text?: { value: string };
}

export interface AgentInfoV1 {
  hostname: string;
  port?: number;
  id?: IdV1;
  resources?: unknown[];
  attributes?: AttributeV1[];
  domain?: unknown;
}

export interface AddressV1 {
  hostname?: string;
  ip?: string;
  port: number;
}

export interface MasterInfoV1 {
  id: string;
  ip: number;
  port: number;
  pid: string;
  hostname: string;
  version: string;
  address: AddressV1;
  capabilities: Array<{ type: string }>;
  domain?: unknown;
}
